package net.nsglobal.control.store;

import java.time.Instant;
import java.util.List;
import net.nsglobal.control.validate.TsigInput;

/** A zone we serve as secondary, as stored. {@code tsigName} null = transfers are not signed. */
public record ZoneEntry(String domain, String catalogId, List<String> primaries, String tsigName,
                        String tsigAlgorithm, String tsigSecret, String mailbox, Instant createdAt, Instant updatedAt) {

    /** The zone's TSIG key, or null when its transfers are unsigned. */
    public TsigInput tsig() {
        return TsigInput.stored(tsigName, tsigAlgorithm, tsigSecret);
    }
}
