package net.nsglobal.dns.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.ResponseStream;
import net.nsglobal.dns.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DNS TCP connection (RFC 7766): reads length-prefixed queries (RFC 1035 §4.2.2) one after the other and
 * answers each in order. Several queries per connection and pipelining (§6.2.1.1) come for free: queries already
 * received are answered back to back and the answers are flushed together — when no more input is waiting or after
 * {@code tcp-max-pipelined} answers. The connection closes when the client closes, on a zero length (nothing valid
 * follows), or when no complete query arrived for the idle timeout (§6.2.3) — a slow drip of bytes does not reset it.
 * While it waits for a query with every answer flushed it is idle and may be shed for a newcomer ({@link TcpSlots});
 * from a query's length prefix until its answer (a whole zone transfer included) is flushed it is busy and never shed.
 */
final class TcpConnection implements ResponseStream {
    private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);

    private final Socket socket;
    private final QueryHandler.Worker handler;
    private final TcpLimits limits;
    private final TcpSlots.Slot slot;
    private final byte[] wire = new byte[65535];
    private InputStream in;
    private OutputStream out;
    private long deadlineNanos;
    /** When the write in progress started (System.nanoTime), or 0: read by the server's stall sweeper. */
    private volatile long writingSince;

    TcpConnection(Socket socket, QueryHandler handler, TcpLimits limits, TcpSlots.Slot slot) {
        this.socket = socket;
        this.handler = handler.newWorker();
        this.limits = limits;
        this.slot = slot;
    }

    void run() {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        try {
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(new WatchedOutput(socket.getOutputStream()), 16 * 1024);
            int pending = 0;
            long idle = limits.idleTimeout().toNanos();
            while (true) {
                deadlineNanos = System.nanoTime() + idle;
                // Nothing received and every answer flushed: waiting on the client, so this slot may be shed.
                if (in.available() == 0) slot.idle();
                int length = (read() << 8) | read();
                if (!slot.busy()) break;   // shed while the query arrived: the slot is someone else's now
                if (length == 0) break;
                readFully(wire, length);
                QueryContext ctx = handler.handle(wire, length, Transport.TCP, remote, this);
                if (ctx != null && ctx.response() != null) {
                    writeMessage(ctx.response(), ctx.responseLength());
                    pending++;
                }
                if (pending > 0 && (pending >= limits.maxPipelined() || in.available() == 0)) {
                    out.flush();
                    pending = 0;
                }
            }
            out.flush();
        } catch (SocketTimeoutException e) {
            limits.idleClosed();
        } catch (EOFException e) {
            // client closed (possibly mid-message): nothing to answer
        } catch (IOException e) {
            log.debug("component=transport transport=tcp remote={} closed: {}", remote, e.toString());
        }
    }

    /**
     * True when a write has been blocked for longer than the idle timeout: the client stopped reading (its window
     * is full). Such a connection is as idle as one that stopped sending, and is closed (RFC 7766 §6.2.3).
     */
    boolean writeStalled(long nowNanos) {
        long since = writingSince;
        return since != 0 && nowNanos - since > limits.idleTimeout().toNanos();
    }

    /** Marks the time spent blocked in socket writes for {@link #writeStalled}. */
    private final class WatchedOutput extends java.io.FilterOutputStream {
        WatchedOutput(OutputStream socketOut) { super(socketOut); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writingSince = System.nanoTime() | 1;
            try {
                out.write(b, off, len);
            } finally {
                writingSince = 0;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /** For multi-message answers (AXFR/IXFR out): one length-prefixed message, written through at once. */
    @Override
    public void send(byte[] message) throws IOException {
        writeMessage(message, message.length);
        out.flush();
    }

    private void writeMessage(byte[] msg, int len) throws IOException {
        out.write(len >>> 8);
        out.write(len & 0xff);
        out.write(msg, 0, len);
    }

    private int read() throws IOException {
        setTimeout();
        int b = in.read();
        if (b < 0) throw new EOFException();
        return b;
    }

    private void readFully(byte[] b, int len) throws IOException {
        int off = 0;
        while (off < len) {
            setTimeout();
            int n = in.read(b, off, len - off);
            if (n < 0) throw new EOFException();
            off += n;
        }
    }

    /** Each blocking read may wait only for what is left of this query's idle deadline. */
    private void setTimeout() throws IOException {
        if (in.available() > 0) return;
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) throw new SocketTimeoutException("idle");
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
    }
}
