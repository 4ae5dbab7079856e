package net.nsglobal.dns.transport;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP through a Java NIO {@link DatagramChannel}: blocking receive → process → send, one system call per datagram.
 * Buffers are allocated once; per query the JDK allocates the sender address, and we the {@link QueryContext}.
 */
final class NioUdpSocket implements UdpSocket {
    private static final Logger log = LoggerFactory.getLogger(NioUdpSocket.class);
    private static final int MAX_DATAGRAM = 65535;

    private final DatagramChannel ch;
    private final InetSocketAddress local;
    private volatile boolean stopped;

    private NioUdpSocket(DatagramChannel ch, InetSocketAddress local) {
        this.ch = ch;
        this.local = local;
    }

    static NioUdpSocket open(InetSocketAddress address, boolean reusePort) throws IOException {
        DatagramChannel ch = DatagramChannel.open(address.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            if (reusePort) ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, UdpServer.RCVBUF);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, UdpServer.SNDBUF);
            ch.bind(address);
            return new NioUdpSocket(ch, (InetSocketAddress) ch.getLocalAddress());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() { return local; }

    @Override
    public void serve(QueryHandler.Worker worker) {
        byte[] wire = new byte[MAX_DATAGRAM];
        ByteBuffer in = ByteBuffer.wrap(wire);
        ByteBuffer out = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (!stopped) {
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
                break;                     // stop() or interrupt: the normal way out
            } catch (IOException e) {
                // e.g. ICMP port unreachable surfaced on send: the client went away; keep serving
                if (!stopped) log.debug("component=transport transport=udp io=nio local={} error={}", local, e.toString());
            } catch (RuntimeException e) {
                if (!stopped) log.error("component=transport transport=udp io=nio local={} unexpected", local, e);
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        release();                         // closing the channel is what wakes a blocked receive
    }

    @Override
    public void release() {
        try { ch.close(); } catch (IOException ignored) { /* closing */ }
    }
}
