package net.nsglobal.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.measure.RoundJob;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.Constraints;
import net.nsglobal.te.propose.Experiments;
import net.nsglobal.te.propose.Layout;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.Optimizer;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.UnicastRtt;
import net.nsglobal.te.propose.WorldExperimentRunner;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.world.Routing;

/**
 * The demo's route-change loop, two jobs beside the observatory's:
 * <ol>
 *   <li>{@value #PROPOSE}: once, learn each probe's preferences from the experiments the engine schedules on the
 *       simulated world ({@link Experiments}); then, after each measured round and while no proposal is open, ask the
 *       {@link Optimizer} for a change and submit it (state PROPOSED: an operator approves it on
 *       {@code /ops/te/proposals});</li>
 *   <li>{@value #HEALTH}: the site agent's rule for the demo's edges — a site whose edge has not answered CHAOS
 *       {@code hostname.bind} in {@value #FALL} checks in a row is withdrawn (every session of its BIRD file
 *       rejects the prefix), and announced again after {@value #RISE} good ones; either way a round is measured at
 *       once, so the map shows the site's probes moving;</li>
 *   <li>{@value #LOOP}: applies approved proposals (the sites' BIRD files in the demo's data directory are rewritten,
 *       so the simulated world's next catchment follows them), starts a measurement round at once, and verifies an
 *       applied proposal against the first complete round measured after it (rolled back if worse).</li>
 * </ol>
 */
final class DemoEngine {
    private static final Logger log = LoggerFactory.getLogger(DemoEngine.class);
    static final String PROPOSE = "te-propose", LOOP = "te-apply-verify", HEALTH = "te-site-health";
    static final int FALL = 3, RISE = 2;
    /**
     * The optimizer's limits in the demo. The blast radius is wide (6,000 of the 10,901 probes) because the story's
     * fix — nrt1 stops announcing to Hurricane Electric — moves about half of them at once; the operator's approval
     * is the demo's guard.
     */
    static final Constraints LIMITS = new Constraints(0.60, 2, 0.02, 6000, 25);

    private final List<Site> sites;
    private final List<Probe> probes;
    private final WorldExperimentRunner runner;
    private final Map<String, Knobs> base = new LinkedHashMap<>();
    private final Map<String, Knobs> current = new LinkedHashMap<>();
    private final ProposalService proposals;
    private final Observatory observatory;
    private final MeasurementStore store;
    private final Jobs jobs;
    private final int roundProbes;
    private Optimizer optimizer;
    private final Map<String, net.nsglobal.te.announce.DnsCheck> checks = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final java.util.Set<String> withdrawn = new java.util.HashSet<>();
    private final Map<String, Site> byId = new LinkedHashMap<>();
    private final BirdConfig bird;
    private final Path birdDir;

    private DemoEngine(List<Site> sites, List<Probe> probes, WorldExperimentRunner runner, Database db,
                       MeasurementStore store, Observatory observatory, Jobs jobs, BirdConfig bird, Path birdDir,
                       int roundProbes) {
        this.sites = sites;
        this.probes = probes;
        this.runner = runner;
        this.store = store;
        this.observatory = observatory;
        this.jobs = jobs;
        this.roundProbes = roundProbes;
        for (Site s : sites) {
            base.put(s.id(), Knobs.of(s));
            current.put(s.id(), Knobs.of(s));
        }
        this.bird = bird;
        this.birdDir = birdDir;
        sites.forEach(s -> byId.put(s.id(), s));
        ChangeApplier applier = (site, knobs) -> {
            try {
                Path file;
                synchronized (current) {
                    current.put(site, knobs);
                    file = bird.write(byId.get(site), withdrawn.contains(site) ? knobs.withdrawnEverywhere() : knobs, birdDir);
                }
                store.recordConfigChange(new ConfigChange(Instant.now(), site, Layout.of(Map.of(site, knobs),
                        Map.of(site, base.get(site))).toString()));
                return new ChangeApplier.Outcome.Applied("rendered " + file);
            } catch (IOException | RuntimeException e) {
                return new ChangeApplier.Outcome.Refused(e.getMessage());
            }
        };
        this.proposals = new ProposalService(PostgresProposalStore.open(db), applier, this::basis,
                LifecycleSettings.defaults(), Clock.systemUTC());
    }

    static DemoEngine start(List<Site> sites, List<Probe> probes, Routing routing, Cidr prefix, Database db,
                            MeasurementStore store, Observatory observatory, Jobs jobs, BirdConfig bird, Path birdDir,
                            int roundProbes, Map<String, java.net.InetSocketAddress> edges) throws JobsException {
        DemoEngine e = new DemoEngine(sites, probes, new WorldExperimentRunner(routing, sites, probes, prefix), db, store,
                observatory, jobs, bird, birdDir, roundProbes);
        edges.forEach((site, addr) -> {
            e.checks.put(site, new net.nsglobal.te.announce.DnsCheck(addr, null, java.time.Duration.ofSeconds(1)));
            e.counts.put(site, new int[2]);
        });
        jobs.everyDelay(HEALTH, java.time.Duration.ofSeconds(3), e::health);
        jobs.everyDelay(PROPOSE, java.time.Duration.ofSeconds(30), e::propose);
        jobs.everyDelay(LOOP, java.time.Duration.ofSeconds(10), e::applyAndVerify);
        return e;
    }

