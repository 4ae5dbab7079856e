package net.nsglobal.dashboard.catalog;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A minimal authoritative responder over UDP and TCP for a {@link ZoneStore}: exact-match answers with AA, NXDOMAIN
 * or NODATA with the SOA, AXFR (RFC 5936) and IXFR answered as a full transfer (RFC 1995 §4 allows the AXFR form).
 * It serves the control plane's catalog zone and the demo's sample primary; the fleet itself runs dns-node.
 * Transfers are refused (REFUSED) to clients outside {@code transferAllowed}.
 */
public final class ZoneResponder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ZoneResponder.class);
    private static final int MESSAGE_BUDGET = 16_000; // records per AXFR message are packed under this size

    private final ZoneStore store;
    private final Predicate<InetAddress> transferAllowed;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "zone-responder");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public ZoneResponder(ZoneStore store, InetSocketAddress listen, Predicate<InetAddress> transferAllowed)
            throws IOException {
        this.store = store;
        this.transferAllowed = transferAllowed;
        this.tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(listen);
        // UDP on the same port as TCP, as DNS expects
        this.udp = new DatagramSocket(new InetSocketAddress(listen.getAddress(), tcp.getLocalPort()));
        threads.execute(this::udpLoop);
        threads.execute(this::tcpLoop);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
    }

    private void udpLoop() {
        byte[] buf = new byte[4096];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                Message q = parse(buf, p.getLength());
                if (q == null) continue;
                List<Message> answers = answer(q, p.getAddress(), false);
                byte[] out = answers.get(0).toWire(512);
                udp.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                if (!closed) log.debug("zone-responder: udp: {}", e.toString());
            }
        }
    }

    private void tcpLoop() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                threads.execute(() -> serveTcp(s));
            } catch (IOException e) {
                if (!closed) log.debug("zone-responder: tcp accept: {}", e.toString());
            }
        }
    }

    private void serveTcp(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int len;
                try {
                    len = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] b = new byte[len];
                in.readFully(b);
                Message q = parse(b, len);
                if (q == null) return;
                for (Message m : answer(q, s.getInetAddress(), true)) {
                    byte[] w = m.toWire();
                    out.writeShort(w.length);
                    out.write(w);
                }
                out.flush();
            }
        } catch (SocketException e) {
            // peer went away
        } catch (IOException e) {
            log.debug("zone-responder: tcp: {}", e.toString());
        }
    }

    private static Message parse(byte[] b, int len) {
        try {
            byte[] copy = new byte[len];
            System.arraycopy(b, 0, copy, 0, len);
            Message m = new Message(copy);
            return m.getHeader().getFlag(Flags.QR) ? null : m;
        } catch (IOException e) {
            return null; // not DNS: drop
        }
    }

    private List<Message> answer(Message q, InetAddress client, boolean tcpTransport) {
        Message r = new Message(q.getHeader().getID());
        Header h = r.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(q.getHeader().getOpcode());
        if (q.getHeader().getFlag(Flags.RD)) h.setFlag(Flags.RD);
        Record question = q.getQuestion();
        if (question == null || q.getHeader().getOpcode() != Opcode.QUERY) {
            h.setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
            return List.of(r);
        }
        r.addRecord(question, Section.QUESTION);
        Name qname = question.getName();
        int qtype = question.getType();
        Zone zone = store.find(qname);
        if (zone == null) {
            h.setRcode(Rcode.REFUSED);
            return List.of(r);
        }
        if (qtype == Type.AXFR || qtype == Type.IXFR) {
            if (!tcpTransport && qtype == Type.IXFR) { // RFC 1995 §2: over UDP, answer with the SOA only
                h.setFlag(Flags.AA);
                r.addRecord(zone.soa(), Section.ANSWER);
                return List.of(r);
            }
            if (!tcpTransport || !qname.equals(zone.origin()) || !transferAllowed.test(client)) {
                h.setRcode(Rcode.REFUSED);
                return List.of(r);
            }
            return transfer(q, zone);
        }
        h.setFlag(Flags.AA);
        boolean nameExists = false;
        for (Record rec : zone.records()) {
            if (!rec.getName().equals(qname)) {
                if (rec.getName().subdomain(qname)) nameExists = true; // empty non-terminal
                continue;
            }
            nameExists = true;
            if (rec.getType() == qtype || qtype == Type.ANY) r.addRecord(rec, Section.ANSWER);
        }
        if (r.getSection(Section.ANSWER).isEmpty()) {
            if (!nameExists) h.setRcode(Rcode.NXDOMAIN);
            r.addRecord(zone.soa(), Section.AUTHORITY);
        }
        return List.of(r);
    }

    /** RFC 5936 §2.2: SOA first, all records, SOA last; split across messages of bounded size. */
    private static List<Message> transfer(Message q, Zone zone) {
        List<Record> seq = new ArrayList<>();
        seq.add(zone.soa());
        for (Record rec : zone.records()) if (rec.getType() != Type.SOA) seq.add(rec);
        seq.add(zone.soa());
        List<Message> out = new ArrayList<>();
        Message cur = null;
        int size = 0;
        for (Record rec : seq) {
            int rsize = rec.toWire(org.xbill.DNS.Section.ANSWER).length;
            if (cur == null || size + rsize > MESSAGE_BUDGET) {
                cur = new Message(q.getHeader().getID());
                cur.getHeader().setFlag(Flags.QR);
                cur.getHeader().setFlag(Flags.AA);
                if (out.isEmpty()) cur.addRecord(q.getQuestion(), Section.QUESTION);
                out.add(cur);
                size = 12;
            }
            cur.addRecord(rec, Section.ANSWER);
            size += rsize;
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
