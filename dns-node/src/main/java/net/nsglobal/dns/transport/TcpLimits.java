package net.nsglobal.dns.transport;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * TCP resource limits shared by all TCP listeners of one node (RFC 7766 §6.2.2–6.2.3): the connection slots and who
 * may take them ({@link TcpSlots}: per source, a reserve for transfer sources, idle connections shed first), the idle
 * timeout, and how many pipelined answers are written before a flush.
 */
public final class TcpLimits {
    /**
     * Who gets a slot: at most {@code perSource} connections per IPv4 address or IPv6 network of {@code ipv6Prefix}
     * bits (0 = no limit), and {@code transferReserved} slots kept for addresses {@code transferSource} accepts.
     */
    public record Sources(int perSource, int ipv6Prefix, int transferReserved, Predicate<InetAddress> transferSource) {
        /** No per-source limit and no reserve: only the total counts. */
        public static final Sources ANY = new Sources(0, 128, 0, a -> false);
    }

    private final Duration idleTimeout;
    private final int maxPipelined;
    private final TcpSlots slots;
    private final LongAdder refusedPerSource = new LongAdder();
    private final LongAdder refusedFull = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();

    public TcpLimits(int maxConnections, Duration idleTimeout, int maxPipelined, MeterRegistry registry) {
        this(maxConnections, idleTimeout, maxPipelined, Sources.ANY, registry);
    }

    public TcpLimits(int maxConnections, Duration idleTimeout, int maxPipelined, Sources sources, MeterRegistry registry) {
        this.idleTimeout = idleTimeout;
        this.maxPipelined = maxPipelined;
        this.slots = new TcpSlots(maxConnections, sources.perSource(), sources.ipv6Prefix(), sources.transferReserved(),
                sources.transferSource());
        Gauge.builder("dns_tcp_connections", slots, TcpSlots::open).description("open DNS TCP connections").register(registry);
        Gauge.builder("dns_tcp_connections_transfer_reserved", slots, TcpSlots::reservedInUse)
                .description("open TCP connections on slots reserved for transfer-acl sources").register(registry);
        Gauge.builder("dns_tcp_connections_idle", slots, TcpSlots::idlePublic)
                .description("open TCP connections on public slots waiting for a query with every answer flushed "
                        + "(the ones a newcomer may shed)").register(registry);
        FunctionCounter.builder("dns_tcp_connections_refused", refusedPerSource, LongAdder::doubleValue).tag("reason", "per-source")
                .description("TCP connections closed at once: the source had tcp-max-connections-per-source open, "
                        + "or every slot was busy answering").register(registry);
        FunctionCounter.builder("dns_tcp_connections_refused", refusedFull, LongAdder::doubleValue).tag("reason", "full")
                .description("TCP connections closed at once: the source had tcp-max-connections-per-source open, "
                        + "or every slot was busy answering").register(registry);
        FunctionCounter.builder("dns_tcp_connections_shed", shed, LongAdder::doubleValue)
                .description("idle TCP connections closed to make room for a new one").register(registry);
        FunctionCounter.builder("dns_tcp_connections_idle_closed", idleClosed, LongAdder::doubleValue)
                .description("TCP connections closed by the idle timeout").register(registry);
    }

    /**
     * Takes a slot for {@code socket}, or returns null (and counts a refusal). When an idle connection was shed for
     * it, that connection's socket is closed here; its thread then ends and finds its slot already given away.
     */
    TcpSlots.Slot tryOpen(Socket socket) {
        TcpSlots.Admission a = slots.admit(socket.getInetAddress(), socket);
        if (a.slot() == null) {
            (a.refusal() == TcpSlots.Refusal.PER_SOURCE ? refusedPerSource : refusedFull).increment();
            return null;
        }
        if (a.shed() != null) {
            shed.increment();
            TcpServer.closeQuietly(a.shed().socket);
        }
        return a.slot();
    }

    void closed(TcpSlots.Slot slot) { slots.release(slot); }

    void idleClosed() { idleClosed.increment(); }

    public int openConnections() { return slots.open(); }

    Duration idleTimeout() { return idleTimeout; }

    int maxPipelined() { return maxPipelined; }
}
