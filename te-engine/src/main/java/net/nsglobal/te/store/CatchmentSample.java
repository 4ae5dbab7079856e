package net.nsglobal.te.store;

import java.time.Instant;

/**
 * One probe's answer in a catchment measurement (CHAOS TXT {@code hostname.bind} with NSID to the anycast address):
 * the site that answered ({@code null} if none did or the answer named no known site), the round trip in ms
 * ({@code NaN} on timeout), and the error as the result gives it ({@code null} if none; "timeout", "malformed", …).
 * Identity for de-duplication: {@code (msmId, probeId, time)}.
 */
public record CatchmentSample(long msmId, int probeId, Instant time, String site, double rttMs, String error) {}
