package net.nsglobal.control.store;

/**
 * The counts behind the sign-up caps (pending requests and zones per registrable domain and per RNAME mailbox); the
 * SQL is in {@link SqlQuotas}.
 */
public interface Quotas {
    /**
     * Deletes the oldest unconfirmed sign-ups and changes at or under {@code registrable} until at most {@code keep}
     * remain; returns how many went.
     */
    int trimPendingUnder(String registrable, int keep);

    /** As {@link #trimPendingUnder}, for requests mailed to {@code mailboxKey} (normalised). */
    int trimPendingFor(String mailboxKey, int keep);

    /** Zones served at or under {@code registrable}. */
    int zonesUnder(String registrable);

    /** Zones served whose RNAME mailbox is {@code mailboxKey} (normalised). */
    int zonesFor(String mailboxKey);
}
