package net.nsglobal.control.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ownership proofs of pending requests and the delegation checks of served zones; the SQL is in
 * {@link SqlProofStore}.
 */
public interface ProofStore {
    void saveProof(long requestId, RequestProof p);

    /** The request's proof; requests stored before proofs were recorded prove by their own domain's RNAME. */
    RequestProof proof(PendingRequest r);

    /** Kills an unconfirmed link (its proof no longer holds): it then looks like any expired link. */
    void expire(long requestId);

    /** Served zones strictly above or below {@code domain} (label boundaries, not string suffixes). */
    List<String> nestedZones(String domain);

    /** Records a check's verdict; {@code since} moves only when the verdict flips. No-op for a zone gone meanwhile. */
    void saveDelegation(String domain, String parent, boolean delegated, String detail, Instant at);

    Optional<DelegationState> delegation(String domain);

    /** Served zones whose parent was last seen not delegating to them, longest-flagged first. */
    List<DelegationState> undelegated();
}
