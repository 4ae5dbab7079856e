package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy p = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(20), new Random(7),
            Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void exponentialWithJitterAndACap() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(1000L << (attempt - 1), 20_000);
            assertThat(p.delay(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void retryAfterForms() {
        assertThat(p.delay(1, "12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.delay(1, "Thu, 15 Jan 2026 12:00:05 GMT")).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delay(1, "Thu, 15 Jan 2026 11:00:00 GMT").toMillis()).as("past date").isBetween(500L, 1000L);
        // The server's word, not shortened to maxDelay (20 s): retrying earlier only earns another 429.
        assertThat(p.delay(1, "3600")).as("not capped").isEqualTo(Duration.ofSeconds(3600));
        assertThat(p.delay(1, "soon").toMillis()).as("garbage ignored").isBetween(500L, 1000L);
    }

    @Test
    void whichStatusesAreRetried() {
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(400)).isFalse();
        assertThat(RetryPolicy.retryable(403)).isFalse();
    }
}
