package net.nsglobal.dns.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP on one address (RFC 1035 §4.2.2, RFC 7766). One acceptor thread; each accepted connection gets its own
 * thread ({@link TcpConnection}) for as long as it lives, bounded by {@link TcpLimits}' connection slots — Java 17
 * has no virtual threads, and a bounded thread per connection keeps the per-connection logic a plain loop.
 * {@link TcpSlots} decides at accept who gets a slot (per-source limit, transfer reserve, idle connections shed
 * first); a connection refused a slot is reset at once (RFC 7766 §6.2.2 lets a server close when out of resources).
 */
public final class TcpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TcpServer.class);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ServerSocket server;
    private final QueryHandler handler;
    private final TcpLimits limits;
    private final InetSocketAddress local;
    private final java.util.Map<Socket, TcpConnection> connections = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService sweeper;
    private final ExecutorService workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpServer(ServerSocket server, QueryHandler handler, TcpLimits limits) {
        this.server = server;
        this.handler = handler;
        this.limits = limits;
        this.local = (InetSocketAddress) server.getLocalSocketAddress();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tcp-" + local + "-" + SEQ.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "tcp-accept-" + local);
        this.acceptor.setDaemon(true);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tcp-sweep-" + local);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, Math.min(1000, limits.idleTimeout().toMillis() / 2));
        this.sweeper.scheduleWithFixedDelay(this::closeStalled, every, every, TimeUnit.MILLISECONDS);
    }

    public static TcpServer start(InetSocketAddress address, QueryHandler handler, TcpLimits limits) throws IOException {
        ServerSocket ss = new ServerSocket();
        try {
            ss.setReuseAddress(true);
            ss.bind(address, 1024);
        } catch (IOException e) {
            ss.close();
            throw new IOException("tcp " + address + ": " + e.getMessage(), e);
        }
        TcpServer s = new TcpServer(ss, handler, limits);
        s.acceptor.start();
        return s;
    }

    public InetSocketAddress localAddress() { return local; }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) break;
                log.warn("component=transport transport=tcp local={} accept failed: {}", local, e.toString());
                try {
                    Thread.sleep(100);   // e.g. out of file descriptors: do not spin; connections in flight will close
                } catch (InterruptedException ie) {
                    break;
                }
                continue;
            }
            TcpSlots.Slot slot = limits.tryOpen(s);
            if (slot == null) {
                reset(s);
                continue;
            }
            try {
                TcpConnection c = new TcpConnection(s, handler, limits, slot);
                connections.put(s, c);
                workers.execute(() -> {
                    try {
                        c.run();
                    } finally {
                        connections.remove(s);
                        closeQuietly(s);
                        limits.closed(slot);
                    }
                });
            } catch (RejectedExecutionException e) {   // closing
                connections.remove(s);
                closeQuietly(s);
                limits.closed(slot);
            } catch (RuntimeException | OutOfMemoryError e) {
                // e.g. no thread could be created: refuse this connection but keep accepting. If this thread died,
                // the kernel would go on completing handshakes into the backlog and clients would wait forever.
                connections.remove(s);
                reset(s);
                limits.closed(slot);
                log.error("component=transport transport=tcp local={} event=connection-not-started error={}", local, e.toString());
            }
        }
    }

    /** Closes connections whose client stopped reading: a blocked write would hold a thread and a slot forever. */
    private void closeStalled() {
        long now = System.nanoTime();
        connections.forEach((s, c) -> {
            if (c.writeStalled(now)) {
                limits.idleClosed();
                closeQuietly(s);
            }
        });
    }

    /** Stops accepting, closes every open connection and waits for their threads. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        try { acceptor.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        sweeper.shutdownNow();
        workers.shutdown();
        for (Socket s : connections.keySet()) closeQuietly(s);
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try { c.close(); } catch (Exception ignored) { /* closing */ }
    }

    /** Refuses a connection with a RST: nothing was sent on it, and no TIME_WAIT piles up under a flood. */
    private static void reset(Socket s) {
        try { s.setSoLinger(true, 0); } catch (SocketException ignored) { /* already closed */ }
        closeQuietly(s);
    }
}
