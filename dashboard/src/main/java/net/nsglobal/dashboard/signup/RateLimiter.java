package net.nsglobal.dashboard.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window counters keyed by "ip:…", "domain:…", "rname:…". In memory on purpose: limits protect the next hour,
 * and a restart forgetting them is harmless (the pending cap in the database still holds).
 */
public final class RateLimiter {
    private final Clock clock;
    private final Duration window;
    private final ConcurrentHashMap<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Records a hit for {@code key} and says whether it is within {@code limit} hits per window. */
    public boolean tryAcquire(String key, int limit) {
        Instant now = clock.instant();
        Deque<Instant> q = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(window))) q.pollFirst();
            if (q.size() >= limit) return false;
            q.addLast(now);
            return true;
        }
    }

    /** Whether {@code key} still has room, without recording a hit. */
    public boolean hasRoom(String key, int limit) {
        Instant now = clock.instant();
        Deque<Instant> q = hits.get(key);
        if (q == null) return true;
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(window))) q.pollFirst();
            return q.size() < limit;
        }
    }
}
