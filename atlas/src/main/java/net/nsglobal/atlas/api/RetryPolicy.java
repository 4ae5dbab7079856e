package net.nsglobal.atlas.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before retrying a request that got 429 or 5xx.
 *
 * <p>Exponential back-off with "full jitter" (the delay is drawn uniformly from [base·2^n / 2, base·2^n], capped),
 * so that many clients throttled at once do not retry in lock-step; {@code maxDelay} caps that computed delay. A
 * {@code Retry-After} header (RFC 9110 §10.2.3, delay-seconds or HTTP-date) is the server saying when it will take
 * the request again: it is honoured as given, never shortened to {@code maxDelay} (retrying earlier only earns another
 * 429). Whether a wait that long still fits is the caller's deadline to judge ({@code AtlasConfig.deadline}).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, RandomGenerator random, Clock clock) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("atlas: maxAttempts must be >= 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), RandomGenerator.getDefault(),
                Clock.systemUTC());
    }

    /** Retried statuses: 429 Too Many Requests and every 5xx (the API is behind a load balancer that sheds load). */
    public static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Delay before attempt {@code attempt + 1}, where {@code attempt} counts from 1. */
    public Duration delay(int attempt, String retryAfterHeader) {
        long capMillis = maxDelay.toMillis();
        long exp = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long ceiling = Math.min(exp, capMillis);
        long floor = ceiling / 2;
        long jittered = floor + (ceiling > floor ? random.nextLong(ceiling - floor + 1) : 0);
        long fromHeader = retryAfter(retryAfterHeader).map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, fromHeader));
    }

    /** The wait a {@code Retry-After} header asks for, if it is well-formed. */
    public Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), when);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException garbage) {
                return Optional.empty();
            }
        }
    }
}
