package net.nsglobal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WaitTest {
    @Test
    void returnsTheFirstValueTheConditionAccepts() {
        AtomicInteger calls = new AtomicInteger();
        int value = Wait.until("the counter reaches 3", Duration.ofSeconds(10), calls::incrementAndGet, v -> v >= 3);
        assertThat(value).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void failsAfterItsTimeoutNamingWhatWasAwaitedAndTheLastValue() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Wait.until("collector serves example.", Duration.ofMillis(200),
                () -> "serial " + calls.incrementAndGet(), v -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting until collector serves example.")
                .hasMessageContaining("timed out after 200 ms")
                .hasMessageContaining("last value: serial " + calls.get());
        assertThat(calls.get()).as("it polled more than once").isGreaterThan(1);
    }

    @Test
    void aBooleanConditionThatNeverHoldsFailsWithItsDescription() {
        assertThatThrownBy(() -> Wait.until("the zone is gone", Duration.ofMillis(100), () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting until the zone is gone; last value: false");
    }

    @Test
    void anExceptionIsNotYetAndTheLastOneIsReported() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Wait.until("knotd answers", Duration.ofMillis(150), () -> {
            throw new IOException("connection refused #" + calls.incrementAndGet());
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting until knotd answers")
                .hasMessageContaining("last attempt threw java.io.IOException: connection refused #")
                .hasCauseInstanceOf(IOException.class);
        assertThat(calls.get()).isGreaterThan(1);
    }

    @Test
    void anExceptionThenSuccessSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        Wait.until("the third try works", Duration.ofSeconds(10), () -> {
            if (calls.incrementAndGet() < 3) throw new IOException("not yet");
            return true;
        });
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aFailedAssertionInsideTheProbeEndsTheWaitAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Wait.until("never", Duration.ofSeconds(20), () -> {
            calls.incrementAndGet();
            throw new AssertionError("the child died");
        })).isInstanceOf(AssertionError.class).hasMessage("the child died");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void holdsReportsInsteadOfFailing() {
        assertThat(Wait.holds(Duration.ofMillis(50), () -> false)).isFalse();
        assertThat(Wait.holds(Duration.ofMillis(50), () -> true)).isTrue();
    }
}
