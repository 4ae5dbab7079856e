package net.nsglobal.dns.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.ResponseStream;
import net.nsglobal.dns.query.Transport;
import net.nsglobal.dns.query.Verdict;
import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.zone.NameKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seam between transports and the {@link Pipeline}: runs one query, counts it, and is the exception barrier —
 * a bug in a stage must never kill a worker thread (it answers SERVFAIL, RFC 1035 §4.1.1, and is logged).
 */
public final class QueryHandler {
    private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);
    private static final int SERVFAIL = 2;

    private final Pipeline pipeline;
    private final QueryMetrics metrics;
    private final AtomicLong failures = new AtomicLong();

    public QueryHandler(Pipeline pipeline, QueryMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    /**
     * Processes one query. Returns null when nothing is to be sent (DROP); otherwise the context, whose
     * {@code response()} is the message to send, or null when it was already streamed (zone transfer).
     */
    public QueryContext handle(byte[] wire, int length, Transport transport, InetSocketAddress remote, ResponseStream stream) {
        return run(new QueryContext(wire, length, transport, remote, stream), wire, length, transport);
    }

    /**
     * Per-thread scratch state (parse state, lookup probe, 64 KiB response buffer, and for UDP the context itself)
     * so that answering from the cache allocates nothing. One worker belongs to one thread; a response it returns
     * is valid until that thread's next query.
     */
    public Worker newWorker() {
        return new Worker();
    }

    public final class Worker {
        private final ParsedQuery scratch = new ParsedQuery();
        private final NameKey probe = new NameKey();
        private final byte[] output = new byte[65535];
        private final QueryContext reused = new QueryContext(null, 0, Transport.UDP, null, null, null, scratch, probe, output);

        private Worker() {}

        public QueryContext handle(byte[] wire, int length, Transport transport, InetSocketAddress remote, ResponseStream stream) {
            return run(new QueryContext(wire, length, transport, remote, stream, scratch, probe, output),
                    wire, length, transport);
        }

        /**
         * As {@link #handle}, with the client's address decoded only if a stage needs it, and the worker's one
         * context reused: the returned context is valid until this worker's next query.
         */
        public QueryContext handle(byte[] wire, int length, Transport transport, java.util.function.Supplier<InetSocketAddress> remote) {
            return run(reused.reuse(wire, length, transport, remote), wire, length, transport);
        }
    }

    private QueryContext run(QueryContext ctx, byte[] wire, int length, Transport transport) {
        Verdict v;
        try {
            v = pipeline.process(ctx);
        } catch (RuntimeException | StackOverflowError e) {
            long n = failures.incrementAndGet();
            if (Long.bitCount(n) == 1) {  // 1st, 2nd, 4th, 8th…: visible but a flood cannot fill the disk
                log.error("component=transport event=stage-failure transport={} remote={} count={}", transport.label(), ctx.remote(), n, e);
            }
            v = servfail(ctx, wire, length);
        }
        int qtype = QueryMetrics.qtypeOf(wire, length);
        if (v == Verdict.RESPOND) {
            metrics.count(transport, qtype, ctx.rcode(), ctx.response() == null ? 0 : ctx.responseLength());
        } else {
            metrics.count(transport, qtype, -1, 0);
            return null;
        }
        return ctx;
    }

    /**
     * Number of queries on which a stage threw (each answered SERVFAIL): those the {@link Pipeline}'s own barrier
     * caught plus any that escaped it to this one.
     */
    public long failures() { return failures.get() + pipeline.stageFailures(); }

    private static Verdict servfail(QueryContext ctx, byte[] wire, int length) {
        if (length < 12 || (wire[2] & 0x80) != 0) return Verdict.DROP; // no header, or a response: never answer
        byte[] r = new byte[12];
        r[0] = wire[0];
        r[1] = wire[1];
        r[2] = (byte) (0x80 | (wire[2] & 0x79));   // QR=1, keep OPCODE and RD
        r[3] = (byte) SERVFAIL;
        return ctx.respond(r, 12, SERVFAIL);
    }
}
