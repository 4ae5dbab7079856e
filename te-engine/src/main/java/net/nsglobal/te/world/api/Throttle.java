package net.nsglobal.te.world.api;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Per-client request throttle: at most {@code limit} requests per fixed window, counted per API key (or per
 * anonymous client address). A request over the limit is refused with the whole seconds until the window ends,
 * which the API sends as {@code Retry-After} (RFC 9110 §10.2.3, delay-seconds).
 */
final class Throttle {
    private record Window(long startMillis, int used) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    Throttle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts a request of {@code client}; empty if allowed, else the seconds to wait (at least 1). */
    synchronized OptionalLong admit(String client) {
        long now = clock.millis();
        Window w = windows.get(client);
        if (w == null || now - w.startMillis() >= windowMillis) {
            w = new Window(now, 0);
        }
        if (w.used() >= limit) {
            windows.put(client, w);
            long left = w.startMillis() + windowMillis - now;
            return OptionalLong.of(Math.max(1, (left + 999) / 1000));
        }
        windows.put(client, new Window(w.startMillis(), w.used() + 1));
        return OptionalLong.empty();
    }
}
