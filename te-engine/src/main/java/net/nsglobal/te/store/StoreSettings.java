package net.nsglobal.te.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How the observatory store is kept (beside the {@link MeasurementStore} contract, read by
 * {@link MeasurementStores#open}): which path to take, how long raw samples are kept, how far back a roll-up
 * refresh reaches (late uploads older than that do not reach the roll-ups), and (TimescaleDB only) when chunks are
 * compressed. Roll-ups are kept for ever; they are small (one row per site per 5 minutes).
 */
public record StoreSettings(Path path, Duration rawRetention, Duration rollupRefreshWindow, Duration compressAfter) {
    /** Which storage path: chosen from {@code pg_available_extensions}, or forced. */
    public enum Path {
        AUTO, POSTGRESQL, TIMESCALEDB;

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public StoreSettings {
        Objects.requireNonNull(path, "te store: path");
        positive("raw retention", rawRetention);
        positive("roll-up refresh window", rollupRefreshWindow);
        positive("compress after", compressAfter);
        if (rollupRefreshWindow.compareTo(Duration.ofMinutes(15)) < 0) {
            // TimescaleDB's refresh policy needs a window of at least two buckets beyond its 5-minute end offset
            throw new IllegalArgumentException("te store: roll-up refresh window " + rollupRefreshWindow
                    + " must be at least 15 minutes (three 5-minute buckets)");
        }
        if (rollupRefreshWindow.compareTo(rawRetention) >= 0) {
            // a refresh reaching past retention would recompute buckets from raw rows that are gone
            throw new IllegalArgumentException("te store: roll-up refresh window " + rollupRefreshWindow
                    + " must be shorter than raw retention " + rawRetention);
        }
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("te store: " + what + " must be a positive duration, got " + d);
        }
    }

    /** Path chosen automatically; raw samples kept 90 days; roll-ups refreshed 3 days back; compressed after 7 days. */
    public static StoreSettings defaults() {
        return new StoreSettings(Path.AUTO, Duration.ofDays(90), Duration.ofDays(3), Duration.ofDays(7));
    }

    public StoreSettings withPath(Path p) { return new StoreSettings(p, rawRetention, rollupRefreshWindow, compressAfter); }
}
