package net.nsglobal.dns.replication;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.query.Transport;
import net.nsglobal.dns.query.Verdict;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A minimal UDP+TCP front end for replication tests, independent of the transport/engine helpers' code: it runs our
 * NOTIFY and transfer stages, then answers SOA queries from the store (SERVFAIL when expired, REFUSED when the zone
 * is unknown). Enough for "which serial does this node serve".
 */
public final class MiniServer implements AutoCloseable {
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final List<Stage> stages;
    private volatile boolean closed;

    public MiniServer(int port, ZoneStore store, Stage... replication) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        this.udp = new DatagramSocket(new InetSocketAddress(lo, port));
        this.tcp = new ServerSocket(udp.getLocalPort(), 64, lo);
        java.util.ArrayList<Stage> s = new java.util.ArrayList<>();
        for (Stage st : replication) if (st != null) s.add(st);
        s.add(ctx -> soa(ctx, store));
        this.stages = List.copyOf(s);
        Thread u = new Thread(this::udpLoop, "mini-udp");
        u.setDaemon(true);
        u.start();
        Thread t = new Thread(this::tcpLoop, "mini-tcp");
        t.setDaemon(true);
        t.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
    }

    private static Verdict soa(QueryContext ctx, ZoneStore store) {
        Message q = ctx.message();
        if (q == null || q.getQuestion() == null) return Verdict.DROP;
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        Zone z = store.get(q.getQuestion().getName());
        int rcode;
        if (z == null) rcode = Rcode.REFUSED;
        else if (z.expired()) rcode = Rcode.SERVFAIL;
        else {
            rcode = Rcode.NOERROR;
            r.getHeader().setFlag(Flags.AA);
            if (q.getQuestion().getType() == Type.SOA) r.addRecord(z.soa(), Section.ANSWER);
        }
        r.getHeader().setRcode(rcode);
        return ctx.respond(r.toWire(), rcode);
    }

    private Verdict run(QueryContext ctx) {
        for (Stage s : stages) {
            Verdict v = s.process(ctx);
            if (v != Verdict.CONTINUE) return v;
        }
        return Verdict.DROP;
    }

    private void udpLoop() {
        byte[] buf = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                QueryContext ctx = new QueryContext(buf, p.getLength(), Transport.UDP,
                        (InetSocketAddress) p.getSocketAddress(), null);
                if (run(ctx) == Verdict.RESPOND && ctx.response() != null) {
                    udp.send(new DatagramPacket(ctx.response(), ctx.responseLength(), p.getSocketAddress()));
                }
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void tcpLoop() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                Thread t = new Thread(() -> serve(s), "mini-tcp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int len = in.readUnsignedShort();
                byte[] q = new byte[len];
                in.readFully(q);
                QueryContext ctx = new QueryContext(q, len, Transport.TCP, (InetSocketAddress) s.getRemoteSocketAddress(),
                        m -> {
                            out.writeShort(m.length);
                            out.write(m);
                        });
                if (run(ctx) == Verdict.RESPOND && ctx.response() != null) {
                    out.writeShort(ctx.responseLength());
                    out.write(ctx.response(), 0, ctx.responseLength());
                }
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing
        }
    }
}
