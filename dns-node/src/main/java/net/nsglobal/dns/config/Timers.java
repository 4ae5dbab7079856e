package net.nsglobal.dns.config;

import java.time.Duration;

/** The {@code timers:} section: clamps applied to a zone's SOA refresh/retry/expire (RFC 1035 §3.3.13). */
public record Timers(Duration refreshMin, Duration refreshMax, Duration retryMin, Duration retryMax,
                     Duration expireMin, Duration expireMax) {

    public Duration clampRefresh(long soaSeconds) { return clamp(Duration.ofSeconds(soaSeconds), refreshMin, refreshMax); }
    public Duration clampRetry(long soaSeconds) { return clamp(Duration.ofSeconds(soaSeconds), retryMin, retryMax); }
    public Duration clampExpire(long soaSeconds) { return clamp(Duration.ofSeconds(soaSeconds), expireMin, expireMax); }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0) return min;
        if (d.compareTo(max) > 0) return max;
        return d;
    }
}
