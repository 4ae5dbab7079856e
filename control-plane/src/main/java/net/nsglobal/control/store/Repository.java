package net.nsglobal.control.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.validate.TsigInput;

/**
 * The control plane's zones, pending requests, confirmations and observations, as the services see them; the SQL is
 * in {@link SqlRepository} (TSIG secrets sealed at rest by {@link SecretBox}; the counts behind the sign-up caps in
 * {@link Quotas}).
 */
public interface Repository {
    Quotas quotas();

    Optional<ZoneEntry> zone(String domain);

    List<ZoneEntry> zones();

    long insertPending(Kind kind, String domain, List<String> primaries, String tsigName, String tsigAlgorithm, String tsigSecret, String mailbox, byte[] tokenHash, Instant expiresAt);

    void deletePending(long id);

    /** The unconfirmed, unexpired request for this token hash. */
    Optional<PendingRequest> pendingByToken(byte[] tokenHash);

    /** Requests waiting for confirmation, in total (cap on pending sign-ups). */
    int countPending();

    /**
     * Zones other than {@code exceptDomain} that name a TSIG key {@code key.name()} with another algorithm or secret,
     * oldest first. Empty = the name is free for this key (unused, or used by zones sharing the very same key).
     */
    List<String> keyNameHolders(TsigInput key, String exceptDomain);

    /**
     * Marks the request confirmed and applies it in one transaction; exactly one POST wins even when two race
     * (the {@code confirmed_at is null} guard makes the token single use). Confirmations are serialised by a
     * transaction-scoped advisory lock so the TSIG key-name check and the insert cannot interleave with another
     * confirmation: of two pending sign-ups naming one key with different secrets, only the first confirmed gets it.
     */
    Confirmation confirm(byte[] tokenHash, String newCatalogId);

    /**
     * As {@link #confirm(byte[], String)}; a sign-up must also pass {@code guard} (null = no guard): the zone caps
     * and the nesting check are decided under the same lock as the insert, so of several sign-ups pending at once
     * no more than the caps allow, and never two nested zones unchecked, are confirmed. A refusal leaves the token
     * unused.
     */
    Confirmation confirm(byte[] tokenHash, String newCatalogId, SignupGuard guard);

    /**
     * Deletes every pending request past its expiry, confirmed or not, and with it the TSIG secret it carried (a
     * confirmed request's key lives on in its zone). Returns how many went.
     */
    int purgeExpiredPending();

    /** Seals the TSIG secrets still stored in clear (rows from before encryption); returns how many were sealed. */
    int sealClearSecrets();

    long catalogSerial();

    Optional<Observation> observation(String domain);

    void saveObservation(Observation o);
}
