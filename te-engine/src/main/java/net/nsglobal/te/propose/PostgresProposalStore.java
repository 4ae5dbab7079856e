package net.nsglobal.te.propose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.platform.db.Database;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.ProposalState.Event;
import net.nsglobal.te.propose.ProposalState.Transition;
import net.nsglobal.te.store.StoreException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link ProposalStore} on the platform's PostgreSQL (tables of {@code db/migration/te/V2__te_proposals.sql}). Every
 * change locks the proposal's row ({@code SELECT … FOR UPDATE}) so two operators approving at once see one another;
 * the one-change-in-flight-per-site rule is the primary key of {@code te_site_in_flight}, claimed in the same
 * transaction. The candidate and the previous knobs are kept as JSON (they are read back whole, never queried).
 */
public final class PostgresProposalStore implements ProposalStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Map<String, Knobs>> KNOBS = new TypeReference<>() {};

    private final Jdbi jdbi;

    /** Runs the te module's migrations (idempotent) and opens the store. */
    public static PostgresProposalStore open(Database db) {
        db.migrate("te");
        return new PostgresProposalStore(db.jdbi());
    }

    private PostgresProposalStore(Jdbi jdbi) { this.jdbi = jdbi; }

    @Override
    public Proposal insert(Instant created, Candidate candidate, Proposal.Basis basis, Map<String, Knobs> previous,
                           List<Proposal.RegionComparison> regions, List<ProbeSites> probes, Proposal.AuditEntry entry) {
        long id = run(() -> jdbi.inTransaction(h -> {
            long pid = h.createUpdate("INSERT INTO te_proposal (created, state, basis_round, basis_config, candidate, "
                            + "previous) VALUES (:created, 'PROPOSED', :round, :config, CAST(:candidate AS jsonb), "
                            + "CAST(:previous AS jsonb))")
                    .bind("created", Timestamp.from(created)).bind("round", basis.roundId())
                    .bind("config", basis.configVersion()).bind("candidate", json(candidate))
                    .bind("previous", json(previous))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var sites = h.prepareBatch("INSERT INTO te_proposal_site (proposal_id, site) VALUES (?, ?)");
            for (String s : candidate.knobs().keySet()) sites.add(pid, s);
            if (!candidate.knobs().isEmpty()) sites.execute();
            var rb = h.prepareBatch("INSERT INTO te_proposal_region (proposal_id, region, before_p90_infl, "
                    + "predicted_p90_infl, before_optimal, predicted_optimal) VALUES (?, ?, ?, ?, ?, ?)");
            for (Proposal.RegionComparison r : regions) {
                rb.add(pid, r.region(), num(r.beforeP90InflationMs()), num(r.predictedP90InflationMs()),
                        num(r.beforeShareAtOptimal()), num(r.predictedShareAtOptimal()));
            }
            if (!regions.isEmpty()) rb.execute();
            var pb = h.prepareBatch("INSERT INTO te_proposal_probe (proposal_id, prb_id, before_site, predicted_site) "
                    + "VALUES (?, ?, ?, ?)");
            for (ProbeSites p : probes) pb.add(pid, p.probeId(), p.beforeSite(), p.predictedSite());
            if (!probes.isEmpty()) pb.execute();
            audit(h, pid, entry);
            return pid;
        }));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Proposal> find(long id) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT * FROM te_proposal WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(r -> complete(h, r))));
    }

    @Override
    public List<Proposal> list(int limit) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT * FROM te_proposal ORDER BY id DESC LIMIT :n")
                .bind("n", limit).map((rs, ctx) -> row(rs)).list().stream().map(r -> complete(h, r)).toList()));
    }

    @Override
    public Transition transition(long id, Event event, Proposal.AuditEntry entry) {
        return run(() -> jdbi.inTransaction(h -> move(h, id, event, entry)));
    }

    @Override
    public List<Long> markStale(Proposal.Basis current, Instant at) {
        return run(() -> jdbi.inTransaction(h -> {
            List<long[]> open = h.createQuery("SELECT id, basis_round, basis_config FROM te_proposal "
                            + "WHERE state IN ('PROPOSED', 'APPROVED') AND (basis_round < :round OR basis_config <> :config) "
                            + "ORDER BY id FOR UPDATE")
                    .bind("round", current.roundId()).bind("config", current.configVersion())
                    .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
            List<Long> ids = new ArrayList<>();
            for (long[] o : open) {
                move(h, o[0], Event.MARK_STALE, new Proposal.AuditEntry(at, Proposal.AuditEntry.SYSTEM, "stale",
                        "computed from round " + o[1] + " and config version " + o[2] + "; now round "
                                + current.roundId() + ", config version " + current.configVersion()));
                ids.add(o[0]);
            }
            return ids;
        }));
    }

    @Override
    public List<ProbeSites> probes(long id) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT prb_id, before_site, predicted_site, measured_site "
                        + "FROM te_proposal_probe WHERE proposal_id = :id ORDER BY prb_id").bind("id", id)
                .map((rs, ctx) -> new ProbeSites(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()));
    }

    @Override
    public Transition verified(long id, Proposal.Verification v, List<Proposal.RegionComparison> regions,
                               Map<Integer, String> measuredSites, Proposal.AuditEntry entry) {
        return run(() -> jdbi.inTransaction(h -> {
            Transition t = move(h, id, v.rolledBack() ? Event.ROLLED_BACK : Event.VERIFIED, entry);
            if (t instanceof Transition.Refused) return t;
            h.createUpdate("UPDATE te_proposal SET verified_at = :at, verified_round = :round, probe_accuracy = :acc, "
                            + "probes_compared = :n WHERE id = :id")
                    .bind("at", Timestamp.from(v.at())).bind("round", v.roundId()).bind("acc", num(v.probeAccuracy()))
                    .bind("n", v.probesCompared()).bind("id", id).execute();
            var rb = h.prepareBatch("INSERT INTO te_proposal_region (proposal_id, region, measured_p90_infl, "
                    + "measured_optimal) VALUES (?, ?, ?, ?) ON CONFLICT (proposal_id, region) DO UPDATE SET "
                    + "measured_p90_infl = EXCLUDED.measured_p90_infl, measured_optimal = EXCLUDED.measured_optimal");
            for (Proposal.RegionComparison r : regions) {
                rb.add(id, r.region(), num(r.measuredP90InflationMs()), num(r.measuredShareAtOptimal()));
            }
            if (!regions.isEmpty()) rb.execute();
            var pb = h.prepareBatch("UPDATE te_proposal_probe SET measured_site = ? WHERE proposal_id = ? AND prb_id = ?");
            measuredSites.forEach((probe, site) -> pb.add(site, id, probe));
            if (!measuredSites.isEmpty()) pb.execute();
            return t;
        }));
    }

    // ---- the one place a state changes ----

    private static Transition move(Handle h, long id, Event event, Proposal.AuditEntry entry) {
        Optional<String> row = h.createQuery("SELECT state FROM te_proposal WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
        if (row.isEmpty()) return new Transition.Refused("there is no proposal #" + id);
        ProposalState from = ProposalState.valueOf(row.get());
        Transition t = from.next(event);
        if (!(t instanceof Transition.Moved moved)) return t;
        ProposalState to = moved.to();
        if (to.inFlight() && !from.inFlight()) {
            List<String> sites = h.createQuery("SELECT site FROM te_proposal_site WHERE proposal_id = :id ORDER BY site")
                    .bind("id", id).mapTo(String.class).list();
            for (String site : sites) {
                // ON CONFLICT DO NOTHING keeps the transaction usable when another proposal holds the site.
                int claimed = h.createUpdate("INSERT INTO te_site_in_flight (site, proposal_id) VALUES (:s, :id) "
                        + "ON CONFLICT (site) DO NOTHING").bind("s", site).bind("id", id).execute();
                if (claimed == 0) {
                    long holder = h.createQuery("SELECT proposal_id FROM te_site_in_flight WHERE site = :s")
                            .bind("s", site).mapTo(Long.class).one();
                    // the claims made above are this proposal's only (it was not in flight): give them back
                    h.createUpdate("DELETE FROM te_site_in_flight WHERE proposal_id = :id").bind("id", id).execute();
                    return new Transition.Refused("site " + site + " has a change in flight already (proposal #"
                            + holder + "); one change per site at a time");
                }
            }
        } else if (from.inFlight() && !to.inFlight()) {
            h.createUpdate("DELETE FROM te_site_in_flight WHERE proposal_id = :id").bind("id", id).execute();
        }
        h.createUpdate("UPDATE te_proposal SET state = :to" + (to == ProposalState.APPLIED ? ", applied_at = :at" : "")
                        + " WHERE id = :id")
                .bind("to", to.name()).bind("at", Timestamp.from(entry.at())).bind("id", id).execute();
        audit(h, id, entry);
        return t;
    }

    private static void audit(Handle h, long id, Proposal.AuditEntry e) {
        h.createUpdate("INSERT INTO te_proposal_audit (proposal_id, at, who, what, reason) VALUES (:id, :at, :who, "
                        + ":what, :reason)")
                .bind("id", id).bind("at", Timestamp.from(e.at())).bind("who", e.who()).bind("what", e.what())
                .bind("reason", e.reason()).execute();
    }

    // ---- reading ----

    private record Row(long id, Instant created, ProposalState state, Proposal.Basis basis, String candidate,
                       String previous, Instant appliedAt, Instant verifiedAt, Long verifiedRound, Double accuracy,
                       Integer compared) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getTimestamp("created").toInstant(), ProposalState.valueOf(rs.getString("state")),
                new Proposal.Basis(rs.getLong("basis_round"), rs.getLong("basis_config")), rs.getString("candidate"),
                rs.getString("previous"), instant(rs.getTimestamp("applied_at")), instant(rs.getTimestamp("verified_at")),
                rs.getObject("verified_round", Long.class), rs.getObject("probe_accuracy", Double.class),
                rs.getObject("probes_compared", Integer.class));
    }

    private static Proposal complete(Handle h, Row r) {
        List<Proposal.AuditEntry> audit = h.createQuery("SELECT at, who, what, reason FROM te_proposal_audit "
                        + "WHERE proposal_id = :id ORDER BY id").bind("id", r.id())
                .map((rs, ctx) -> new Proposal.AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
        List<Proposal.RegionComparison> regions = h.createQuery("SELECT region, before_p90_infl, predicted_p90_infl, "
                        + "measured_p90_infl, before_optimal, predicted_optimal, measured_optimal FROM te_proposal_region "
                        + "WHERE proposal_id = :id ORDER BY region <> 'ALL', region").bind("id", r.id())
                .map((rs, ctx) -> new Proposal.RegionComparison(rs.getString(1), dbl(rs, 2), dbl(rs, 3), dbl(rs, 4),
                        dbl(rs, 5), dbl(rs, 6), dbl(rs, 7))).list();
        Optional<Proposal.Verification> v = r.verifiedAt() == null ? Optional.empty()
                : Optional.of(new Proposal.Verification(r.verifiedRound(), r.verifiedAt(),
                r.accuracy() == null ? Double.NaN : r.accuracy(), r.compared(), r.state() == ProposalState.ROLLED_BACK));
        return new Proposal(r.id(), r.created(), r.state(), read(r.candidate(), Candidate.class, r.id()), r.basis(),
                readKnobs(r.previous(), r.id()), audit, regions, Optional.ofNullable(r.appliedAt()), v);
    }

    private static double dbl(ResultSet rs, int col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : d;
    }

    private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }

    /** NULL for an unknown figure: SQL has no NaN worth keeping (and JSON none at all). */
    private static Double num(double v) { return Double.isNaN(v) || Double.isInfinite(v) ? null : v; }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new StoreException("te-engine proposals: cannot write " + o.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type, long id) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("te-engine proposals: proposal #" + id + " has an unreadable " + type.getSimpleName(), e);
        }
    }

    private static Map<String, Knobs> readKnobs(String json, long id) {
        try {
            return JSON.readValue(json, KNOBS);
        } catch (JsonProcessingException e) {
            throw new StoreException("te-engine proposals: proposal #" + id + " has unreadable previous knobs", e);
        }
    }

    private static <T> T run(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new StoreException("te-engine proposals: database error: " + e.getMessage(), e);
        }
    }
}
