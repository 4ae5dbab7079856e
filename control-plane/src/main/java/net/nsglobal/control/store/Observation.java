package net.nsglobal.control.store;

import java.time.Instant;

/** The last status check of a zone (see {@code zone_observation}). */
public record Observation(String domain, Instant checkedAt, Long primarySerial, Long collectorSerial,
                          Instant lastTransferAt, String lastError, String lastErrorFix, Instant lastErrorAt) {}
