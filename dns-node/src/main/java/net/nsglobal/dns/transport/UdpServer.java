package net.nsglobal.dns.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.config.UdpIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over UDP on one address (RFC 1035 §4.2.1). Each worker is one thread with its own socket (SO_REUSEPORT when
 * there are several, so the kernel spreads datagrams across them). The socket is {@link BatchedUdpSocket}
 * (recvmmsg/sendmmsg, a batch of datagrams per system call) when the native library is there, else
 * {@link NioUdpSocket}; {@link UdpIo} chooses.
 */
public final class UdpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UdpServer.class);
    static final int RCVBUF = 4 << 20;
    static final int SNDBUF = 1 << 20;
    private static volatile boolean warned;

    private final List<UdpSocket> sockets;
    private final List<Thread> threads = new ArrayList<>();
    private final InetSocketAddress local;
    private final UdpIo io;

    private UdpServer(List<UdpSocket> sockets, UdpIo io) {
        this.sockets = sockets;
        this.local = sockets.get(0).localAddress();
        this.io = io;
    }

    /** As {@link #start(InetSocketAddress, int, UdpIo, QueryHandler)} with {@link UdpIo#AUTO}. */
    public static UdpServer start(InetSocketAddress address, int workers, QueryHandler handler) throws IOException {
        return start(address, workers, UdpIo.AUTO, handler);
    }

    /** Binds {@code workers} sockets on {@code address} (port 0 = a free port, shared by all workers) and starts them. */
    public static UdpServer start(InetSocketAddress address, int workers, UdpIo io, QueryHandler handler) throws IOException {
        UdpIo used = resolve(io);
        if (used == UdpIo.NIO && address.getAddress().isAnyLocalAddress()) {
            log.warn("component=transport transport=udp io=nio local={} event=wildcard-without-pktinfo: replies leave from "
                    + "the address the kernel routes by, not necessarily the one asked; on a host with several addresses "
                    + "list them in server.listen or use udp-io batched", address);
        }
        List<UdpSocket> socks = new ArrayList<>();
        InetSocketAddress bound = address;
        try {
            for (int w = 0; w < workers; w++) {
                UdpSocket s = used == UdpIo.BATCHED ? BatchedUdpSocket.open(bound, workers > 1) : NioUdpSocket.open(bound, workers > 1);
                socks.add(s);
                bound = s.localAddress();
            }
        } catch (IOException e) {
            for (UdpSocket s : socks) s.release();
            throw new IOException("udp " + address + ": " + e.getMessage(), e);
        }
        UdpServer server = new UdpServer(socks, used);
        for (int w = 0; w < socks.size(); w++) {
            UdpSocket s = socks.get(w);
            QueryHandler.Worker worker = handler.newWorker();
            Thread t = new Thread(() -> s.serve(worker), "udp-" + bound + "-" + w);
            t.setDaemon(true);
            server.threads.add(t);
            t.start();
        }
        log.debug("component=transport transport=udp local={} io={} workers={}", bound, used, socks.size());
        return server;
    }

    private static UdpIo resolve(UdpIo io) throws IOException {
        switch (io) {
            case NIO:
                return UdpIo.NIO;
            case BATCHED:
                if (!NativeUdp.available()) {
                    throw new IOException("udp-io batched: the native recvmmsg library is not available: " + NativeUdp.unavailableReason());
                }
                return UdpIo.BATCHED;
            default:
                if (NativeUdp.available()) return UdpIo.BATCHED;
                if (!warned) {
                    warned = true;
                    log.warn("component=transport transport=udp event=nio-fallback reason=\"{}\" "
                            + "(one system call per datagram; build with gcc for recvmmsg batching)", NativeUdp.unavailableReason());
                }
                return UdpIo.NIO;
        }
    }

    /** Whether the batched (native) UDP path can be used in this JVM, and if not, why. */
    public static String batchedUnavailableReason() { return NativeUdp.unavailableReason(); }

    public InetSocketAddress localAddress() { return local; }

    /** The I/O actually used: {@link UdpIo#BATCHED} or {@link UdpIo#NIO}. */
    public UdpIo io() { return io; }

    /** Stops the workers, waits for them to finish their current batch, and frees the sockets. */
    @Override
    public void close() {
        for (UdpSocket s : sockets) s.stop();
        boolean allDone = true;
        for (Thread t : threads) {
            try { t.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            allDone &= !t.isAlive();
        }
        // a worker still inside a receive keeps its native buffers: leaking them beats freeing memory in use
        if (allDone) for (UdpSocket s : sockets) s.release();
    }
}
