package net.nsglobal.dns.secondary;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Concurrent transfers in, per primary and in total, shared fairly. Never blocks: a zone that finds no slot is
 * requeued shortly, so one slow or hostile primary cannot hold the threads other primaries' zones need.
 *
 * <p>A "primary" here is a network, not one address: an IPv4 /32 but an IPv6 /64. At this layer the customer behind a
 * primary is not known (catalog groups are the control plane's business); a customer's hosts commonly own a whole IPv6
 * /64 (SLAAC, privacy addresses) and could otherwise claim one cap per address, while an IPv4 /24 is as often shared
 * hosting of unrelated customers, whom a wider v4 group would make share one cap.
 *
 * <p>Fairness: a group never holds more than {@code perPrimary} slots, and when slots are contended a free slot goes
 * to the waiting group holding the fewest (max-min fair share): a group asks again every few milliseconds while it
 * waits, and is refused while another group that asked within {@link #WAITING_NANOS} holds fewer slots than it does.
 * So even with {@code transfers-per-primary} equal to {@code transfers-total}, each slot a primary's transfer gives
 * back (at the latest at {@code transfer-duration}) goes to another primary that is waiting.
 */
final class TransferSlots {
    /** How long a refused group counts as waiting; it retries every 20 ms while it does. */
    static final long WAITING_NANOS = 1_000_000_000L;
    private final int perPrimary;
    private final int total;
    private int running;
    private final Map<InetAddress, Integer> held = new HashMap<>();
    private final Map<InetAddress, Long> waiting = new HashMap<>();

    TransferSlots(int perPrimary, int total) {
        this.perPrimary = perPrimary;
        this.total = total;
    }

    /** The group a primary's address is accounted in: the address for IPv4, its /64 for IPv6. */
    static InetAddress group(InetAddress a) {
        if (!(a instanceof Inet6Address)) return a;
        byte[] b = a.getAddress();
        for (int i = 8; i < 16; i++) b[i] = 0;
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes is always a valid address
        }
    }

    synchronized boolean tryAcquire(InetAddress primary) {
        InetAddress g = group(primary);
        int mine = held.getOrDefault(g, 0);
        long now = System.nanoTime();
        if (running >= total || mine >= perPrimary || fewerWaiting(g, mine, now)) {
            waiting.put(g, now);
            return false;
        }
        waiting.remove(g);
        held.put(g, mine + 1);
        running++;
        return true;
    }

    synchronized void release(InetAddress primary) {
        InetAddress g = group(primary);
        int mine = held.getOrDefault(g, 0);
        if (mine <= 0) throw new IllegalStateException("transfer slot of " + g + " released but not held");
        if (mine == 1) held.remove(g);
        else held.put(g, mine - 1);
        running--;
    }

    /** Transfers running now from the group of {@code primary} (metrics, tests). */
    synchronized int running(InetAddress primary) {
        return held.getOrDefault(group(primary), 0);
    }

    /** True when another group waits (asked recently) holding fewer slots than {@code mine}. */
    private boolean fewerWaiting(InetAddress g, int mine, long now) {
        if (mine == 0) return false;
        boolean fewer = false;
        for (Iterator<Map.Entry<InetAddress, Long>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<InetAddress, Long> e = it.next();
            if (now - e.getValue() > WAITING_NANOS) {
                it.remove(); // gone quiet: its zones found a slot elsewhere or were removed
            } else if (!e.getKey().equals(g) && held.getOrDefault(e.getKey(), 0) < mine) {
                fewer = true;
            }
        }
        return fewer;
    }
}
