package net.nsglobal.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls a condition until it holds or a timeout passes, then fails with what was awaited and the last value or
 * exception observed, so a red test says why. Polls with a short back-off (5 ms doubling to 100 ms): fast when the
 * condition is quick, gentle on a loaded machine when it is not. An exception from the probe counts as "not yet"; an
 * Error (a failed assertion inside the probe) ends the wait at once.
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
        Outcome<T> o = poll(what, timeout, probe, done);
        if (o.done) return o.last;
        String observed = o.lastError != null ? "last attempt threw " + o.lastError : "last value: " + o.last;
        AssertionError failure = new AssertionError("timed out after " + timeout.toMillis() + " ms (" + o.polls
                + " polls) waiting until " + what + "; " + observed);
        if (o.lastError != null) failure.initCause(o.lastError);
        throw failure;
    }

    /**
     * Whether {@code condition} came to hold within {@code timeout}, for callers that assert on the outcome themselves
     * (with their own description); never fails on a timeout.
     */
    public static boolean holds(Duration timeout, Callable<Boolean> condition) {
        return poll("condition", timeout, condition, Boolean.TRUE::equals).done;
    }

    private record Outcome<T>(boolean done, T last, Exception lastError, int polls) {}

    private static <T> Outcome<T> poll(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
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
                if (done.test(last)) return new Outcome<>(true, last, null, polls);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            } catch (Exception e) {
                lastError = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return new Outcome<>(false, last, lastError, polls);
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }
}
