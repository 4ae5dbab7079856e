package net.nsglobal.te.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The TimescaleDB path: raw samples in hypertables (one chunk per day), the roll-up the continuous aggregate
 * {@code te_share_cagg} (time_bucket, 5 minutes) kept fresh by its refresh policy, retention and compression by
 * policies that drop or compress whole chunks. Tables: db/migration/te, then db/migration/te-timescale. At start
 * the policies are set again to the configured intervals (the migration holds the defaults).
 *
 * <p>Not exercised by the test suite: TimescaleDB is not installed on the build machine (the chooser and the
 * migration files are tested without it).
 */
public final class TimescaleMeasurementStore extends SqlMeasurementStore {
    private final StoreSettings settings;

    public TimescaleMeasurementStore(Jdbi jdbi, StoreSettings settings) {
        super(jdbi);
        this.settings = Objects.requireNonNull(settings, "te store: settings");
    }

    @Override
    public String path() { return "timescaledb"; }

    @Override
    String rollupRelation() { return "te_share_cagg"; }

    /** Replaces the migration's default policies with the configured intervals (TimescaleDB API: remove, add). */
    void applyPolicies() {
        jdbi.useTransaction(h -> {
            for (String table : new String[] {"te_catchment", "te_ping"}) {
                // each policy function returns one row; run as statements, the result is not needed
                h.createUpdate("SELECT remove_retention_policy('" + table + "', if_exists => true)").execute();
                h.createUpdate("SELECT add_retention_policy('" + table + "', drop_after => make_interval(secs => :s))")
                        .bind("s", secs(settings.rawRetention())).execute();
                h.createUpdate("SELECT remove_compression_policy('" + table + "', if_exists => true)").execute();
                h.createUpdate("SELECT add_compression_policy('" + table + "', compress_after => make_interval(secs => :s))")
                        .bind("s", secs(settings.compressAfter())).execute();
            }
            h.createUpdate("SELECT remove_continuous_aggregate_policy('te_share_cagg', if_exists => true)")
                    .execute();
            h.createUpdate("SELECT add_continuous_aggregate_policy('te_share_cagg', "
                            + "start_offset => make_interval(secs => :s), end_offset => INTERVAL '5 minutes', "
                            + "schedule_interval => INTERVAL '5 minutes')")
                    .bind("s", secs(settings.rollupRefreshWindow())).execute();
        });
    }

    /**
     * Materializes the buckets overlapping {@code [from, to)} now ({@code refresh_continuous_aggregate}, which runs
     * outside a transaction). The window is clipped to the retained raw data plus a day (a chunk) of margin:
     * refreshing a region whose chunks were dropped would empty its buckets.
     */
    @Override
    public void refreshRollups(Instant from, Instant to) {
        Objects.requireNonNull(from, "te store: refresh from");
        Objects.requireNonNull(to, "te store: refresh to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("te store: roll-up refresh window [" + from + ", " + to + ") is empty");
        }
        Instant oldest = ceilBucket(Instant.now().minus(settings.rawRetention()).plus(Duration.ofDays(1)));
        Instant f = floorBucket(from), t = ceilBucket(to);
        if (f.isBefore(oldest)) f = oldest;
        if (!f.isBefore(t)) return;
        Instant start = f;
        // window bounds are "any" in the procedure's signature: typed here, or PostgreSQL cannot resolve them
        jdbi.useHandle(h -> h.createUpdate("CALL refresh_continuous_aggregate('te_share_cagg', "
                        + "CAST(:f AS timestamptz), CAST(:t AS timestamptz))")
                .bind("f", start).bind("t", t).execute());
    }

    /** Retention is the policy's (whole chunks); nothing is deleted row by row here. */
    @Override
    public long deleteRawBefore(Instant before) {
        Objects.requireNonNull(before, "te store: retention boundary");
        return 0;
    }

    private static double secs(Duration d) { return d.toSeconds(); }
}
