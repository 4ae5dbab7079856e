package net.nsglobal.te.apply;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * {@link Birdc} on BIRD's local UNIX control socket ({@code bird -s PATH}), speaking the line protocol directly — no
 * birdc process. BIRD greets every connection with {@code 0001 BIRD x.y ready.}, which is read before the first
 * command. The socket is blocking; BIRD answers each command fully before reading the next.
 */
public final class UnixSocketBirdc implements Birdc {
    private final Path socket;
    private final SocketChannel channel;
    private final BufferedReader in;

    private UnixSocketBirdc(Path socket, SocketChannel channel) {
        this.socket = socket;
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Connects and reads the greeting; an IOException naming the socket if BIRD is not there or does not greet. */
    public static UnixSocketBirdc connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            UnixSocketBirdc c = new UnixSocketBirdc(socket, ch);
            BirdReply hello = c.read();
            if (hello.code() != 1) throw new IOException("te-engine apply: " + c.endpoint() + " greeted with " + hello);
            return c;
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("te-engine")) throw io;
            throw new IOException("te-engine apply: cannot reach BIRD at unix:" + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized BirdReply send(String command) throws IOException {
        if (command.indexOf('\n') >= 0) throw new IllegalArgumentException("te-engine apply: one command per line: " + command);
        ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) channel.write(out);
        return read();
    }

    private BirdReply read() throws IOException {
        BirdReply.Assembler a = new BirdReply.Assembler();
        while (true) {
            String line = in.readLine();
            if (line == null) throw new IOException("te-engine apply: " + endpoint() + " closed the control socket mid-reply");
            if (a.accept(line)) return a.reply();
        }
    }

    @Override
    public String endpoint() {
        return "unix:" + socket;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
