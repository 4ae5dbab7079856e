package net.nsglobal.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls a condition until it holds or a timeout passes, then fails with what was awaited and the last value or
 * exception observed, so a red test says why. Polls with a short back-off (5 ms doubling to 100 ms): fast when the
 * condition is quick, gentle on a loaded machine when it is not. An exception from the probe counts as "not yet".
 */
public final class Wait {
    private static final long FIRST_PAUSE_MS = 5;
    private static final long MAX_PAUSE_MS = 100;

    private Wait() {}

    /** Waits until {@code condition} returns true; an {@link AssertionError} naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }

    /**
     * Waits until {@code done} accepts the value {@code probe} returns, and returns that value; an {@link AssertionError}
     * naming {@code what} and the last value (or exception) after {@code timeout}.
     */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MS;
        T last = null;
        Exception lastError = null;
        int polls = 0;
        while (true) {
            polls++;
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) return last;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            } catch (Exception e) {
                lastError = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
        String observed = lastError != null ? "last attempt threw " + lastError : "last value: " + last;
        AssertionError failure = new AssertionError("timed out after " + timeout.toMillis() + " ms (" + polls
                + " polls) waiting until " + what + "; " + observed);
        if (lastError != null) failure.initCause(lastError);
        throw failure;
    }

    /** Like {@link #until(String, Duration, Callable)} but returns whether it held instead of failing. */
    public static boolean holds(Duration timeout, Callable<Boolean> condition) {
        try {
            until("condition", timeout, condition);
            return true;
        } catch (AssertionError timedOut) {
            if (Thread.currentThread().isInterrupted()) throw timedOut;
            return false;
        }
    }
}
