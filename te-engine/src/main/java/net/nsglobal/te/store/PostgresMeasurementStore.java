package net.nsglobal.te.store;

import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The plain PostgreSQL path (the embedded default): raw samples in ordinary tables with BRIN on time, the roll-up
 * in the table {@code te_share} recomputed for a window by {@link #refreshRollups} (called by a job), retention by
 * {@code DELETE}. Tables: db/migration/te.
 *
 * <p>A refresh never reaches below the point retention has deleted up to ({@code te_store_state}): the raw rows of
 * those buckets are gone, and recomputing them would erase roll-ups that are meant to outlive the raw data.
 */
public final class PostgresMeasurementStore extends SqlMeasurementStore {
    /** Serialises refreshes of the roll-up table (two at once would both delete, then collide on its key). */
    private static final long REFRESH_LOCK = 0x7465_5f73_6861_7265L; // "te_share"

    public PostgresMeasurementStore(Jdbi jdbi) {
        super(jdbi);
    }

    @Override
    public String path() { return "postgresql"; }

    @Override
    String rollupRelation() { return "te_share"; }

    /** Recomputes the 5-minute buckets overlapping {@code [from, to)} from the raw samples, in one transaction. */
    @Override
    public void refreshRollups(Instant from, Instant to) {
        Objects.requireNonNull(from, "te store: refresh from");
        Objects.requireNonNull(to, "te store: refresh to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("te store: roll-up refresh window [" + from + ", " + to + ") is empty");
        }
        jdbi.useTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?)", REFRESH_LOCK);
            Instant deletedBefore = h.createQuery("SELECT raw_deleted_before FROM te_store_state")
                    .map((rs, ctx) -> instant(rs, 1)).one();
            Instant f = floorBucket(from), t = ceilBucket(to);
            if (deletedBefore != null && f.isBefore(ceilBucket(deletedBefore))) f = ceilBucket(deletedBefore);
            if (!f.isBefore(t)) return;
            h.createUpdate("DELETE FROM te_share WHERE bucket >= :f AND bucket < :t").bind("f", f).bind("t", t).execute();
            h.createUpdate("INSERT INTO te_share (bucket, site, samples) "
                            + "SELECT date_bin(INTERVAL '5 minutes', ts, " + ORIGIN + "), site, count(*) FROM te_catchment "
                            + "WHERE ts >= :f AND ts < :t AND site IS NOT NULL GROUP BY 1, 2")
                    .bind("f", f).bind("t", t).execute();
        });
    }

    /** Deletes raw catchment and ping samples with a time before {@code before}; the roll-ups stay. */
    @Override
    public long deleteRawBefore(Instant before) {
        Objects.requireNonNull(before, "te store: retention boundary");
        return jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?)", REFRESH_LOCK);
            long n = h.createUpdate("DELETE FROM te_catchment WHERE ts < :b").bind("b", before).execute();
            n += h.createUpdate("DELETE FROM te_ping WHERE ts < :b").bind("b", before).execute();
            h.createUpdate("UPDATE te_store_state SET raw_deleted_before = "
                    + "GREATEST(coalesce(raw_deleted_before, :b), :b)").bind("b", before).execute();
            return n;
        });
    }
}
