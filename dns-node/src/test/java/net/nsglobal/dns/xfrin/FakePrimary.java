package net.nsglobal.dns.xfrin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;

/**
 * A scriptable hostile primary over TCP: for each request, the script returns the answer messages (records per
 * message); the fake frames them, signs them when a signer is set, and then closes or hangs as told. A dripping
 * script announces a 65,535-byte message and then sends one byte every {@code dripMillis}, forever. Connections are
 * served concurrently, each on its own thread.
 */
public final class FakePrimary implements AutoCloseable {
    /** What to send for one request. */
    public record Script(List<List<Record>> messages, TSIG signer, boolean hang, long dripMillis) {
        public Script(List<List<Record>> messages, TSIG signer, boolean hang) { this(messages, signer, hang, 0); }

        public static Script of(List<List<Record>> messages) { return new Script(messages, null, false); }

        /** After {@code messages}, a message of 65,535 bytes announced and sent one byte every {@code millis}. */
        public static Script drip(List<List<Record>> messages, long millis) {
            return new Script(messages, null, false, millis);
        }
    }

    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Function<Message, Script> script;

    public FakePrimary(Function<Message, Script> script) throws IOException {
        this(InetAddress.getLoopbackAddress(), script);
    }

    /** A fake on another loopback address (127.0.0.2 …): a different primary for the transfer slots. */
    public FakePrimary(InetAddress bind, Function<Message, Script> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 64, bind);
        Thread t = new Thread(this::loop, "fake-primary");
        t.setDaemon(true);
        t.start();
    }

    public void script(Function<Message, Script> s) { this.script = s; }

    public int requests() { return requests.get(); }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void loop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-primary-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (Socket s = socket) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] q = new byte[in.readUnsignedShort()];
            in.readFully(q);
            Message req = new Message(q);
            requests.incrementAndGet();
            Script sc = script.apply(req);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            org.xbill.DNS.TSIGRecord prev = req.getTSIG();
            boolean first = true;
            for (List<Record> recs : sc.messages()) {
                Message m = new Message(req.getHeader().getID());
                m.getHeader().setFlag(Flags.QR);
                m.getHeader().setFlag(Flags.AA);
                if (first) m.addRecord(req.getQuestion(), Section.QUESTION);
                for (Record r : recs) m.addRecord(r, Section.ANSWER);
                if (sc.signer() != null) {
                    if (first) sc.signer().apply(m, prev);
                    else sc.signer().applyStream(m, prev, false);
                    prev = m.getTSIG();
                }
                byte[] w = m.toWire(Message.MAXLENGTH);
                out.writeShort(w.length);
                out.write(w);
                first = false;
            }
            out.flush();
            if (sc.dripMillis() > 0) {
                out.writeShort(65535);
                for (int i = 0; i < 65535 && !server.isClosed(); i++) {
                    out.write(0);
                    out.flush();
                    Thread.sleep(sc.dripMillis());
                }
            }
            if (sc.hang()) Thread.sleep(60_000);
        } catch (IOException | InterruptedException e) {
            // next connection
        }
    }

    public static List<List<Record>> oneMessage(List<Record> records) {
        List<List<Record>> l = new ArrayList<>();
        l.add(records);
        return l;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
