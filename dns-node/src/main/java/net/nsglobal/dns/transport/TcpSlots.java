package net.nsglobal.dns.transport;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Who may hold one of a node's TCP connection slots (RFC 7766 §6.2.2 lets a server close connections when short of
 * resources; §6.2.3 says idle ones are the ones to close). Three rules, so that neither one busy source nor a crowd of
 * public ones can keep the edges from transferring zones:
 * <ol>
 *   <li><b>per source</b>: at most {@code perSource} connections from one IPv4 address or one IPv6 network of
 *       {@code ipv6Prefix} bits; more are refused (one end site gets at least a /56, RIPE-690, so a /64 is not one
 *       client). Transfer sources are not limited: the operator listed them, and an edge may pull many zones at
 *       once;</li>
 *   <li><b>transfer reserve</b>: {@code transferReserved} of the slots are taken only by addresses of the
 *       transfer-acl (told by a predicate, so transport knows nothing of zones); beyond the reserve those addresses
 *       share the public slots;</li>
 *   <li><b>shed idle first</b>: when no public slot is free, the connection on a public slot that has waited longest
 *       for its next query is closed and the newcomer takes its slot. A connection that is answering (a zone
 *       transfer streaming, a write the client has not read yet) is never shed; with none idle the newcomer is
 *       refused.</li>
 * </ol>
 * "Idle" is the server's view: a connection is marked idle by its own thread after its last answer was handed to the
 * kernel, so its client may already hold that answer a moment before the mark (the thread can be preempted between
 * the write and the mark). Until then it counts as busy, and the order of shedding is the order of the marks.
 * {@link #idlePublic} says how many connections are marked idle now, for the metrics.
 * <p>All bookkeeping is under one lock: it runs once per accepted connection, not per query.
 */
final class TcpSlots {
    /** Why a connection was not admitted. */
    enum Refusal { PER_SOURCE, FULL }

    /** What a connection was given: a slot, or the reason it was refused (then {@code slot} is null). */
    record Admission(Slot slot, Refusal refusal, Slot shed) {}

    private final int publicSlots;
    private final int reservedSlots;
    private final int perSource;
    private final int ipv6Prefix;
    private final Predicate<InetAddress> transferSource;
    private final Map<InetAddress, Integer> perSourceOpen = new HashMap<>();
    /** Holders of public slots, oldest first: where a slot to shed is looked for. */
    private final Set<Slot> publicHolders = new LinkedHashSet<>();
    private int reservedInUse;

    /**
     * @param maxConnections   slots in all, the reserved ones included
     * @param perSource        connections per source (IPv4 address, IPv6 network) other than transfer sources; 0 = no limit
     * @param ipv6Prefix       prefix length that makes IPv6 addresses one source
     * @param transferReserved slots only {@code transferSource} addresses take (must be below maxConnections)
     */
    TcpSlots(int maxConnections, int perSource, int ipv6Prefix, int transferReserved, Predicate<InetAddress> transferSource) {
        if (transferReserved < 0 || transferReserved >= maxConnections) {
            throw new IllegalArgumentException("transfer reserve " + transferReserved + " must be below " + maxConnections);
        }
        this.publicSlots = maxConnections - transferReserved;
        this.reservedSlots = transferReserved;
        this.perSource = perSource;
        this.ipv6Prefix = ipv6Prefix;
        this.transferSource = transferSource;
    }

    /**
     * Gives the connection {@code socket} from {@code remote} a slot, shedding an idle public connection if needed.
     * The caller closes the shed connection's socket (outside this lock).
     */
    synchronized Admission admit(InetAddress remote, Socket socket) {
        InetAddress source = source(remote, ipv6Prefix);
        boolean transfer = transferSource.test(remote);
        if (!transfer && perSource > 0 && perSourceOpen.getOrDefault(source, 0) >= perSource) {
            return new Admission(null, Refusal.PER_SOURCE, null);
        }
        if (transfer && reservedInUse < reservedSlots) {
            reservedInUse++;
            return new Admission(take(source, socket, true), null, null);
        }
        Slot shed = null;
        if (publicHolders.size() >= publicSlots) {
            shed = longestIdle();
            if (shed == null) return new Admission(null, Refusal.FULL, null);
            releaseLocked(shed);
        }
        Slot slot = take(source, socket, false);
        publicHolders.add(slot);
        return new Admission(slot, null, shed);
    }

    /** Gives the slot back (once; a shed slot was already given to the newcomer). */
    synchronized void release(Slot slot) {
        releaseLocked(slot);
    }

    synchronized int open() {
        return publicHolders.size() + reservedInUse;
    }

    synchronized int reservedInUse() {
        return reservedInUse;
    }

    /** Connections on public slots marked idle: the ones a newcomer may shed now. */
    synchronized int idlePublic() {
        int n = 0;
        for (Slot s : publicHolders) if (s.state.get() == Slot.IDLE) n++;
        return n;
    }

    private Slot take(InetAddress source, Socket socket, boolean reserved) {
        perSourceOpen.merge(source, 1, Integer::sum);
        return new Slot(source, socket, reserved);
    }

    private void releaseLocked(Slot slot) {
        if (slot.released) return;
        slot.released = true;
        if (slot.reserved) reservedInUse--;
        else publicHolders.remove(slot);
        perSourceOpen.computeIfPresent(slot.source, (k, n) -> n == 1 ? null : n - 1);
    }

    /** The public slot whose connection has waited longest for a query, now marked shed; or null if all are busy. */
    private Slot longestIdle() {
        while (true) {
            Slot best = null;
            long bestSince = 0;
            for (Slot s : publicHolders) {
                if (s.state.get() != Slot.IDLE) continue;
                long since = s.idleSince;
                if (best == null || since - bestSince < 0) {
                    best = s;
                    bestSince = since;
                }
            }
            if (best == null) return null;
            if (best.state.compareAndSet(Slot.IDLE, Slot.SHED)) return best;
            // it just received a query: look again
        }
    }

    /** The address that stands for {@code a}'s source: itself for IPv4, its network of {@code v6Prefix} bits for IPv6. */
    static InetAddress source(InetAddress a, int v6Prefix) {
        byte[] b = a.getAddress();
        if (b.length == 4) return a;
        for (int bit = v6Prefix; bit < 128; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);   // 16 bytes are always an address
        }
    }

    /**
     * One connection's claim on a slot, and whether it may be shed.
     *
     * <pre>
     *   IDLE ──query arrives (connection thread)──▶ BUSY ──answer flushed, nothing pending──▶ IDLE
     *   IDLE ──pool full, longest idle (acceptor)──▶ SHED   (final: socket closed, slot given away)
     * </pre>
     * A connection starts IDLE. Only IDLE → SHED and IDLE → BUSY race; both are compare-and-set, so a query that
     * arrived first keeps the connection, and one that arrives after the shed is not answered.
     */
    static final class Slot {
        static final int IDLE = 0, BUSY = 1, SHED = 2;

        final InetAddress source;
        final Socket socket;
        final boolean reserved;
        final AtomicInteger state = new AtomicInteger(IDLE);
        volatile long idleSince = System.nanoTime();
        private boolean released;   // guarded by TcpSlots.this

        private Slot(InetAddress source, Socket socket, boolean reserved) {
            this.source = source;
            this.socket = socket;
            this.reserved = reserved;
        }

        /** The connection waits for its next query: it may be shed from now on. */
        void idle() {
            idleSince = System.nanoTime();
            state.compareAndSet(BUSY, IDLE);
        }

        /** A query arrived: returns false if the connection was shed first (then it must stop). */
        boolean busy() {
            int s = state.get();
            return s == BUSY || (s == IDLE && state.compareAndSet(IDLE, BUSY));
        }
    }
}
