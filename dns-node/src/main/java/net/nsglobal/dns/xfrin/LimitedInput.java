package net.nsglobal.dns.xfrin;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The primary's side of one transfer's TCP connection, with the time limits enforced on the socket itself. Every read
 * waits at most until the soonest of: the idle timeout (since the last byte), the transfer deadline, and the end of
 * the current minimum-rate window. So a primary that announces a 65,535-byte message (RFC 1035 §4.2.2 length prefix)
 * and then sends one byte every 200 ms is cut at {@code transfer-duration}, and below {@code transfer-min-rate} at
 * the end of a window, instead of holding the transfer (and its slot) for as long as it keeps dripping.
 */
final class LimitedInput extends InputStream {
    /** A limit was hit; the message names it by its config key. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final XfrLimits limits;
    private final long deadline;
    private final long idleNanos;
    private final long windowNanos;
    private long lastByte;
    private long windowEnd;
    private long windowBytes;

    /** @param deadline {@link System#nanoTime()} by which the transfer must be complete */
    LimitedInput(Socket socket, XfrLimits limits, long deadline) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.limits = limits;
        this.deadline = deadline;
        this.idleNanos = limits.idleTimeout().toNanos();
        this.windowNanos = limits.minRate() > 0 ? limits.minRateWindow().toNanos() : 0;
        long now = System.nanoTime();
        this.lastByte = now;
        this.windowEnd = now + windowNanos; // the first window, from the query on, is the grace period
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            long now = System.nanoTime();
            check(now);
            long until = Math.min(lastByte + idleNanos, deadline);
            if (windowNanos > 0) until = Math.min(until, windowEnd);
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (until - now + 999_999) / 1_000_000)));
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    lastByte = System.nanoTime();
                    windowBytes += n;
                }
                return n;
            } catch (SocketTimeoutException e) {
                long t = System.nanoTime();
                if (t - (lastByte + idleNanos) >= 0 && t - deadline < 0 && (windowNanos == 0 || t - windowEnd < 0)) {
                    throw new LimitExceeded("limit exceeded: primary idle for more than "
                            + show(limits.idleTimeout()) + " (transfer-idle)");
                }
                // The deadline or a window end: check() on the next turn decides.
            }
        }
    }

    private void check(long now) throws LimitExceeded {
        if (now - deadline >= 0) {
            throw new LimitExceeded("limit exceeded: transfer took longer than " + show(limits.maxDuration())
                    + " (transfer-duration)");
        }
        if (now - lastByte - idleNanos >= 0) {
            throw new LimitExceeded("limit exceeded: primary idle for more than " + show(limits.idleTimeout())
                    + " (transfer-idle)");
        }
        if (windowNanos > 0 && now - windowEnd >= 0) {
            long needed = limits.minRate() * windowNanos / 1_000_000_000L;
            if (windowBytes < needed) {
                throw new LimitExceeded("limit exceeded: primary sent " + windowBytes + " bytes in "
                        + show(limits.minRateWindow()) + ", below " + limits.minRate() + " bytes/s (transfer-min-rate)");
            }
            windowEnd = now + windowNanos;
            windowBytes = 0;
        }
    }

    static String show(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
