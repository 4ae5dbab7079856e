package net.nsglobal.control.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of ownership proofs and delegation checks: how each pending request proves ownership, killing a link whose
 * proof no longer holds, and the per-zone verdict of the periodic delegation check.
 */
public final class SqlProofStore implements ProofStore {
    private final Jdbi jdbi;

    public SqlProofStore(Jdbi jdbi) { this.jdbi = jdbi; }

    @Override
    public void saveProof(long requestId, RequestProof p) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into request_proof (request_id, method, proof_zone, soa_note) values (:id, :m, :z, :n)""")
                .bind("id", requestId).bind("m", p.method().sql).bind("z", p.zone()).bind("n", p.soaNote()).execute());
    }

    /** The request's proof; requests stored before proofs were recorded prove by their own domain's RNAME. */
    @Override
    public RequestProof proof(PendingRequest r) {
        return jdbi.withHandle(h -> h.createQuery("select * from request_proof where request_id = :id")
                .bind("id", r.id())
                .map((rs, ctx) -> new RequestProof(RequestProof.Method.of(rs.getString("method")),
                        rs.getString("proof_zone"), rs.getString("soa_note")))
                .findOne()).orElse(RequestProof.rnameOf(r.domain()));
    }

    /** Kills an unconfirmed link (its proof no longer holds): it then looks like any expired link. */
    @Override
    public void expire(long requestId) {
        jdbi.useHandle(h -> h.createUpdate("""
                update pending_request set expires_at = now() where id = :id and confirmed_at is null""")
                .bind("id", requestId).execute());
    }

    /** Served zones strictly above or below {@code domain} (label boundaries, not string suffixes). */
    @Override
    public List<String> nestedZones(String domain) {
        return jdbi.withHandle(h -> nestedZones(h, domain));
    }

    /** As {@link #nestedZones(String)}, inside the caller's transaction. */
    static List<String> nestedZones(Handle h, String domain) {
        return h.createQuery("""
                select domain from zone
                where right(:d, length(domain) + 1) = '.' || domain
                   or right(domain, length(:d) + 1) = '.' || :d
                order by domain""").bind("d", domain).mapTo(String.class).list();
    }

    /** Records a check's verdict; {@code since} moves only when the verdict flips. No-op for a zone gone meanwhile. */
    @Override
    public void saveDelegation(String domain, String parent, boolean delegated, String detail, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into delegation_check (domain, parent, delegated, detail, checked_at, since)
                select :d, :p, :ok, :det, :at, :at where exists (select 1 from zone where domain = :d)
                on conflict (domain) do update set parent = excluded.parent, delegated = excluded.delegated,
                  detail = excluded.detail, checked_at = excluded.checked_at,
                  since = case when delegation_check.delegated = excluded.delegated then delegation_check.since
                               else excluded.since end""")
                .bind("d", domain).bind("p", parent).bind("ok", delegated).bind("det", detail)
                .bind("at", Timestamp.from(at)).execute());
    }

    @Override
    public Optional<DelegationState> delegation(String domain) {
        return jdbi.withHandle(h -> h.createQuery("select * from delegation_check where domain = :d").bind("d", domain)
                .map((rs, ctx) -> state(rs)).findOne());
    }

    /** Served zones whose parent was last seen not delegating to them, longest-flagged first. */
    @Override
    public List<DelegationState> undelegated() {
        return jdbi.withHandle(h -> h.createQuery(
                "select * from delegation_check where not delegated order by since, domain")
                .map((rs, ctx) -> state(rs)).list());
    }

    private static DelegationState state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DelegationState(rs.getString("domain"), rs.getString("parent"), rs.getBoolean("delegated"),
                rs.getString("detail"), rs.getTimestamp("checked_at").toInstant(), rs.getTimestamp("since").toInstant());
    }
}
