package net.nsglobal.dns.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import net.nsglobal.testkit.FreePorts;
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

/**
 * {@code limits.notify-rate} reaches the NOTIFY stage of a real node: at 1/s (burst 4) a run of NOTIFYs from one
 * primary is partly REFUSED while another primary is unaffected; with the default (1,000/s, burst 4,000) none is.
 * Counts only: at most 4 + (seconds elapsed) of the 30 can be accepted, so the box's speed does not matter.
 */
class NotifyRateLimitTest {
    @TempDir Path dir;

    static int notify(TestNode node, String from) throws Exception {
        Message m = new Message();
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.addRecord(Record.newRecord(Name.fromString("limited.example."), Type.SOA, DClass.IN), Section.QUESTION);
        byte[] w = m.toWire();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from), 0))) {
            s.setSoTimeout(2000);
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            for (int attempt = 1; ; attempt++) {
                s.send(new DatagramPacket(w, w.length, node.address()));
                try {
                    s.receive(p);
                    return new Message(Arrays.copyOf(buf, p.getLength())).getRcode();
                } catch (java.net.SocketTimeoutException e) {
                    if (attempt == 5) throw e;
                }
            }
        }
    }

    private static TestNode node(Path dir, String limits) throws Exception {
        int nobody = FreePorts.tcpUdp(); // refreshes fail: only the NOTIFY answers matter here
        return TestNode.start(dir, limits + "secondaries:\n  - {name: limited.example, primaries: [127.0.0.1:"
                + nobody + ", 127.0.0.2:" + nobody + "]}\n");
    }

    @Test
    void theConfiguredRateRefusesTheExcessPerSource() throws Exception {
        try (TestNode node = node(dir.resolve("slow"), "limits: {notify-rate: 1, transfers-per-primary: 8, "
                + "transfers-total: 16}\n")) {
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 30; i++) {
                int rcode = notify(node, "127.0.0.1");
                if (rcode == Rcode.NOERROR) accepted++;
                else if (rcode == Rcode.REFUSED) refused++;
            }
            assertThat(accepted).as("the burst of 4").isGreaterThanOrEqualTo(4);
            assertThat(refused).as("beyond 1/s").isGreaterThan(0);
            assertThat(accepted + refused).isEqualTo(30);
            assertThat(notify(node, "127.0.0.2")).as("another primary has its own bucket").isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void theDefaultRateAcceptsARunOfThirty() throws Exception {
        try (TestNode node = node(dir.resolve("default"), "")) {
            for (int i = 0; i < 30; i++) assertThat(notify(node, "127.0.0.1")).isEqualTo(Rcode.NOERROR);
        }
    }
}
