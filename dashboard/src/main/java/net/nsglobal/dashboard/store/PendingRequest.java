package net.nsglobal.dashboard.store;

import java.time.Instant;
import java.util.List;

/** A request waiting for the owner's click on the mailed link. */
public record PendingRequest(long id, Kind kind, String domain, List<String> primaries, String tsigName,
                             String tsigAlgorithm, String tsigSecret, String mailbox, Instant createdAt,
                             Instant expiresAt, Instant confirmedAt) {
    public enum Kind { SIGNUP, CHANGE, DELETE }
}
