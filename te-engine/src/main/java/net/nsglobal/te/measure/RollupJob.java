package net.nsglobal.te.measure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.nsglobal.te.store.MeasurementStore;

/**
 * Refreshes the roll-ups (catchment answers per site per time bucket) over the window ingestion still writes into:
 * from the start of the hour {@code lookback} ago until now. Rounds older than that get no new samples, so their
 * buckets are final. On TimescaleDB the continuous aggregate does this itself and the call is a no-op.
 */
public final class RollupJob {
    public static final String NAME = "observatory-rollup";

    private final MeasurementStore store;
    private final Duration lookback;

    public RollupJob(MeasurementStore store, Duration lookback) {
        this.store = store;
        this.lookback = lookback;
    }

    public void run(Instant now) {
        store.refreshRollups(now.minus(lookback).truncatedTo(ChronoUnit.HOURS), now.plusSeconds(1));
    }
}
