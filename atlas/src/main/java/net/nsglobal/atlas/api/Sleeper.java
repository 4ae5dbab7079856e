package net.nsglobal.atlas.api;

import java.time.Duration;

/** Waits between retries; injectable so tests record the back-off instead of sleeping through it. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