    ProposalService proposals() { return proposals; }

    /** The sites withdrawn because their edge stopped answering. */
    java.util.Set<String> withdrawn() {
        synchronized (current) {
            return java.util.Set.copyOf(withdrawn);
        }
    }

    void health() throws Exception {
        boolean changed = false;
        for (Map.Entry<String, net.nsglobal.te.announce.DnsCheck> c : checks.entrySet()) {
            String site = c.getKey();
            net.nsglobal.te.announce.Verdict v = c.getValue().run();
            int[] n = counts.get(site); // [failures in a row, successes in a row]
            if (v.healthy()) {
                n[0] = 0;
                n[1]++;
            } else {
                n[1] = 0;
                n[0]++;
            }
            synchronized (current) {
                boolean out = withdrawn.contains(site);
                if (!out && n[0] >= FALL) {
                    withdrawn.add(site);
                    bird.write(byId.get(site), current.get(site).withdrawnEverywhere(), birdDir);
                    store.recordConfigChange(new ConfigChange(Instant.now(), site, "withdrawn: " + v.detail()));
                    log.warn("te-engine demo: site {} withdrawn: its edge failed {} checks in a row ({})", site, n[0], v.detail());
                    changed = true;
                } else if (out && n[1] >= RISE) {
                    withdrawn.remove(site);
                    bird.write(byId.get(site), current.get(site), birdDir);
                    store.recordConfigChange(new ConfigChange(Instant.now(), site, "announced again: edge healthy"));
                    log.info("te-engine demo: site {} announced again after {} good checks", site, n[1]);
                    changed = true;
                }
            }
        }
        if (changed) jobs.runNow(RoundJob.NAME);
    }

    private Proposal.Basis basis() {
        return Proposal.Basis.current(store);
    }

    /** A round's analysis counts once most of its probes are in (ingestion runs behind the round). */
    private Optional<CatchmentSnapshot> completeLatest() {
        return observatory.latest().filter(s -> s.probes().size() * 3 >= roundProbes * 2);
    }

    private boolean open(Proposal p) {
        return p.state() == ProposalState.PROPOSED || p.state() == ProposalState.APPROVED
                || p.state() == ProposalState.APPLIED;
    }

    void propose() throws Exception {
        if (optimizer == null) {
            long t0 = System.nanoTime();
            UnicastRtt rtt = UnicastRtt.measure(runner.world(), probes, sites.stream().map(Site::id).toList(), 1);
            Experiments.Learned learned = Experiments.learn(runner, sites, probes, base, rtt);
            double accuracy = learned.predictor().accuracy(runner, Experiments.heldOut(learned, 20, 7)).share();
            optimizer = new Optimizer(learned.predictor(), sites, LIMITS, 2, accuracy, learned.experiments());
            log.info("te-engine demo: learned from {} experiments ({} of them session experiments: {}) in {} ms;"
                            + " held-out accuracy {}%", learned.experiments(), learned.sessionExperiments(),
                    learned.levers().stream().map(c -> c.site() + " " + c.action()).toList(),
                    (System.nanoTime() - t0) / 1_000_000, Math.round(accuracy * 1000) / 10.0);
        }
        proposals.refresh();
        if (proposals.list(50).stream().anyMatch(this::open)) return;
        Optional<CatchmentSnapshot> snap = completeLatest();
        Proposal.Basis basis = basis();
        if (snap.isEmpty() || snap.get().roundId() != basis.roundId()) return;
        Map<String, Knobs> now;
        synchronized (current) {
            now = new LinkedHashMap<>(current);
        }
        Optional<Candidate> c = optimizer.propose(Layout.of(now, base));
        if (c.isEmpty()) return;
        proposals.submit(c.get(), basis, snap.get(), now);
    }

    void applyAndVerify() throws Exception {
        for (Proposal p : proposals.list(50)) {
            if (p.state() == ProposalState.APPROVED) {
                if (proposals.apply(p.id()) instanceof ProposalState.Transition.Moved) jobs.runNow(RoundJob.NAME);
            } else if (p.state() == ProposalState.APPLIED) {
                Optional<CatchmentSnapshot> snap = completeLatest();
                if (snap.isPresent() && p.appliedAt().isPresent() && snap.get().time().isAfter(p.appliedAt().get())) {
                    log.info("te-engine demo: proposal #{} checked against round {}: {}", p.id(), snap.get().roundId(),
                            proposals.verify(p.id(), snap.get()));
                }
            }
        }
    }
}
