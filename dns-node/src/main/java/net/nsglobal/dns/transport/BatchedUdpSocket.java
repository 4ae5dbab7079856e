package net.nsglobal.dns.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP a batch at a time ({@link NativeUdp}: recvmmsg/sendmmsg). One receive waits for the first datagram and takes
 * whatever else is queued (up to {@link #BATCH}); all of them are answered, and the answers leave in one send. Under
 * load that divides the system calls per query by the batch; when idle it is one datagram per call, as before.
 *
 * <p>Nothing is allocated per query but the {@link QueryContext}: the client's address stays in native memory and
 * is decoded only if a stage asks for it (NOTIFY and transfer ACLs, logs).
 */
final class BatchedUdpSocket implements UdpSocket {
    private static final Logger log = LoggerFactory.getLogger(BatchedUdpSocket.class);
    /** Datagrams per system call. NSD reads up to 100, Knot 10; 32 keeps the batch's latency small. */
    static final int BATCH = 32;

    private final int fd;
    private final InetSocketAddress local;
    private volatile boolean stopped;
    private volatile long handle;
    private boolean released;

    private BatchedUdpSocket(int fd, InetSocketAddress local) {
        this.fd = fd;
        this.local = local;
    }

    static BatchedUdpSocket open(InetSocketAddress address, boolean reusePort) throws IOException {
        int fd = NativeUdp.open(address, reusePort, UdpServer.RCVBUF, UdpServer.SNDBUF);
        if (fd < 0) throw errno(fd, "bind " + address);
        int port = NativeUdp.localPort0(fd);
        if (port < 0) {
            NativeUdp.close0(fd);
            throw errno(port, "getsockname");
        }
        return new BatchedUdpSocket(fd, new InetSocketAddress(address.getAddress(), port));
    }

    private static IOException errno(int rc, String what) {
        String text = switch (-rc) {
            case 98 -> "Address already in use";       // EADDRINUSE
            case 99 -> "Cannot assign requested address"; // EADDRNOTAVAIL
            case 13 -> "Permission denied";            // EACCES
            default -> "errno " + (-rc);
        };
        // callers retry another free port on BindException, as with a DatagramChannel
        return -rc == 98 ? new BindException(what + ": " + text) : new IOException(what + ": " + text);
    }

    @Override
    public InetSocketAddress localAddress() { return local; }

    /** The source address of one receive slot, decoded on demand. */
    private static final class Source implements Supplier<InetSocketAddress> {
        private final ByteBuffer addrs;
        private final int offset;

        Source(ByteBuffer addrs, int slot) {
            this.addrs = addrs;
            this.offset = slot * NativeUdp.ADDR_SLOT;
        }

        @Override
        public InetSocketAddress get() { return NativeUdp.decode(addrs, offset); }
    }

    @Override
    public void serve(QueryHandler.Worker worker) {
        long h = NativeUdp.create0(fd, BATCH, NativeUdp.SLOT);
        if (h == 0) {
            log.error("component=transport transport=udp io=batched local={} error=\"out of memory for the batch buffers\"", local);
            return;
        }
        handle = h;
        ByteBuffer rx = NativeUdp.buffer0(h, 0);
        ByteBuffer tx = NativeUdp.buffer0(h, 1);
        ByteBuffer meta = NativeUdp.buffer0(h, 2).order(ByteOrder.nativeOrder());
        ByteBuffer addrs = NativeUdp.buffer0(h, 3).order(ByteOrder.nativeOrder());
        Source[] sources = new Source[BATCH];
        for (int i = 0; i < BATCH; i++) sources[i] = new Source(addrs, i);
        int sendMeta = BATCH * 16;
        byte[] wire = new byte[NativeUdp.SLOT];
        int errors = 0;
        while (!stopped) {
            int n = NativeUdp.receive0(h);
            if (n <= 0) {
                if (n < 0 && !stopped && Integer.bitCount(++errors) == 1) {
                    log.warn("component=transport transport=udp io=batched local={} event=receive-failed errno={} count={}", local, -n, errors);
                }
                continue;
            }
            int out = 0;
            for (int i = 0; i < n; i++) {
                try {
                    int len = meta.getInt(i * 16);
                    rx.get(i * NativeUdp.SLOT, wire, 0, len);
                    QueryContext ctx = worker.handle(wire, len, Transport.UDP, sources[i]);
                    if (ctx == null || ctx.response() == null) continue;
                    int rlen = Math.min(ctx.responseLength(), NativeUdp.SLOT);
                    tx.put(out * NativeUdp.SLOT, ctx.response(), 0, rlen);
                    meta.putInt(sendMeta + out * 8, i);
                    meta.putInt(sendMeta + out * 8 + 4, rlen);
                    out++;
                } catch (RuntimeException e) {
                    if (!stopped) log.error("component=transport transport=udp io=batched local={} unexpected", local, e);
                }
            }
            if (out > 0) {
                int sent = NativeUdp.send0(h, out);
                // a refused send (ICMP port unreachable surfaced on the socket) means the client went away
                if (sent < 0 && log.isDebugEnabled()) log.debug("component=transport transport=udp io=batched local={} errno={}", local, -sent);
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        NativeUdp.shutdown0(fd);
    }

    @Override
    public synchronized void release() {
        if (released) return;
        released = true;
        if (handle != 0) NativeUdp.destroy0(handle);
        handle = 0;
        NativeUdp.close0(fd);
    }
}
