package net.nsglobal.te.announce;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Can the site reach its collector (a TCP connect to it)? A site cut off from its collector still answers queries, so
 * a short outage must not withdraw it: the check turns unhealthy only once the collector has been unreachable for
 * longer than {@code threshold}, counted from the first failed connect after the last good one.
 */
public final class CollectorCheck implements Check {
    private final InetSocketAddress collector;
    private final Duration threshold;
    private final Duration timeout;
    private final Clock clock;
    private Instant failingSince;

    public CollectorCheck(InetSocketAddress collector, Duration threshold, Duration timeout, Clock clock) {
        this.collector = collector;
        this.threshold = threshold;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "collector";
    }

    @Override
    public synchronized Verdict run() {
        String target = collector.getAddress().getHostAddress() + "#" + collector.getPort();
        try (Socket s = new Socket()) {
            s.connect(collector, (int) timeout.toMillis());
            failingSince = null;
            return Verdict.healthy(name(), target + " reachable");
        } catch (IOException e) {
            Instant now = clock.instant();
            if (failingSince == null) failingSince = now;
            Duration down = Duration.between(failingSince, now);
            String what = target + " unreachable for " + down.toSeconds() + "s (" + e.getMessage() + ")";
            // Past the threshold only: until then the site keeps serving what it has.
            return down.compareTo(threshold) > 0 ? Verdict.unhealthy(name(), what + ", past " + threshold.toSeconds() + "s")
                    : Verdict.healthy(name(), what + ", within " + threshold.toSeconds() + "s");
        }
    }
}
