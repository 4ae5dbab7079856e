package net.nsglobal.dns.transport;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * TCP resource limits shared by all TCP listeners of one node (RFC 7766 §6.2.2–6.2.3): the number of open
 * connections over all addresses, the idle timeout, and how many pipelined answers are written before a flush.
 */
public final class TcpLimits {
    private final int maxConnections;
    private final Duration idleTimeout;
    private final int maxPipelined;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();

    public TcpLimits(int maxConnections, Duration idleTimeout, int maxPipelined, MeterRegistry registry) {
        this.maxConnections = maxConnections;
        this.idleTimeout = idleTimeout;
        this.maxPipelined = maxPipelined;
        Gauge.builder("dns_tcp_connections", open, AtomicInteger::get).description("open DNS TCP connections").register(registry);
        FunctionCounter.builder("dns_tcp_connections_refused", refused, LongAdder::doubleValue)
                .description("TCP connections closed at once because tcp-max-connections were open").register(registry);
        FunctionCounter.builder("dns_tcp_connections_idle_closed", idleClosed, LongAdder::doubleValue)
                .description("TCP connections closed by the idle timeout").register(registry);
    }

    /** Takes a connection slot, or returns false (and counts a refusal) when all are in use. */
    boolean tryOpen() {
        while (true) {
            int n = open.get();
            if (n >= maxConnections) {
                refused.increment();
                return false;
            }
            if (open.compareAndSet(n, n + 1)) return true;
        }
    }

    void closed() { open.decrementAndGet(); }

    void idleClosed() { idleClosed.increment(); }

    public int openConnections() { return open.get(); }

    Duration idleTimeout() { return idleTimeout; }

    int maxPipelined() { return maxPipelined; }
}
