package net.nsglobal.te.world.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulated Atlas behaves beyond the world it measures.
 *
 * @param apiKeys           keys it accepts in {@code Authorization: Key …} (or {@code ?key=}); creating, stopping and
 *                          credits need one, public reads do not — as on atlas.ripe.net
 * @param creditsBalance    the account's starting balance; each stored result is charged its measurement's
 *                          {@code credits_per_result}
 * @param requestsPerWindow requests one key (or one anonymous client address) may make per {@code window} before
 *                          it gets 429 with {@code Retry-After}
 * @param rateClock         the wall clock of the throttle (HTTP requests happen in real time, whatever the
 *                          simulation clock says)
 * @param anycast           the anycast service addresses: a DNS query or ping to one reaches the site the probe's AS
 *                          routes to
 * @param unicast           each site's own unicast address (address → site): reaches that site from anywhere
 * @param dnsTimeout        how long a real query to a site's server is waited for; the result still says
 *                          {@code {"timeout": 5000}}, the probes' own limit
 * @param dnsParallelism    queries of one round in flight at once
 * @param firstMeasurementId the id of the first measurement created, or 0 for the clock's epoch second × 1000 + 1
 *                          (ids also seed which probes a measurement draws, so a fixed one replays a run's draws)
 */
public record AtlasOptions(Set<String> apiKeys, long creditsBalance, int requestsPerWindow, Duration window,
                           Clock rateClock, Set<String> anycast, Map<String, String> unicast, Duration dnsTimeout,
                           int dnsParallelism, long firstMeasurementId) {

    /** What a probe reports for an unanswered query: its own 5 s limit (ms). */
    public static final int PROBE_TIMEOUT_MS = 5000;

    public AtlasOptions {
        apiKeys = Set.copyOf(apiKeys);
        anycast = Set.copyOf(anycast);
        unicast = Map.copyOf(unicast);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(rateClock, "rateClock");
        Objects.requireNonNull(dnsTimeout, "dnsTimeout");
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("simulated atlas: requestsPerWindow must be >= 1");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("simulated atlas: window must be positive");
        }
        if (dnsParallelism < 1) {
            throw new IllegalArgumentException("simulated atlas: dnsParallelism must be >= 1");
        }
        if (firstMeasurementId < 0) {
            throw new IllegalArgumentException("simulated atlas: firstMeasurementId must be >= 0");
        }
    }

    /**
     * One key, a million credits, 1000 requests per minute per key, a 1 s real wait for a site's answer on loopback,
     * 8 queries at once.
     */
    public static AtlasOptions of(String apiKey, Set<String> anycast, Map<String, String> unicast) {
        return new AtlasOptions(Set.of(apiKey), 1_000_000, 1000, Duration.ofMinutes(1), Clock.systemUTC(), anycast,
                unicast, Duration.ofSeconds(1), 8, 0);
    }

    public AtlasOptions withCredits(long balance) {
        return new AtlasOptions(apiKeys, balance, requestsPerWindow, window, rateClock, anycast, unicast, dnsTimeout,
                dnsParallelism, firstMeasurementId);
    }

    public AtlasOptions withRateLimit(int requests, Duration per, Clock clock) {
        return new AtlasOptions(apiKeys, creditsBalance, requests, per, clock, anycast, unicast, dnsTimeout,
                dnsParallelism, firstMeasurementId);
    }

    public AtlasOptions withDnsTimeout(Duration timeout) {
        return new AtlasOptions(apiKeys, creditsBalance, requestsPerWindow, window, rateClock, anycast, unicast,
                timeout, dnsParallelism, firstMeasurementId);
    }

    /** Measurement ids from {@code first} on, whatever the clock says (see {@code firstMeasurementId}). */
    public AtlasOptions withFirstMeasurementId(long first) {
        return new AtlasOptions(apiKeys, creditsBalance, requestsPerWindow, window, rateClock, anycast, unicast,
                dnsTimeout, dnsParallelism, first);
    }
}
