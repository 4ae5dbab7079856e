package net.nsglobal.te.measure;

import java.time.Duration;
import java.time.Instant;
import net.nsglobal.te.store.MeasurementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw samples older than the retention; the roll-ups stay. The retention is longer than the ingestion
 * lookback (the configuration refuses otherwise), so a sample deleted here is never fetched and stored again.
 */
public final class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    public static final String NAME = "observatory-retention";

    private final MeasurementStore store;
    private final Duration retention;

    public RetentionJob(MeasurementStore store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    public long run(Instant now) {
        Instant before = now.minus(retention);
        long deleted = store.deleteRawBefore(before);
        log.info("te measure: retention: {} raw samples before {} deleted ({})", deleted, before, store.path());
        return deleted;
    }
}
