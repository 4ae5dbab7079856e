package net.nsglobal.control.operator;

import java.time.Duration;

/**
 * The operators' log-in settings, in one place. Not read from the config file yet: these defaults hold (see
 * docs/operators.md); tests pass their own.
 *
 * @param sessionLifetime   a session ends this long after log-in, however busy
 * @param idleTimeout       a session unused for this long ends
 * @param attemptWindow     the sliding window the failed-attempt limits count in
 * @param failuresPerClient failed log-ins per window from one client network (IPv4 /24, IPv6 /64 and /48)
 * @param failuresPerName   failed log-ins per window for one operator name, from anywhere
 * @param secureCookie      mark the session cookie {@code Secure} (the public URL is https)
 */
public record OperatorSettings(Duration sessionLifetime, Duration idleTimeout, Duration attemptWindow,
                               int failuresPerClient, int failuresPerName, boolean secureCookie) {
    public static OperatorSettings defaults(String publicUrl) {
        return new OperatorSettings(Duration.ofHours(12), Duration.ofMinutes(30), Duration.ofMinutes(15), 20, 5,
                publicUrl.regionMatches(true, 0, "https:", 0, 6));
    }
}
