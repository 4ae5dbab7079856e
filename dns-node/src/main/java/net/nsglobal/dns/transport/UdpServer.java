package net.nsglobal.dns.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over UDP on one address (RFC 1035 §4.2.1). Each worker is one thread with its own socket (SO_REUSEPORT when
 * there are several, so the kernel spreads datagrams across them) doing blocking receive → process → send with
 * buffers allocated once: the only per-query allocations are the sender address and the {@link QueryContext}.
 */
public final class UdpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UdpServer.class);
    private static final int MAX_DATAGRAM = 65535;

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final InetSocketAddress local;
    private volatile boolean closed;

    private UdpServer(InetSocketAddress local) {
        this.local = local;
    }

    /** Binds {@code workers} sockets on {@code address} (port 0 = a free port, shared by all workers) and starts them. */
    public static UdpServer start(InetSocketAddress address, int workers, QueryHandler handler) throws IOException {
        List<DatagramChannel> chans = new ArrayList<>();
        InetSocketAddress bound = address;
        try {
            for (int w = 0; w < workers; w++) {
                DatagramChannel ch = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                chans.add(ch);
                if (workers > 1) ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
                ch.bind(bound);
                bound = (InetSocketAddress) ch.getLocalAddress();
            }
        } catch (IOException e) {
            for (DatagramChannel c : chans) c.close();
            throw new IOException("udp " + address + ": " + e.getMessage(), e);
        }
        UdpServer server = new UdpServer(bound);
        server.channels.addAll(chans);
        for (int w = 0; w < chans.size(); w++) {
            DatagramChannel ch = chans.get(w);
            Thread t = new Thread(() -> server.serve(ch, handler), "udp-" + bound + "-" + w);
            t.setDaemon(true);
            server.threads.add(t);
            t.start();
        }
        return server;
    }

    public InetSocketAddress localAddress() { return local; }

    private void serve(DatagramChannel ch, QueryHandler handler) {
        QueryHandler.Worker worker = handler.newWorker();
        byte[] wire = new byte[MAX_DATAGRAM];
        ByteBuffer in = ByteBuffer.wrap(wire);
        ByteBuffer out = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (!closed) {
            try {
                in.clear();
                SocketAddress from = ch.receive(in);
                if (from == null) continue;
                QueryContext ctx = worker.handle(wire, in.position(), Transport.UDP, (InetSocketAddress) from, null);
                if (ctx == null || ctx.response() == null) continue;
                out.clear();
                out.put(ctx.response(), 0, Math.min(ctx.responseLength(), MAX_DATAGRAM)).flip();
                ch.send(out, from);
            } catch (ClosedChannelException e) {
                break;                     // close() or interrupt: the normal way out
            } catch (IOException e) {
                // e.g. ICMP port unreachable surfaced on send: the client went away; keep serving
                if (!closed) log.debug("component=transport transport=udp local={} error={}", local, e.toString());
            } catch (RuntimeException e) {
                if (!closed) log.error("component=transport transport=udp local={} unexpected", local, e);
            }
        }
    }

    /** Closes the sockets and waits for the workers to finish their current query. */
    @Override
    public void close() {
        closed = true;
        for (DatagramChannel ch : channels) {
            try { ch.close(); } catch (IOException ignored) { /* closing */ }
        }
        for (Thread t : threads) {
            try { t.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }
}
