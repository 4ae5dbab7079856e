package net.nsglobal.te.apply;

import java.time.Duration;

/**
 * How an attempt to apply knobs to a site ended — a value, never an exception, whatever BIRD answered. Transport
 * failures (socket or SSH gone) are IOExceptions instead: then BIRD's own confirm timeout reverts an unconfirmed
 * configuration without us.
 */
public sealed interface ApplyOutcome {
    /** The site runs the new configuration, confirmed. {@code healthyAfter}: from {@code configure} to healthy. */
    record Applied(String diff, Duration healthyAfter) implements ApplyOutcome {}

    /** The rendered configuration equals the running file; BIRD was not touched. */
    record Unchanged() implements ApplyOutcome {}

    /** Refused before BIRD switched to it (render, local parse, configure check or configure): nothing changed. */
    record Refused(String stage, String message) implements ApplyOutcome {}

    /** BIRD ran the new configuration, it was found unhealthy and was undone (or left to BIRD's timeout). */
    record Reverted(String reason, String diff) implements ApplyOutcome {}

    /**
     * BIRD runs the new configuration on probation: unless {@code configure confirm} arrives within
     * {@code confirmTimeout} of {@code configuredAtNanos} (System.nanoTime), BIRD returns to the previous one itself.
     */
    record Pending(Knobs knobs, String diff, long configuredAtNanos, Duration confirmTimeout) implements ApplyOutcome {}
}
