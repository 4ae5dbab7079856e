package net.nsglobal.control.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The limiter's table stays bounded however many sources there are, and forgets sources whose window passed. */
class RateLimiterTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMillionSourceNetworksKeepTheTableBounded() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock, Duration.ofHours(1), 10_000);
        int max = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // a million distinct IPv6 /64s inside one hour, each asking once
            for (String key : LimitKeys.client("2001:db8:" + Integer.toHexString(i >>> 16) + ":"
                    + Integer.toHexString(i & 0xffff) + "::1")) {
                limiter.tryAcquire(key, 20);
            }
            max = Math.max(max, limiter.size());
            if ((i & 0xff) == 0) clock.now = clock.now.plusMillis(1);
        }
        assertThat(max).as("entries held at most").isLessThanOrEqualTo(10_000);
    }

    @Test
    void entriesExpireOnceTheirWindowHasPassed() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock, Duration.ofMinutes(10), 1_000_000);
        for (int i = 0; i < 5000; i++) limiter.tryAcquire("net:10.0." + (i / 256) + "." + (i % 256) + "/32", 3);
        assertThat(limiter.size()).isEqualTo(5000);
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        for (int i = 0; i < 5000; i++) limiter.tryAcquire("net:192.0.2.1/32", 100_000); // enough calls to sweep
        assertThat(limiter.size()).as("only the key still inside its window").isEqualTo(1);
    }

    @Test
    void aFullTableStillLimitsTheSourcesItHolds() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock, Duration.ofHours(1), 100);
        assertThat(limiter.tryAcquire("net:victim", 2)).isTrue();
        assertThat(limiter.tryAcquire("net:victim", 2)).isTrue();
        for (int i = 0; i < 50; i++) limiter.tryAcquire("net:other" + i, 2);
        assertThat(limiter.tryAcquire("net:victim", 2)).as("third hit in the window").isFalse();
    }
}
