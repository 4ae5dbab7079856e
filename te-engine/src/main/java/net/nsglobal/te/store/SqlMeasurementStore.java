package net.nsglobal.te.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What both storage paths do alike: probes, rounds, ingestion (see {@link Ingest}), raw reads, the share read from
 * the roll-up relation, config changes and spend. The paths differ in the roll-up relation, how it is refreshed and
 * how retention works.
 */
abstract class SqlMeasurementStore implements MeasurementStore {
    /** The roll-ups' bucket; both paths materialize per 5 minutes (origin 2000-01-01 UTC, which is also a multiple). */
    static final Duration ROLLUP_BUCKET = Duration.ofMinutes(5);
    /** date_bin's origin; time_bucket's default (2000-01-03) gives the same buckets for any divisor of a day. */
    static final String ORIGIN = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

    protected final Jdbi jdbi;

    SqlMeasurementStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The relation holding (bucket, site, samples) per {@link #ROLLUP_BUCKET}. */
    abstract String rollupRelation();

    @Override
    public void upsertProbes(Collection<ProbeInfo> probes) {
        Objects.requireNonNull(probes, "te store: probes");
        int i = 0;
        for (ProbeInfo p : probes) {
            if (p == null) throw new IllegalArgumentException("te store: probe #" + i + " of the list is null; nothing stored");
            i++;
        }
        if (probes.isEmpty()) return;
        jdbi.useTransaction(h -> {
            PreparedBatch b = h.prepareBatch("INSERT INTO te_probe (prb_id, asn, country, lat, lon, updated_at) "
                    + "VALUES (:id, :asn, :country, :lat, :lon, now()) ON CONFLICT (prb_id) DO UPDATE SET "
                    + "asn = excluded.asn, country = excluded.country, lat = excluded.lat, lon = excluded.lon, "
                    + "updated_at = excluded.updated_at");
            for (ProbeInfo p : probes) {
                b.bind("id", p.id()).bindByType("asn", p.asn(), Long.class).bindByType("country", p.country(), String.class)
                        .bind("lat", p.lat()).bind("lon", p.lon()).add();
            }
            b.execute();
        });
    }

    @Override
    public List<ProbeInfo> probes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT prb_id, asn, country, lat, lon FROM te_probe ORDER BY prb_id")
                .map((rs, ctx) -> new ProbeInfo(rs.getInt(1), nullableLong(rs, 2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5)))
                .list());
    }

    @Override
    public Round openRound(Instant started, String backend, long catchmentMsm, Map<String, Long> pingMsms) {
        Objects.requireNonNull(started, "te store: round start");
        Objects.requireNonNull(backend, "te store: round backend");
        Objects.requireNonNull(pingMsms, "te store: round ping measurements");
        Map<String, Long> pings = Map.copyOf(pingMsms); // rejects null sites and ids before anything is written
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO te_round (started, backend, catchment_msm) VALUES (:s, :b, :c)")
                    .bind("s", started).bind("b", backend).bind("c", catchmentMsm)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch b = h.prepareBatch("INSERT INTO te_round_ping (round_id, site, msm_id) VALUES (:r, :site, :m)");
            pings.forEach((site, msm) -> b.bind("r", id).bind("site", site).bind("m", msm).add());
            if (!pings.isEmpty()) b.execute();
            return new Round(id, started, backend, catchmentMsm, pings);
        });
    }

    private static final String ROUNDS = "SELECT r.id, r.started, r.backend, r.catchment_msm, p.site, p.msm_id "
            + "FROM te_round r LEFT JOIN te_round_ping p ON p.round_id = r.id ";

    @Override
    public List<Round> rounds(Instant from, Instant to) {
        return jdbi.withHandle(h -> rounds(h, ROUNDS + "WHERE r.started >= :from AND r.started < :to "
                + "ORDER BY r.started, r.id", from, to));
    }

    @Override
    public Optional<Round> latestRound() {
        return jdbi.withHandle(h -> rounds(h, ROUNDS + "WHERE r.id = (SELECT id FROM te_round ORDER BY started DESC, "
                + "id DESC LIMIT 1)", null, null)).stream().findFirst();
    }

    private record RoundRow(long id, Instant started, String backend, long catchmentMsm, String site, long pingMsm) {}

    private static List<Round> rounds(Handle h, String sql, Instant from, Instant to) {
        var q = h.createQuery(sql);
        if (from != null) q.bind("from", from).bind("to", to);
        List<RoundRow> rows = q.map((rs, ctx) -> new RoundRow(rs.getLong(1), instant(rs, 2), rs.getString(3),
                rs.getLong(4), rs.getString(5), rs.getLong(6))).list();
        Map<Long, RoundRow> first = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> pings = new LinkedHashMap<>();
        for (RoundRow r : rows) {
            first.putIfAbsent(r.id(), r);
            Map<String, Long> m = pings.computeIfAbsent(r.id(), k -> new LinkedHashMap<>());
            if (r.site() != null) m.put(r.site(), r.pingMsm());
        }
        List<Round> out = new ArrayList<>();
        first.forEach((id, r) -> out.add(new Round(id, r.started(), r.backend(), r.catchmentMsm(), pings.get(id))));
        return out;
    }

    @Override
    public int ingestCatchment(Collection<CatchmentSample> samples) {
        return Ingest.catchment(jdbi, samples);
    }

    @Override
    public int ingestPings(Collection<PingSample> samples) {
        return Ingest.pings(jdbi, samples);
    }

    @Override
    public List<CatchmentSample> catchment(long msmId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT msm_id, prb_id, ts, site, rtt_ms, error FROM te_catchment "
                        + "WHERE msm_id = :m ORDER BY ts, prb_id")
                .bind("m", msmId)
                .map((rs, ctx) -> new CatchmentSample(rs.getLong(1), rs.getInt(2), instant(rs, 3), rs.getString(4),
                        nullableDouble(rs, 5), rs.getString(6)))
                .list());
    }

    @Override
    public List<PingSample> pings(long msmId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT msm_id, prb_id, ts, site, min_rtt_ms, sent, received "
                        + "FROM te_ping WHERE msm_id = :m ORDER BY ts, prb_id")
                .bind("m", msmId)
                .map((rs, ctx) -> new PingSample(rs.getLong(1), rs.getInt(2), instant(rs, 3), rs.getString(4),
                        nullableDouble(rs, 5), rs.getInt(6), rs.getInt(7)))
                .list());
    }

    @Override
    public Optional<Instant> newestSample(long msmId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT max(ts) FROM (SELECT max(ts) AS ts FROM te_catchment "
                        + "WHERE msm_id = :m UNION ALL SELECT max(ts) FROM te_ping WHERE msm_id = :m) AS newest")
                .bind("m", msmId)
                .map((rs, ctx) -> Optional.ofNullable(instant(rs, 1)))
                .one());
    }

    /**
     * Re-bins the 5-minute roll-up rows whose bucket starts in {@code [from, to)} into buckets of {@code bucket}
     * (date_bin from 2000-01-01 UTC). {@code bucket} must be a whole number of roll-up buckets: a coarser bucket
     * cannot split a 5-minute row.
     */
    @Override
    public List<SharePoint> shareOverTime(Instant from, Instant to, Duration bucket) {
        Objects.requireNonNull(from, "te store: share from");
        Objects.requireNonNull(to, "te store: share to");
        Objects.requireNonNull(bucket, "te store: share bucket");
        if (bucket.isNegative() || bucket.isZero() || bucket.toSeconds() % ROLLUP_BUCKET.toSeconds() != 0
                || bucket.toNanosPart() != 0) {
            throw new IllegalArgumentException("te store: share bucket " + bucket + " must be a positive multiple of "
                    + "the roll-ups' " + ROLLUP_BUCKET.toMinutes() + " minutes");
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT date_bin(make_interval(secs => :secs), bucket, " + ORIGIN
                        + ") AS b, site, sum(samples)::bigint FROM " + rollupRelation()
                        + " WHERE bucket >= :from AND bucket < :to GROUP BY 1, 2 ORDER BY 1, 2")
                .bind("secs", (double) bucket.toSeconds()).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new SharePoint(instant(rs, 1), rs.getString(2), rs.getLong(3)))
                .list());
    }

    @Override
    public void recordConfigChange(ConfigChange change) {
        Objects.requireNonNull(change, "te store: config change");
        Objects.requireNonNull(change.time(), "te store: config change time");
        Objects.requireNonNull(change.site(), "te store: config change site");
        Objects.requireNonNull(change.summary(), "te store: config change summary");
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO te_config_change (time, site, summary) VALUES (:t, :s, :m)")
                .bind("t", change.time()).bind("s", change.site()).bind("m", change.summary()).execute());
    }

    @Override
    public List<ConfigChange> configChanges(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT time, site, summary FROM te_config_change "
                        + "WHERE time >= :from AND time < :to ORDER BY time, id")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new ConfigChange(instant(rs, 1), rs.getString(2), rs.getString(3)))
                .list());
    }

    @Override
    public long configChangeCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM te_config_change").mapTo(Long.class).one());
    }

    @Override
    public void recordSpend(Spend spend) {
        Objects.requireNonNull(spend, "te store: spend");
        Objects.requireNonNull(spend.job(), "te store: spend job");
        Objects.requireNonNull(spend.time(), "te store: spend time");
        if (!Double.isFinite(spend.credits())) {
            throw new IllegalArgumentException("te store: spend of job " + spend.job() + " on msm " + spend.msmId()
                    + " has credits " + spend.credits() + "; not stored");
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO te_spend (job, msm_id, time, credits) VALUES (:j, :m, :t, :c)")
                .bind("j", spend.job()).bind("m", spend.msmId()).bind("t", spend.time()).bind("c", spend.credits())
                .execute());
    }

    @Override
    public List<Spend> spend(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT job, msm_id, time, credits FROM te_spend "
                        + "WHERE time >= :from AND time < :to ORDER BY time, id")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Spend(rs.getString(1), rs.getLong(2), instant(rs, 3), rs.getDouble(4)))
                .list());
    }

    /** {@code t} rounded down to a roll-up bucket boundary. */
    static Instant floorBucket(Instant t) {
        long s = ROLLUP_BUCKET.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
    }

    /** {@code t} rounded up to a roll-up bucket boundary. */
    static Instant ceilBucket(Instant t) {
        Instant f = floorBucket(t);
        return f.equals(t) ? f : f.plus(ROLLUP_BUCKET);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static double nullableDouble(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
