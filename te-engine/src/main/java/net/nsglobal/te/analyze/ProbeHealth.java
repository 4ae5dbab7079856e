package net.nsglobal.te.analyze;

import java.time.Instant;

/** A probe's recent record: results expected and received over the last rounds, and when it last answered. */
public record ProbeHealth(int probeId, Long asn, String country, int expected, int answered, int timeouts,
                          int malformed, Instant lastAnswer) {}
