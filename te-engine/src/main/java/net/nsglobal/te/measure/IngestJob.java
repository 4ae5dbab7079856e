package net.nsglobal.te.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.backend.MeasurementBackend;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.results.PingResult;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the results of recent rounds into the store, incrementally: each measurement of every round started within
 * {@code lookback} is polled from its newest stored sample minus {@code overlap}. The windows overlap on purpose: a
 * probe that was offline uploads its result later with the time it measured, which may be older than results already
 * stored; the overlap fetches it, and the store's de-duplication (measurement + probe + timestamp) drops what was
 * fetched before. Probes not yet known to the store get their metadata (AS, country, coordinates) from the backend.
 *
 * <p>A measurement that cannot be fetched does not stop the others; the run then fails naming them, and the next run
 * fetches from where the store stands.
 */
public final class IngestJob {
    private static final Logger log = LoggerFactory.getLogger(IngestJob.class);
    public static final String NAME = "observatory-ingest";

    /** What one run did. */
    public record Ingested(int rounds, int results, int newCatchment, int newPings, int probesUpserted) {}

    private final MeasurementBackend backend;
    private final MeasurementStore store;
    private final SiteNames sites;
    private final Duration overlap;
    private final Duration lookback;
    /** Probe ids whose metadata was asked for and not given: not asked again by this process. */
    private final Set<Integer> askedFor = new HashSet<>();

    public IngestJob(MeasurementBackend backend, MeasurementStore store, SiteNames sites, Duration overlap, Duration lookback) {
        this.backend = backend;
        this.store = store;
        this.sites = sites;
        this.overlap = overlap;
        this.lookback = lookback;
    }

    /**
     * The backend answered 404 for the measurement: it no longer has it (deleted, or it was made by an earlier run of
     * a simulation) and nothing more will come, so it is not a failure to retry and report every run.
     */
    private static boolean gone(RuntimeException e) {
        return e instanceof net.nsglobal.atlas.api.AtlasApiException a && a.status() == 404;
    }

    public Ingested run(Instant now) {
        List<Round> rounds = store.rounds(now.minus(lookback), now.plusSeconds(1));
        int results = 0;
        int newCatchment = 0;
        int newPings = 0;
        Set<Integer> seen = new HashSet<>();
        List<String> failed = new ArrayList<>();
        for (Round round : rounds) {
            try {
                List<CatchmentSample> catchment = new ArrayList<>();
                results += fetch(round, round.catchmentMsm(), r -> {
                    if (r instanceof DnsResult d) catchment.add(Samples.catchment(d, sites));
                });
                catchment.forEach(c -> seen.add(c.probeId()));
                newCatchment += store.ingestCatchment(catchment);
            } catch (RuntimeException e) {
                if (!gone(e)) failed.add("catchment msm " + round.catchmentMsm() + " (" + e.getMessage() + ")");
            }
            for (Map.Entry<String, Long> ping : round.pingMsms().entrySet()) {
                try {
                    List<PingSample> pings = new ArrayList<>();
                    results += fetch(round, ping.getValue(), r -> {
                        if (r instanceof PingResult p) pings.add(Samples.ping(p, ping.getKey()));
                    });
                    pings.forEach(p -> seen.add(p.probeId()));
                    newPings += store.ingestPings(pings);
                } catch (RuntimeException e) {
                    if (!gone(e)) failed.add("ping msm " + ping.getValue() + " of " + ping.getKey() + " (" + e.getMessage() + ")");
                }
            }
        }
        int upserted = probes(seen);
        Ingested done = new Ingested(rounds.size(), results, newCatchment, newPings, upserted);
        log.info("te measure: ingest: {} rounds, {} results fetched, {} catchment and {} ping samples new, {} probes updated",
                done.rounds(), done.results(), done.newCatchment(), done.newPings(), done.probesUpserted());
        if (!failed.isEmpty()) {
            throw new IllegalStateException("te measure: ingest: " + failed.size() + " measurement(s) not fetched: "
                    + String.join("; ", failed));
        }
        return done;
    }

    private int fetch(Round round, long msm, java.util.function.Consumer<MeasurementResult> sink) {
        Instant from = store.newestSample(msm).orElse(round.started()).minus(overlap);
        int[] n = {0};
        ParseStats stats = backend.poll(msm, ResultQuery.since(from), r -> {
            n[0]++;
            sink.accept(r);
        });
        if (stats.skipped() > 0) {
            log.warn("te measure: ingest: round {} msm {}: {} malformed results skipped, e.g. {}", round.id(), msm,
                    stats.skipped(), stats.sampleReasons());
        }
        return n[0];
    }

    /** Fetches metadata once for probes the store does not know; returns how many probes were upserted. */
    private int probes(Set<Integer> seen) {
        Set<Integer> unknown = new HashSet<>(seen);
        store.probes().forEach(p -> unknown.remove(p.id()));
        unknown.removeAll(askedFor);
        if (unknown.isEmpty()) return 0;
        // The probe API filters by country, AS or status, not by id: one listing covers every unknown probe.
        List<ProbeInfo> infos = new ArrayList<>();
        for (Probe p : backend.probes(ProbeQuery.all())) {
            infos.add(new ProbeInfo(p.id(), p.asnV4() == null ? null : p.asnV4().longValue(), p.countryCode(),
                    p.latitude() == null ? Double.NaN : p.latitude(), p.longitude() == null ? Double.NaN : p.longitude()));
        }
        store.upsertProbes(infos);
        askedFor.addAll(unknown);
        return infos.size();
    }
}
