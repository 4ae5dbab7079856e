package net.nsglobal.dns.notify;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per source address: a NOTIFY flood from one primary is refused, other primaries are unaffected. */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<InetAddress, double[]> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    boolean allow(InetAddress source) {
        long now = System.nanoTime();
        double[] b = buckets.computeIfAbsent(source, s -> new double[] {burst, now});
        synchronized (b) {
            double elapsed = (now - (long) b[1]) / 1e9;
            b[0] = Math.min(burst, b[0] + elapsed * perSecond);
            b[1] = now;
            if (b[0] < 1) return false;
            b[0] -= 1;
            return true;
        }
    }
}
