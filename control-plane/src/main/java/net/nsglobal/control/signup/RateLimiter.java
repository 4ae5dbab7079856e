package net.nsglobal.control.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sliding-window counters keyed by "net:…", "domain:…", "rname:…" (see {@link LimitKeys}). In memory on purpose:
 * limits protect the next hour, and a restart forgetting them is harmless (the pending caps in the database still
 * hold).
 * <p>
 * Memory is bounded: an entry whose newest hit left the window is dropped (swept every {@value #SWEEP_EVERY} hits and
 * whenever the table is full), and the table never holds more than {@code maxKeys} entries. When more distinct keys
 * than that are active inside one window (a flood from a huge address range), the least recently hit entries are
 * forgotten first: those sources start again from zero, which costs the attacker the whole table's worth of fresh
 * requests, never the service its memory.
 */
public final class RateLimiter {
    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Hits> hits = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /** One key's hit times, oldest first; {@code newest} is read without the lock by the sweeper. */
    private static final class Hits {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        volatile Instant newest = Instant.MIN;
    }

    public RateLimiter(Clock clock, Duration window, int maxKeys) {
        if (maxKeys < 1) throw new IllegalArgumentException("rate limiter: maxKeys must be positive");
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** Records a hit for {@code key} and says whether it is within {@code limit} hits per window. */
    public boolean tryAcquire(String key, int limit) {
        Instant now = clock.instant();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0 || (hits.size() >= maxKeys && !hits.containsKey(key))) {
            sweep(now);
        }
        Hits h = hits.computeIfAbsent(key, k -> new Hits());
        synchronized (h) {
            expire(h, now);
            if (h.times.size() >= limit) return false;
            h.times.addLast(now);
            h.newest = now;
            return true;
        }
    }

    /** Whether {@code key} still has room, without recording a hit. */
    public boolean hasRoom(String key, int limit) {
        Hits h = hits.get(key);
        if (h == null) return limit > 0;
        synchronized (h) {
            expire(h, clock.instant());
            return h.times.size() < limit;
        }
    }

    /** Entries held now (for tests and metrics). */
    public int size() { return hits.size(); }

    private void expire(Hits h, Instant now) {
        Instant oldest = now.minus(window);
        while (!h.times.isEmpty() && h.times.peekFirst().isBefore(oldest)) h.times.pollFirst();
    }

    /**
     * Drops every entry with no hit inside the window; if the table is still at three quarters of its size or more,
     * drops the least recently hit entries down to that mark, so a full table is not swept again on the very next
     * new key.
     */
    private synchronized void sweep(Instant now) {
        Instant oldest = now.minus(window);
        hits.entrySet().removeIf(e -> e.getValue().newest.isBefore(oldest));
        int keep = maxKeys - Math.max(1, maxKeys / 4);
        if (hits.size() <= keep) return;
        record Seen(String key, Hits hits, Instant newest) {}
        List<Seen> byAge = new ArrayList<>(hits.size());
        for (Map.Entry<String, Hits> e : hits.entrySet()) byAge.add(new Seen(e.getKey(), e.getValue(), e.getValue().newest));
        byAge.sort(Comparator.comparing(Seen::newest)); // a snapshot: hits during the sort cannot upset the order
        for (int i = 0; i < byAge.size() - keep; i++) hits.remove(byAge.get(i).key(), byAge.get(i).hits());
    }
}
