package net.nsglobal.te.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.backend.MeasurementBackend;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.measure.Samples;
import net.nsglobal.te.measure.SiteNames;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.ExperimentRunner;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.Spend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link ExperimentRunner}: one experiment is one real catchment measurement under the experiment's
 * configuration.
 * <ol>
 *   <li>APPLY: the sites whose knobs differ from what they run get the experiment's knobs through the fleet (the
 *       production applier: BIRD confirms each, or the experiment fails and what was changed is restored);</li>
 *   <li>SETTLE: {@code te.experiment-settle} for BGP to converge;</li>
 *   <li>MEASURE: a one-off catchment measurement (CHAOS TXT hostname.bind with NSID to the anycast address) from the
 *       probes that answered the latest round, polled until each has answered or {@code te.experiment-wait} passed;
 *       its cost is recorded as spend {@value #SPEND};</li>
 *   <li>RESTORE: every changed site gets its previous knobs back — also when measuring failed.</li>
 * </ol>
 * The measurement is not a round: its samples are not stored as catchment (the observatory's shares over time and
 * the proposals' basis show production, never an experiment); only the configuration changes are recorded, so the
 * charts mark each experiment.
 *
 * <p><b>Production traffic.</b> There is no separate experiment prefix: the template renders knobs for the anycast
 * prefixes the sites announce, so an experiment moves real queries for its minutes (AnyOpt avoids that with an
 * experiment prefix). The engine therefore runs experiments only with the operator's consent,
 * {@code te.experiments-on-production: true}, off by default.
 */
public final class MeasuredExperimentRunner implements ExperimentRunner {
    private static final Logger log = LoggerFactory.getLogger(MeasuredExperimentRunner.class);
    public static final String SPEND = "te-experiment";

    private final Fleet fleet;
    private final MeasurementBackend backend;
    private final MeasurementStore store;
    private final SiteNames names;
    private final InetAddress anycast;
    private final Supplier<List<Integer>> probes;
    private final Duration settle;
    private final Duration wait;
    private final Clock clock;

    /** {@code probes}: the ids to measure from (the latest round's answering probes). */
    public MeasuredExperimentRunner(Fleet fleet, MeasurementBackend backend, MeasurementStore store, InetAddress anycast,
                                    Supplier<List<Integer>> probes, Duration settle, Duration wait, Clock clock) {
        this.fleet = fleet;
        this.backend = backend;
        this.store = store;
        this.names = new SiteNames(fleet.sites());
        this.anycast = anycast;
        this.probes = probes;
        this.settle = settle;
        this.wait = wait;
        this.clock = clock;
    }

    @Override
    public Map<Integer, String> catchment(Map<String, Knobs> configuration) throws IOException {
        Map<String, Knobs> before = fleet.running();
        List<String> changed = new ArrayList<>();
        try {
            for (String site : fleet.ids()) {
                Knobs k = configuration.get(site);
                if (k == null) throw new IOException("te-engine experiment: no knobs for site " + site);
                if (k.equals(before.get(site))) continue;
                changed.add(site);
                ChangeApplier.Outcome o = fleet.applier().apply(site, k);
                if (!(o instanceof ChangeApplier.Outcome.Applied)) {
                    throw new IOException("te-engine experiment: site " + site + " did not take the experiment's knobs: " + o.detail());
                }
            }
            if (!changed.isEmpty()) pause(settle);
            return measure(changed);
        } finally {
            for (String site : changed) {
                ChangeApplier.Outcome o = fleet.applier().apply(site, before.get(site));
                if (!(o instanceof ChangeApplier.Outcome.Applied)) {
                    log.error("te-engine experiment: site {} NOT restored after the experiment: {}", site, o.detail());
                }
            }
        }
    }

    private Map<Integer, String> measure(List<String> changed) throws IOException {
        List<Integer> ids = probes.get();
        if (ids.isEmpty()) throw new IOException("te-engine experiment: no probes to measure from (no round answered yet)");
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        MeasurementRequest request = MeasurementRequest.oneOff(List.of(DnsDefinition.catchment(anycast.getHostAddress(),
                anycast instanceof Inet6Address ? 6 : 4)), ProbeSelection.of(ProbeSelection.Type.PROBES, list, ids.size()));
        long msm = backend.create(request).get(0);
        double credits = backend.expectedCredits(msm);
        if (credits >= 0) store.recordSpend(new Spend(SPEND, msm, clock.instant(), credits));
        long deadline = System.nanoTime() + wait.toNanos();
        Duration every = Duration.ofMillis(Math.max(200, Math.min(10_000, wait.toMillis() / 20)));
        Map<Integer, String> out = new HashMap<>();
        Map<Integer, Boolean> heard = new HashMap<>();
        while (true) {
            backend.poll(msm, ResultQuery.all(), r -> {
                if (!(r instanceof DnsResult d)) return;
                CatchmentSample c = Samples.catchment(d, names);
                heard.put(c.probeId(), true);
                if (c.site() != null) out.put(c.probeId(), c.site());
            });
            if (heard.size() >= ids.size() || System.nanoTime() >= deadline) break;
            pause(every);
        }
        log.info("te-engine experiment: msm {} ({} changed): {} of {} probes answered, {} named a site", msm,
                changed.isEmpty() ? "nothing" : changed, heard.size(), ids.size(), out.size());
        return out;
    }

    private static void pause(Duration d) throws IOException {
        if (d.isZero()) return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("te-engine experiment: interrupted", e);
        }
    }
}
