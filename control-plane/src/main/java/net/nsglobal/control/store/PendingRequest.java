package net.nsglobal.control.store;

import java.time.Instant;
import java.util.List;
import net.nsglobal.control.validate.TsigInput;

/** A request waiting for the owner's click on the mailed link. */
public record PendingRequest(long id, Kind kind, String domain, List<String> primaries, String tsigName,
                             String tsigAlgorithm, String tsigSecret, String mailbox, Instant createdAt,
                             Instant expiresAt, Instant confirmedAt) {
    public enum Kind { SIGNUP, CHANGE, DELETE }

    /** The requested TSIG key, or null (no key, or a removal). */
    public TsigInput tsig() {
        return kind == Kind.DELETE ? null : TsigInput.stored(tsigName, tsigAlgorithm, tsigSecret);
    }
}
