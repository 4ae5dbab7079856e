package net.nsglobal.te.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The observatory's storage. Two implementations behind this one interface: TimescaleDB (hypertable, continuous
 * aggregate, retention and compression policies) when {@code pg_available_extensions} lists it, plain PostgreSQL
 * otherwise (BRIN on time, a roll-up table refreshed by a job, deletes for retention); the path is chosen at
 * start-up and logged. Ingestion is idempotent: a sample already stored (same measurement, probe and timestamp) is
 * ignored, so overlapping fetch windows lose and double nothing.
 */
public interface MeasurementStore {
    /** "timescaledb" or "postgresql". */
    String path();

    /** Inserts or updates probe metadata. */
    void upsertProbes(Collection<ProbeInfo> probes);

    /** All probes known. */
    List<ProbeInfo> probes();

    /** Records a new round and returns it with its id. */
    Round openRound(Instant started, String backend, long catchmentMsm, java.util.Map<String, Long> pingMsms);

    /** The rounds started in {@code [from, to)}, oldest first. */
    List<Round> rounds(Instant from, Instant to);

    Optional<Round> latestRound();

    /** Stores samples not yet stored; returns how many were new. */
    int ingestCatchment(Collection<CatchmentSample> samples);

    /** Stores samples not yet stored; returns how many were new. */
    int ingestPings(Collection<PingSample> samples);

    /** The catchment samples of a measurement. */
    List<CatchmentSample> catchment(long msmId);

    /** The ping samples of a measurement. */
    List<PingSample> pings(long msmId);

    /** The newest sample time stored for a measurement (where an incremental fetch resumes, minus an overlap). */
    Optional<Instant> newestSample(long msmId);

    /** Refreshes the roll-ups covering {@code [from, to)} (no-op where a continuous aggregate does it). */
    void refreshRollups(Instant from, Instant to);

    /** Per-site catchment answers per bucket of {@code bucket} in {@code [from, to)}, from the roll-ups. */
    List<SharePoint> shareOverTime(Instant from, Instant to, Duration bucket);

    /** Deletes raw samples older than {@code before}; returns rows deleted (0 where a retention policy does it). */
    long deleteRawBefore(Instant before);

    void recordConfigChange(ConfigChange change);

    List<ConfigChange> configChanges(Instant from, Instant to);

    /**
     * How many configuration changes were ever recorded: the fleet's configuration version, which a proposal's basis
     * names. By default counted from {@link #configChanges}; a store with an index counts without reading them.
     */
    default long configChangeCount() {
        return configChanges(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1))).size();
    }

    void recordSpend(Spend spend);

    List<Spend> spend(Instant from, Instant to);
}
