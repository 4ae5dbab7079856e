package net.nsglobal.control.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.validate.TsigInput;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * All SQL of the control plane, in one place (the counts behind the sign-up caps are in {@link Quotas}). TSIG secrets
 * are sealed by {@link SecretBox} on every write and opened on every read: nothing outside this class sees the
 * stored form.
 */
public final class SqlRepository implements Repository {
    /** Advisory lock key serialising confirmations (any constant; 8945 = the TSIG RFC). */
    private static final long CONFIRM_LOCK = 8945;
    private final Jdbi jdbi;
    private final SecretBox secrets;
    private final SqlQuotas quotas;

    public SqlRepository(Jdbi jdbi, SecretBox secrets) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.quotas = new SqlQuotas(jdbi);
    }

    @Override
    public Quotas quotas() { return quotas; }

    // ---- zones -------------------------------------------------------------------------------------------------

    @Override
    public Optional<ZoneEntry> zone(String domain) {
        return jdbi.withHandle(h -> h.createQuery("select * from zone where domain = :d").bind("d", domain)
                .map((rs, ctx) -> zone(rs)).findOne());
    }

    @Override
    public List<ZoneEntry> zones() {
        return jdbi.withHandle(h -> h.createQuery("select * from zone order by domain").map((rs, ctx) -> zone(rs)).list());
    }

    private ZoneEntry zone(ResultSet rs) throws SQLException {
        String domain = rs.getString("domain");
        return new ZoneEntry(domain, rs.getString("catalog_id"), split(rs.getString("primaries")),
                rs.getString("tsig_name"), rs.getString("tsig_algorithm"), secrets.open(domain, rs.getString("tsig_secret")),
                rs.getString("rname_mailbox"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    // ---- pending requests --------------------------------------------------------------------------------------

    @Override
    public long insertPending(Kind kind, String domain, List<String> primaries, String tsigName, String tsigAlgorithm,
                              String tsigSecret, String mailbox, byte[] tokenHash, Instant expiresAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                insert into pending_request (kind, domain, primaries, tsig_name, tsig_algorithm, tsig_secret, mailbox,
                                             token_hash, expires_at)
                values (:kind, :domain, :primaries, :tn, :ta, :ts, :mailbox, :hash, :exp)""")
                .bind("kind", kind.name()).bind("domain", domain)
                .bind("primaries", primaries == null ? null : String.join(",", primaries))
                .bind("tn", tsigName).bind("ta", tsigAlgorithm).bind("ts", secrets.seal(domain, tsigSecret))
                .bind("mailbox", mailbox)
                .bind("hash", tokenHash).bind("exp", Timestamp.from(expiresAt))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public void deletePending(long id) {
        jdbi.useHandle(h -> h.createUpdate("delete from pending_request where id = :id").bind("id", id).execute());
    }

    /** The unconfirmed, unexpired request for this token hash. */
    @Override
    public Optional<PendingRequest> pendingByToken(byte[] tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from pending_request
                where token_hash = :h and confirmed_at is null and expires_at > now()""")
                .bind("h", tokenHash).map((rs, ctx) -> pending(rs)).findOne());
    }

    /** Requests waiting for confirmation, in total (cap on pending sign-ups). */
    @Override
    public int countPending() {
        return jdbi.withHandle(h -> h.createQuery(
                "select count(*) from pending_request where confirmed_at is null and expires_at > now()")
                .mapTo(Integer.class).one());
    }

    /**
     * Zones other than {@code exceptDomain} that name a TSIG key {@code key.name()} with another algorithm or secret,
     * oldest first. Empty = the name is free for this key (unused, or used by zones sharing the very same key).
     */
    @Override
    public List<String> keyNameHolders(TsigInput key, String exceptDomain) {
        return jdbi.withHandle(h -> keyNameHolders(h, key, exceptDomain));
    }

    private List<String> keyNameHolders(Handle h, TsigInput key, String exceptDomain) {
        return h.createQuery("""
                select * from zone where lower(rtrim(tsig_name, '.')) = :n and domain <> :d
                order by created_at, domain""")
                .bind("n", TsigInput.normalName(key.name())).bind("d", exceptDomain)
                .map((rs, ctx) -> zone(rs)).list().stream()
                .filter(z -> !key.sameKeyAs(z.tsig())).map(ZoneEntry::domain).toList();
    }

    /**
     * Marks the request confirmed and applies it in one transaction; exactly one POST wins even when two race
     * (the {@code confirmed_at is null} guard makes the token single use). Confirmations are serialised by a
     * transaction-scoped advisory lock so the TSIG key-name check and the insert cannot interleave with another
     * confirmation: of two pending sign-ups naming one key with different secrets, only the first confirmed gets it.
     */
    @Override
    public Confirmation confirm(byte[] tokenHash, String newCatalogId) {
        return confirm(tokenHash, newCatalogId, null);
    }

    /**
     * As {@link #confirm(byte[], String)}; a sign-up must also pass {@code guard} (null = no guard): the zone caps
     * and the nesting check are decided under the same lock as the insert, so of several sign-ups pending at once
     * no more than the caps allow, and never two nested zones unchecked, are confirmed. A refusal leaves the token
     * unused.
     */
    @Override
    public Confirmation confirm(byte[] tokenHash, String newCatalogId, SignupGuard guard) {
        return jdbi.inTransaction(h -> {
            h.createQuery("select 1 from pg_advisory_xact_lock(" + CONFIRM_LOCK + ")").mapTo(Integer.class).one();
            Optional<PendingRequest> p = h.createQuery("""
                    select * from pending_request
                    where token_hash = :h and confirmed_at is null and expires_at > now() for update""")
                    .bind("h", tokenHash).map((rs, ctx) -> pending(rs)).findOne();
            if (p.isEmpty()) return new Confirmation.NotFound();
            if (guard != null && p.get().kind() == Kind.SIGNUP) {
                Optional<Confirmation> refused = guardVerdict(h, p.get(), guard);
                if (refused.isPresent()) return refused.get();
            }
            TsigInput key = p.get().tsig();
            if (key != null && !keyNameHolders(h, key, p.get().domain()).isEmpty()) {
                return new Confirmation.KeyNameTaken(p.get());
            }
            Optional<PendingRequest> done = h.createQuery("""
                    update pending_request set confirmed_at = now()
                    where id = :id and confirmed_at is null
                    returning *""").bind("id", p.get().id()).map((rs, ctx) -> pending(rs)).findOne();
            if (done.isEmpty()) return new Confirmation.NotFound();
            // A sign-up never overwrites a served zone: a replacement goes through the change flow, whose page and
            // mail show what is replaced. (Reached only when two sign-ups raced, as confirming cancels the others.)
            boolean exists = h.createQuery("select count(*) from zone where domain = :d")
                    .bind("d", done.get().domain()).mapTo(Integer.class).one() > 0;
            if (done.get().kind() == Kind.SIGNUP && exists) return new Confirmation.ZoneExists(done.get());
            apply(h, done.get(), newCatalogId);
            // One confirmed request settles the domain: the other links mailed for it (an older look-alike request
            // with someone else's primaries among them) die, so a later click cannot silently undo this one.
            h.createUpdate("""
                    update pending_request set expires_at = now()
                    where domain = :d and id <> :id and confirmed_at is null and expires_at > now()""")
                    .bind("d", done.get().domain()).bind("id", done.get().id()).execute();
            return new Confirmation.Applied(done.get());
        });
    }

    private Optional<Confirmation> guardVerdict(Handle h, PendingRequest r, SignupGuard g) {
        if (!SqlProofStore.nestedZones(h, r.domain()).equals(g.nestedChecked())) {
            return Optional.of(new Confirmation.NestingChanged(r));
        }
        if (quotas.zonesUnder(h, g.registrable()) >= g.maxZonesUnder()) {
            return Optional.of(new Confirmation.ZoneCapReached(r, g.domainCapWhy()));
        }
        if (quotas.zonesFor(h, g.mailboxKey()) >= g.maxZonesFor()) {
            return Optional.of(new Confirmation.ZoneCapReached(r, g.mailboxCapWhy()));
        }
        return Optional.empty();
    }

    private void apply(Handle h, PendingRequest r, String newCatalogId) {
        switch (r.kind()) {
            case SIGNUP -> h.createUpdate("""
                    insert into zone (domain, catalog_id, primaries, tsig_name, tsig_algorithm, tsig_secret, rname_mailbox)
                    values (:d, :id, :p, :tn, :ta, :ts, :m)""")
                    .bind("d", r.domain()).bind("id", newCatalogId).bind("p", String.join(",", r.primaries()))
                    .bind("tn", r.tsigName()).bind("ta", r.tsigAlgorithm()).bind("ts", secrets.seal(r.domain(), r.tsigSecret()))
                    .bind("m", r.mailbox()).execute();
            case CHANGE -> h.createUpdate("""
                    update zone set primaries = :p, tsig_name = :tn, tsig_algorithm = :ta, tsig_secret = :ts,
                      rname_mailbox = :m, updated_at = now() where domain = :d""")
                    .bind("d", r.domain()).bind("p", String.join(",", r.primaries()))
                    .bind("tn", r.tsigName()).bind("ta", r.tsigAlgorithm()).bind("ts", secrets.seal(r.domain(), r.tsigSecret()))
                    .bind("m", r.mailbox()).execute();
            case DELETE -> h.createUpdate("delete from zone where domain = :d").bind("d", r.domain()).execute();
        }
        h.createUpdate("update catalog_state set serial = serial + 1 where id = 1").execute();
    }

    private PendingRequest pending(ResultSet rs) throws SQLException {
        String p = rs.getString("primaries");
        String domain = rs.getString("domain");
        return new PendingRequest(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), domain,
                p == null ? List.of() : split(p), rs.getString("tsig_name"), rs.getString("tsig_algorithm"),
                secrets.open(domain, rs.getString("tsig_secret")), rs.getString("mailbox"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "confirmed_at"));
    }

    // ---- housekeeping ------------------------------------------------------------------------------------------

    /**
     * Deletes every pending request past its expiry, confirmed or not, and with it the TSIG secret it carried (a
     * confirmed request's key lives on in its zone). Returns how many went.
     */
    @Override
    public int purgeExpiredPending() {
        return jdbi.withHandle(h -> h.createUpdate("delete from pending_request where expires_at <= now()").execute());
    }

    /** Seals the TSIG secrets still stored in clear (rows from before encryption); returns how many were sealed. */
    @Override
    public int sealClearSecrets() {
        return jdbi.inTransaction(h -> {
            int n = 0;
            for (var row : h.createQuery("select domain, tsig_secret from zone where tsig_secret is not null "
                    + "and tsig_secret not like '" + SecretBox.PREFIX + "%' for update").mapToMap().list()) {
                String d = (String) row.get("domain");
                n += h.createUpdate("update zone set tsig_secret = :s where domain = :d")
                        .bind("s", secrets.seal(d, (String) row.get("tsig_secret"))).bind("d", d).execute();
            }
            for (var row : h.createQuery("select id, domain, tsig_secret from pending_request where tsig_secret is not "
                    + "null and tsig_secret not like '" + SecretBox.PREFIX + "%' for update").mapToMap().list()) {
                n += h.createUpdate("update pending_request set tsig_secret = :s where id = :id")
                        .bind("s", secrets.seal((String) row.get("domain"), (String) row.get("tsig_secret")))
                        .bind("id", ((Number) row.get("id")).longValue()).execute();
            }
            return n;
        });
    }

    // ---- catalog serial and observations -----------------------------------------------------------------------

    @Override
    public long catalogSerial() {
        return jdbi.withHandle(h -> h.createQuery("select serial from catalog_state where id = 1").mapTo(Long.class).one());
    }

    @Override
    public Optional<Observation> observation(String domain) {
        return jdbi.withHandle(h -> h.createQuery("select * from zone_observation where domain = :d").bind("d", domain)
                .map((rs, ctx) -> new Observation(rs.getString("domain"), instant(rs, "checked_at"),
                        (Long) rs.getObject("primary_serial"), (Long) rs.getObject("collector_serial"),
                        instant(rs, "last_transfer_at"), rs.getString("last_error"), rs.getString("last_error_fix"),
                        instant(rs, "last_error_at"))).findOne());
    }

    @Override
    public void saveObservation(Observation o) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into zone_observation (domain, checked_at, primary_serial, collector_serial, last_transfer_at,
                                              last_error, last_error_fix, last_error_at)
                select :d, :c, :ps, :cs, :lt, :le, :lf, :lea where exists (select 1 from zone where domain = :d)
                on conflict (domain) do update set checked_at = excluded.checked_at,
                  primary_serial = excluded.primary_serial, collector_serial = excluded.collector_serial,
                  last_transfer_at = excluded.last_transfer_at, last_error = excluded.last_error,
                  last_error_fix = excluded.last_error_fix, last_error_at = excluded.last_error_at""")
                .bind("d", o.domain()).bind("c", ts(o.checkedAt())).bind("ps", o.primarySerial())
                .bind("cs", o.collectorSerial()).bind("lt", ts(o.lastTransferAt())).bind("le", o.lastError())
                .bind("lf", o.lastErrorFix()).bind("lea", ts(o.lastErrorAt())).execute());
    }

    private static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
