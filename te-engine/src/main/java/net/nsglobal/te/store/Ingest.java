package net.nsglobal.te.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Ingestion, the same on both paths: the batch is checked first (a bad sample rejects the whole batch with its
 * position, before anything is written), then COPYed in binary format ({@link CopyBinary}) into a temporary staging
 * table (dropped at commit), then moved with {@code INSERT … SELECT … ON CONFLICT (msm_id, prb_id, ts) DO NOTHING},
 * all in one transaction (PgJDBC's CopyManager on the pooled connection). Samples
 * already stored (overlapping fetch windows, a repeated upload, a duplicate inside the batch) are skipped by the
 * unique key; a late sample (older timestamp arriving later) is simply a new key. The INSERT's row count is the
 * number of new samples.
 */
final class Ingest {
    /** PostgreSQL timestamptz takes years 4713 BC to 294276 AD; ISO text with a sign beyond 9999 it does not parse. */
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z"), MAX = Instant.parse("9999-12-31T23:59:59Z");

    private Ingest() {}

    static int catchment(Jdbi jdbi, Collection<CatchmentSample> samples) {
        Objects.requireNonNull(samples, "te store: catchment samples");
        int i = 0;
        for (CatchmentSample s : samples) {
            if (s == null) throw bad("catchment", i, "is null");
            check("catchment", i, s.msmId(), s.probeId(), s.time());
            text("catchment", i, s, "site", s.site());
            text("catchment", i, s, "error", s.error());
            i++;
        }
        if (samples.isEmpty()) return 0;
        return run(jdbi, "catchment",
                "CREATE TEMP TABLE te_catchment_stage (msm_id bigint, prb_id integer, ts timestamptz, site text, "
                        + "rtt_ms double precision, error text) ON COMMIT DROP",
                "COPY te_catchment_stage (msm_id, prb_id, ts, site, rtt_ms, error) FROM STDIN (FORMAT binary)",
                "INSERT INTO te_catchment (msm_id, prb_id, ts, site, rtt_ms, error) "
                        + "SELECT msm_id, prb_id, ts, site, rtt_ms, error FROM te_catchment_stage ORDER BY ts "
                        + "ON CONFLICT (msm_id, prb_id, ts) DO NOTHING",
                out -> {
                    for (CatchmentSample s : samples) {
                        out.row(6).int8(s.msmId()).int4(s.probeId()).timestamptz(s.time()).text(s.site())
                                .float8OrNull(s.rttMs()).text(s.error());
                    }
                });
    }

    static int pings(Jdbi jdbi, Collection<PingSample> samples) {
        Objects.requireNonNull(samples, "te store: ping samples");
        int i = 0;
        for (PingSample s : samples) {
            if (s == null) throw bad("ping", i, "is null");
            check("ping", i, s.msmId(), s.probeId(), s.time());
            text("ping", i, s, "site", s.site());
            i++;
        }
        if (samples.isEmpty()) return 0;
        return run(jdbi, "ping",
                "CREATE TEMP TABLE te_ping_stage (msm_id bigint, prb_id integer, ts timestamptz, site text, "
                        + "min_rtt_ms double precision, sent integer, received integer) ON COMMIT DROP",
                "COPY te_ping_stage (msm_id, prb_id, ts, site, min_rtt_ms, sent, received) FROM STDIN (FORMAT binary)",
                "INSERT INTO te_ping (msm_id, prb_id, ts, site, min_rtt_ms, sent, received) "
                        + "SELECT msm_id, prb_id, ts, site, min_rtt_ms, sent, received FROM te_ping_stage ORDER BY ts "
                        + "ON CONFLICT (msm_id, prb_id, ts) DO NOTHING",
                out -> {
                    for (PingSample s : samples) {
                        out.row(7).int8(s.msmId()).int4(s.probeId()).timestamptz(s.time()).text(s.site())
                                .float8OrNull(s.minRttMs()).int4(s.sent()).int4(s.received());
                    }
                });
    }

    private interface Rows {
        void write(CopyBinary out) throws SQLException;
    }

    private static int run(Jdbi jdbi, String kind, String stage, String copy, String insert, Rows rows) {
        try {
            return jdbi.inTransaction(h -> {
                Connection c = h.getConnection();
                try (Statement st = c.createStatement()) {
                    st.execute(stage);
                }
                CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
                CopyBinary out = new CopyBinary(in);
                try {
                    rows.write(out);
                    out.finish();
                } finally {
                    if (in.isActive()) in.cancelCopy();
                }
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate(insert);
                }
            });
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("te store: ingesting " + kind + " samples failed (nothing of the batch stored): "
                    + e.getMessage(), e);
        }
    }

    private static void check(String kind, int i, long msmId, int probeId, Instant time) {
        if (time == null) throw bad(kind, i, "(msm " + msmId + ", probe " + probeId + ") has no time");
        if (time.isBefore(MIN) || time.isAfter(MAX)) {
            throw bad(kind, i, "(msm " + msmId + ", probe " + probeId + ") has time " + time + " outside years 1-9999");
        }
    }

    private static void text(String kind, int i, Object s, String field, String v) {
        if (v != null && v.indexOf('\0') >= 0) throw bad(kind, i, s + ": " + field + " contains a NUL character");
    }

    private static IllegalArgumentException bad(String kind, int i, String why) {
        return new IllegalArgumentException("te store: " + kind + " sample #" + i + " of the batch " + why
                + "; nothing of the batch was stored");
    }
}
