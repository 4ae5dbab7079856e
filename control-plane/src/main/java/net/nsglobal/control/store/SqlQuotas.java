package net.nsglobal.control.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The counts behind the sign-up caps: unconfirmed requests and served zones per registrable domain and per
 * normalised mailbox (the keys of {@code signup.LimitKeys}). Removals are counted apart from sign-ups and changes,
 * so no amount of sign-up traffic can stop an owner from removing a zone.
 */
public final class SqlQuotas implements Quotas {
    /** SQL twin of {@code LimitKeys.mailbox}: lower case, the first {@code +tag} before the @ removed. */
    private static final String MAILBOX_KEY = "lower(regexp_replace(%s, '\\+[^@]*@', '@'))";
    /** The domain is {@code :r} or below it (label boundary: {@code x.r}, never {@code xr}). */
    private static final String UNDER = "(domain = :r or right(domain, length(:r) + 1) = '.' || :r)";
    private static final String PENDING = "confirmed_at is null and expires_at > now() and (kind = 'DELETE') = :removal";

    private final Jdbi jdbi;

    public SqlQuotas(Jdbi jdbi) { this.jdbi = jdbi; }

    /**
     * Deletes the oldest unconfirmed sign-ups and changes at or under {@code registrable} until at most {@code keep}
     * remain; returns how many went.
     */
    @Override
    public int trimPendingUnder(String registrable, int keep) {
        return trim(UNDER, "r", registrable, keep);
    }

    /** As {@link #trimPendingUnder}, for requests mailed to {@code mailboxKey} (normalised). */
    @Override
    public int trimPendingFor(String mailboxKey, int keep) {
        return trim(MAILBOX_KEY.formatted("mailbox") + " = :m", "m", mailboxKey, keep);
    }

    private int trim(String where, String param, String value, int keep) {
        return jdbi.withHandle(h -> h.createUpdate("delete from pending_request where id in (select id from "
                + "pending_request where " + PENDING + " and " + where + " order by created_at desc, id desc offset :keep)")
                .bind(param, value).bind("removal", false).bind("keep", Math.max(0, keep)).execute());
    }

    /** Zones served at or under {@code registrable}. */
    @Override
    public int zonesUnder(String registrable) {
        return jdbi.withHandle(h -> zonesUnder(h, registrable));
    }

    /** As {@link #zonesUnder(String)}, inside the caller's transaction. */
    int zonesUnder(Handle h, String registrable) {
        return h.createQuery("select count(*) from zone where " + UNDER).bind("r", registrable)
                .mapTo(Integer.class).one();
    }

    /** Zones served whose RNAME mailbox is {@code mailboxKey} (normalised). */
    @Override
    public int zonesFor(String mailboxKey) {
        return jdbi.withHandle(h -> zonesFor(h, mailboxKey));
    }

    /** As {@link #zonesFor(String)}, inside the caller's transaction. */
    int zonesFor(Handle h, String mailboxKey) {
        return h.createQuery("select count(*) from zone where " + MAILBOX_KEY.formatted("rname_mailbox") + " = :m")
                .bind("m", mailboxKey).mapTo(Integer.class).one();
    }
}
