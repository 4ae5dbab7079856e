package net.nsglobal.control.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Operators, their log-in sessions and their API tokens. Sessions and tokens are looked up by the SHA-256 of their
 * secret only (the secret itself is never stored), and every lookup refuses what belongs to a disabled operator, so
 * disabling one takes effect on its very next request.
 */
public interface OperatorStore {
    /** An operator and its Argon2id password hash (PHC string). */
    record Credentials(Operator operator, String passwordHash) {}

    /** A name already used (an operator or a token name); nothing was stored. */
    final class NameTaken extends RuntimeException {
        public NameTaken(String message) { super(message, null, false, false); }
    }

    /** @throws NameTaken when an operator of that name exists (disabled ones included) */
    Operator add(String name, String passwordHash);

    Optional<Credentials> credentials(String name);

    /** Disables the operator and ends its sessions; false when there is no such operator. */
    boolean disable(String name);

    void addSession(long operatorId, byte[] idHash, Instant now, Instant expiresAt);

    /**
     * The session's operator when the session exists, has not expired, was used within {@code idle} and its operator
     * is enabled; marks it used at {@code now}.
     */
    Optional<Operator> session(byte[] idHash, Instant now, Duration idle);

    void endSession(byte[] idHash);

    /** @throws NameTaken when a token of that name exists (revoked ones included) */
    void addToken(String name, long operatorId, byte[] tokenHash);

    /** False when there is no such token or it was already revoked. */
    boolean revokeToken(String name);

    /** The token's operator when the token exists, is not revoked and its operator is enabled. */
    Optional<Operator> tokenOwner(byte[] tokenHash);
}
