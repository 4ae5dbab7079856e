package net.nsglobal.dns.testing;

import java.util.concurrent.TimeUnit;

/** Helpers for the real peers (knotd, named, nsd) that tests start as child processes. */
public final class Daemons {
    private Daemons() {}

    /** SIGTERM, up to 10 s for a clean exit, then SIGKILL: a test never leaves a daemon holding its port. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
