package net.nsglobal.cli.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.announce.AgentEvent;
import net.nsglobal.te.announce.AgentEvents;
import net.nsglobal.te.announce.AgentState.State;
import net.nsglobal.te.announce.AnycastStateFile;
import net.nsglobal.te.announce.DnsCheck;
import net.nsglobal.te.announce.Verdict;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.engine.BirdFilesApplier;
import net.nsglobal.te.engine.EngineJobs;
import net.nsglobal.te.engine.EngineSettings;
import net.nsglobal.te.engine.Vantage;
import net.nsglobal.te.measure.RoundJob;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.Constraints;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.UnicastRtt;
import net.nsglobal.te.propose.WorldExperimentRunner;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.world.Routing;

/**
 * The demo's route-change loop: the production engine's jobs ({@link EngineJobs}: learn, propose, apply, verify,
 * stale) bound to the simulated world — a site's knobs are put into effect by rewriting its BIRD file in the demo's
 * data directory (the simulated world's next catchment follows it), experiments are catchments the world computes
 * for a configuration without touching those files, and the vantage points are all the world's probes — plus one job
 * of the demo's own:
 * <ul>
 *   <li>{@value #HEALTH}: the site agent's rule for the demo's edges — a site whose edge has not answered CHAOS
 *       {@code hostname.bind} in {@value #FALL} checks in a row is withdrawn (the agent's state file, which every
 *       session's export filter of its BIRD file includes, rejects the prefix), and announced again after
 *       {@value #RISE} good ones; each move is an agent event on the operator's agents page, and a round is measured
 *       at once, so the map shows the site's probes moving.</li>
 * </ul>
 * An applied proposal starts a round at once, so it is verified within a minute. Each demo start runs the fleet as
 * its site files configure it (the fleet does not resume earlier runs' proposals), so the story replays.
 */
final class DemoEngine {
    private static final Logger log = LoggerFactory.getLogger(DemoEngine.class);
    static final String HEALTH = "te-site-health";
    static final int FALL = 3, RISE = 2;
    /**
     * The optimizer's limits in the demo. The blast radius is wide (6,000 of the 10,901 probes) because the story's
     * fix — nrt1 stops announcing to Hurricane Electric — moves about half of them at once; the operator's approval
     * is the demo's guard.
     */
    static final Constraints LIMITS = new Constraints(0.60, 2, 0.02, 6000, 25);

    private final EngineJobs engine;
    private final MeasurementStore store;
    private final Jobs jobs;
    private final AgentEvents agents;
    private final Map<String, AnycastStateFile> stateFiles = new LinkedHashMap<>();
    private final Map<String, DnsCheck> checks = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    /** Guarded by itself: the sites withdrawn by {@link #health}. */
    private final Set<String> withdrawn = new HashSet<>();

    private DemoEngine(List<Site> sites, List<Probe> probes, WorldExperimentRunner runner, Database db,
                       MeasurementStore store, Observatory observatory, Jobs jobs, BirdConfig bird, Path birdDir,
                       int roundProbes, AgentEvents agents) {
        this.store = store;
        this.jobs = jobs;
        this.agents = agents;
        for (Site s : sites) stateFiles.put(s.id(), new AnycastStateFile(birdDir.resolve(bird.agentStateFile(s))));
        ChangeApplier applier = new BirdFilesApplier(sites, bird, birdDir);
        Vantage vantage = wanted -> Optional.of(new Vantage.Points(probes, UnicastRtt.measure(runner.world(), probes, wanted, 1)));
        EngineSettings d = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(d.lifecycle(), Duration.ofSeconds(30), Duration.ofSeconds(10),
                true, 20, d.relearnProbeChange(), Duration.ZERO, d.experimentWait(), d.timing(), Map.of());
        this.engine = EngineJobs.of(settings, LIMITS, false, sites,
                new EngineJobs.Bindings(applier, fleet -> runner, vantage), PostgresProposalStore.open(db), store,
                observatory, roundProbes, this::measureNow, Clock.systemUTC());
    }

    static DemoEngine start(List<Site> sites, List<Probe> probes, Routing routing, Cidr prefix, Database db,
                            MeasurementStore store, Observatory observatory, Jobs jobs, BirdConfig bird, Path birdDir,
                            int roundProbes, Map<String, java.net.InetSocketAddress> edges, AgentEvents agents)
            throws JobsException, java.io.IOException {
        DemoEngine e = new DemoEngine(sites, probes, new WorldExperimentRunner(routing, sites, probes, prefix), db, store,
                observatory, jobs, bird, birdDir, roundProbes, agents);
        // Every run starts announced everywhere (a state file left withdrawn by the last run is replaced).
        for (Map.Entry<String, AnycastStateFile> f : e.stateFiles.entrySet()) f.getValue().write(f.getKey(), State.ANNOUNCED);
        edges.forEach((site, addr) -> {
            e.checks.put(site, new DnsCheck(addr, null, Duration.ofSeconds(1)));
            e.counts.put(site, new int[2]);
        });
        e.engine.register(jobs);
        jobs.everyDelay(HEALTH, Duration.ofSeconds(3), e::health);
        return e;
    }

    ProposalService proposals() { return engine.proposals(); }

    /** The sites withdrawn because their edge stopped answering. */
    Set<String> withdrawn() {
        synchronized (withdrawn) {
            return Set.copyOf(withdrawn);
        }
    }

    /**
     * The site agent's move, on the demo's files: the site's state file (included by every session's export filter of
     * its BIRD file, read back by the simulated world), a configuration change in the store, and the agent's event on
     * the operator's agents page.
     */
    private void move(String site, State from, State to, String reason, Verdict v) throws java.io.IOException {
        stateFiles.get(site).write(site, to);
        store.recordConfigChange(new ConfigChange(Instant.now(), site, (to == State.WITHDRAWN ? "withdrawn: " : "announced again: ") + reason));
        agents.record(site, new AgentEvent(Instant.now(), from, to, reason, List.of(v)));
    }

    private void measureNow() {
        try {
            jobs.runNow(RoundJob.NAME);
        } catch (JobsException e) {
            log.warn("te-engine demo: could not start a round at once: {}", e.getMessage());
        }
    }

    void health() throws Exception {
        boolean changed = false;
        for (Map.Entry<String, DnsCheck> c : checks.entrySet()) {
            String site = c.getKey();
            Verdict v = c.getValue().run();
            int[] n = counts.get(site); // [failures in a row, successes in a row]
            if (v.healthy()) {
                n[0] = 0;
                n[1]++;
            } else {
                n[1] = 0;
                n[0]++;
            }
            synchronized (withdrawn) {
                boolean out = withdrawn.contains(site);
                if (!out && n[0] >= FALL) {
                    withdrawn.add(site);
                    move(site, State.ANNOUNCED, State.WITHDRAWN, FALL + " failed hostname.bind checks in a row: "
                            + v.detail(), v);
                    log.warn("te-engine demo: site {} withdrawn: its edge failed {} checks in a row ({})", site, n[0], v.detail());
                    changed = true;
                } else if (out && n[1] >= RISE) {
                    withdrawn.remove(site);
                    move(site, State.WITHDRAWN, State.ANNOUNCED, RISE + " good hostname.bind checks in a row", v);
                    log.info("te-engine demo: site {} announced again after {} good checks", site, n[1]);
                    changed = true;
                }
            }
        }
        if (changed) measureNow();
    }
}
