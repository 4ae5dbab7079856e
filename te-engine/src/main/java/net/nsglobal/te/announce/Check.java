package net.nsglobal.te.announce;

/**
 * One health check of the local dns-node, run once per check interval. Implementations bound their own time (a
 * timeout shorter than the interval) and turn every failure, including I/O errors, into an unhealthy {@link Verdict}.
 */
public interface Check {
    /** Short name for logs, metrics and the operator pages. */
    String name();

    Verdict run();
}
