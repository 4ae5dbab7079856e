package net.nsglobal.dashboard.store;

import java.time.Instant;
import java.util.List;

/** A zone we serve as secondary, as stored. {@code tsigName} null = transfers are not signed. */
public record ZoneEntry(String domain, String catalogId, List<String> primaries, String tsigName,
                        String tsigAlgorithm, String tsigSecret, String mailbox, Instant createdAt, Instant updatedAt) {}
