package net.nsglobal.te.apply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link Birdc} on BIRD's local UNIX control socket ({@code bird -s PATH}), speaking the line protocol directly — no
 * birdc process. BIRD greets every connection with {@code 0001 BIRD x.y ready.}, which is read before the first
 * command; it answers each command fully before reading the next.
 *
 * <p>Every greeting and reply must be complete within the timeout (30 s unless given): a BIRD that accepts the
 * connection but stops answering (stopped with SIGSTOP, stuck in a long reconfiguration, a dead daemon's socket
 * kept open by another process) gets an IOException naming the socket, never a caller blocked for ever. The
 * socket is non-blocking and read through a selector for that reason, as the SSH path has its own timeout.
 */
public final class UnixSocketBirdc implements Birdc {
    /** The default wait for a greeting or a whole reply. {@code configure} of a large file takes seconds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private final ByteBuffer buf = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private UnixSocketBirdc(Path socket, SocketChannel channel, Selector selector, Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
        buf.flip(); // empty, ready to be read from
    }

    /** {@link #connect(Path, Duration)} with {@link #TIMEOUT}. */
    public static UnixSocketBirdc connect(Path socket) throws IOException {
        return connect(socket, TIMEOUT);
    }

    /**
     * Connects and reads the greeting; an IOException naming the socket if BIRD is not there, does not greet, or
     * does not greet within {@code timeout}.
     */
    public static UnixSocketBirdc connect(Path socket, Duration timeout) throws IOException {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("te-engine apply: timeout " + timeout + " is not positive");
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector sel = null;
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            sel = Selector.open();
            UnixSocketBirdc c = new UnixSocketBirdc(socket, ch, sel, timeout);
            BirdReply hello = c.read(System.nanoTime() + timeout.toNanos(), "greeting");
            if (hello.code() != 1) throw new IOException("te-engine apply: " + c.endpoint() + " greeted with " + hello);
            return c;
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (sel != null) sel.close();
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("te-engine")) throw io;
            throw new IOException("te-engine apply: cannot reach BIRD at unix:" + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized BirdReply send(String command) throws IOException {
        if (command.indexOf('\n') >= 0) throw new IllegalArgumentException("te-engine apply: one command per line: " + command);
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) await(SelectionKey.OP_WRITE, deadline, "room to send \"" + command + "\"");
        }
        return read(deadline, "reply to \"" + command + "\"");
    }

    private BirdReply read(long deadline, String what) throws IOException {
        BirdReply.Assembler a = new BirdReply.Assembler();
        while (true) {
            String l = readLine(deadline, what);
            if (l == null) throw new IOException("te-engine apply: " + endpoint() + " closed the control socket mid-reply");
            if (a.accept(l)) return a.reply();
        }
    }

    /** The next line without its terminator; null at end of stream. */
    private String readLine(long deadline, String what) throws IOException {
        while (true) {
            while (buf.hasRemaining()) {
                byte b = buf.get();
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
            buf.clear();
            int n = channel.read(buf);
            buf.flip();
            if (n < 0) return null;
            if (n == 0) await(SelectionKey.OP_READ, deadline, what);
        }
    }

    private void await(int op, long deadline, String what) throws IOException {
        long left = deadline - System.nanoTime();
        SelectionKey key = channel.register(selector, op);
        try {
            while (left > 0) {
                if (selector.select(Math.max(1, left / 1_000_000)) > 0) {
                    selector.selectedKeys().clear();
                    return;
                }
                left = deadline - System.nanoTime();
            }
        } finally {
            key.interestOps(0);
        }
        throw new IOException("te-engine apply: " + endpoint() + ": no " + what + " within " + timeout.toMillis() + " ms");
    }

    @Override
    public String endpoint() {
        return "unix:" + socket;
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
