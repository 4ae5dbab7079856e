package net.nsglobal.dns.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 1996 acceptance rules: only the zone's primaries, with its key; unknown zones NOTAUTH; floods coalesce. */
class NotifyAcceptanceTest {
    static final TsigKey KEY = TsigKey.of("nk", "hmac-sha256", "bm90aWZ5bm90aWZ5bm90aWZ5bm90aWZ5bm90aWZ5MTI=");
    static final TsigKey WRONG = TsigKey.of("nk", "hmac-sha256", "d3Jvbmd3cm9uZ3dyb25nd3Jvbmd3cm9uZ3dyb25nMTI=");
    @TempDir Path dir;
    static volatile int lastTsigError;

    static Message notify(String zone, TsigKey key) {
        Message m = new Message();
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.addRecord(Record.newRecord(Name.fromConstantString(zone), Type.SOA, DClass.IN), Section.QUESTION);
        if (key != null) key.toTsig().apply(m, null);
        return m;
    }

    /** Sends one NOTIFY and returns the rcode; resent like a real primary would (RFC 1996 §3.6) if lost. */
    static int send(TestNode node, String from, Message m) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from), 0))) {
            s.setSoTimeout(2000);
            byte[] w = m.toWire();
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            for (int attempt = 1; ; attempt++) {
                s.send(new DatagramPacket(w, w.length, node.address()));
                try {
                    s.receive(p);
                    break;
                } catch (java.net.SocketTimeoutException e) {
                    if (attempt == 5) throw e;
                }
            }
            Message r = new Message(java.util.Arrays.copyOf(buf, p.getLength()));
            lastTsigError = r.getTSIG() == null ? -1 : r.getTSIG().getError();
            assertThat(r.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
            return r.getRcode();
        }
    }

    @Test
    void acceptsOnlyPrimariesWithTheKeyAndCoalescesFloods() throws Exception {
        List<Record> zone = HostilePrimaryTest.zone(5, 1);
        try (FakePrimary fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(
                     rename(zone, q.getQuestion().getName()))));
             TestNode node = TestNode.start(dir, "secondaries:\n"
                     + "  - {name: signed.example, primaries: [127.0.0.1:" + fake.address().getPort() + "], tsig-key: nk}\n"
                     + "  - {name: open.example, primaries: [127.0.0.1:" + fake.address().getPort() + "]}\n"
                     + "tsig-keys:\n  - {name: nk, algorithm: hmac-sha256, secret: "
                     + Base64.getEncoder().encodeToString(KEY.secret()) + "}\n")) {
            assertThat(send(node, "127.0.0.1", notify("unknown.example.", null))).isEqualTo(Rcode.NOTAUTH);
            assertThat(send(node, "127.0.0.2", notify("open.example.", null))).isEqualTo(Rcode.REFUSED);
            assertThat(send(node, "127.0.0.1", notify("signed.example.", null))).isEqualTo(Rcode.REFUSED);
            assertThat(send(node, "127.0.0.1", notify("signed.example.", WRONG))).isEqualTo(Rcode.NOTAUTH);
            assertThat(lastTsigError).isEqualTo(Rcode.BADSIG); // RFC 8945 §5.2: the reason travels in the TSIG RR
            TsigKey unknown = TsigKey.of("who", "hmac-sha256", "bm90aWZ5bm90aWZ5bm90aWZ5bm90aWZ5bm90aWZ5MTI=");
            assertThat(send(node, "127.0.0.1", notify("signed.example.", unknown))).isEqualTo(Rcode.NOTAUTH);
            assertThat(lastTsigError).isEqualTo(Rcode.BADKEY);
            assertThat(send(node, "127.0.0.1", notify("signed.example.", KEY))).isEqualTo(Rcode.NOERROR);
            assertThat(send(node, "127.0.0.1", notify("open.example.", null))).isEqualTo(Rcode.NOERROR);

            // A flood of 3,000 NOTIFYs for one zone: answered, but only a few refreshes actually run.
            int before = fake.requests();
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                byte[] w = notify("open.example.", null).toWire();
                for (int i = 0; i < 3000; i++) s.send(new DatagramPacket(w, w.length, node.address()));
            }
            assertThat(send(node, "127.0.0.1", notify("signed.example.", KEY))).isIn(Rcode.NOERROR, Rcode.REFUSED);
            Thread.sleep(200); // let the queued refreshes drain (the assertion below is on counts, not time)
            assertThat(fake.requests() - before).isLessThan(300);
            assertThat(node.awaitSerial("open.example.", 5, Duration.ofSeconds(10))).isEqualTo(5);
        }
    }

    static List<Record> rename(List<Record> zone, Name origin) {
        Name old = Name.fromConstantString("victim.example.");
        return zone.stream().map(r -> {
            try {
                return r.withName(Name.concatenate(r.getName().relativize(old), origin));
            } catch (org.xbill.DNS.NameTooLongException e) {
                throw new IllegalStateException(e);
            }
        }).map(r -> r instanceof org.xbill.DNS.SOARecord || r.getName().equals(origin) ? r : r).toList();
    }
}
