package net.nsglobal.dns.secondary;

import java.time.Duration;
import org.xbill.DNS.SOARecord;

/**
 * SOA refresh/retry/expire (RFC 1035 §3.3.13, RFC 1996 §2) clamped to the operator's bounds (defaults as BIND:
 * refresh 300 s…4 weeks, retry 500 s…2 weeks, expire 1 day…24 weeks), with exponential backoff on retry.
 */
public record RefreshTimers(Duration refreshMin, Duration refreshMax, Duration retryMin, Duration retryMax,
                            Duration expireMin, Duration expireMax) {
    public static final RefreshTimers BIND_DEFAULTS = new RefreshTimers(Duration.ofSeconds(300), Duration.ofDays(28),
            Duration.ofSeconds(500), Duration.ofDays(14), Duration.ofDays(1), Duration.ofDays(168));

    public Duration refresh(SOARecord soa) {
        return clamp(Duration.ofSeconds(soa.getRefresh()), refreshMin, refreshMax);
    }

    /** Retry after {@code failures} consecutive failures: SOA retry doubled each time, within the clamps. */
    public Duration retry(SOARecord soa, int failures) {
        Duration base = soa == null ? retryMin : clamp(Duration.ofSeconds(soa.getRetry()), retryMin, retryMax);
        int shift = Math.min(Math.max(failures - 1, 0), 16);
        return clamp(base.multipliedBy(1L << shift), retryMin, retryMax);
    }

    /**
     * Retry for a zone that has never been transferred: 1 s doubling up to {@code retryMin}. It serves nothing yet,
     * and its primary is often just starting too (a collector and its edges booting together).
     */
    public static Duration initialRetry(int failures, RefreshTimers t) {
        int shift = Math.min(Math.max(failures - 1, 0), 16);
        Duration d = Duration.ofSeconds(1L << shift);
        return d.compareTo(t.retryMin()) > 0 ? t.retryMin() : d;
    }

    public Duration expire(SOARecord soa) {
        return clamp(Duration.ofSeconds(soa.getExpire()), expireMin, expireMax);
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0) return min;
        if (d.compareTo(max) > 0) return max;
        return d;
    }
}
