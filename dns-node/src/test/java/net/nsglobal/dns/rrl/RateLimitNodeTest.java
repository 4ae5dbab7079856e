package net.nsglobal.dns.rrl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.transport.DnsProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Response rate limiting on a real node: a burst of identical UDP queries from one client gets the configured number
 * of full answers, then every second limited answer truncated (TC=1) and the rest nothing; TCP and another client
 * network are not affected; a random-subdomain (NXDOMAIN) flood is one stream per zone. On by default on an edge only.
 */
class RateLimitNodeTest {
    @TempDir Path dir;
    private TestNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) node.close();
    }

    private InetSocketAddress start(int rate) throws Exception {
        return startWith("rate-limit: {responses-per-second: " + rate + ", slip: 2}\n");
    }

    private InetSocketAddress startWith(String yaml) throws Exception {
        Path zone = dir.resolve("rrl.example.zone");
        Files.writeString(zone, "$ORIGIN rrl.example.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\n"
                + "ns A 192.0.2.1\nwww A 192.0.2.2\n");
        node = TestNode.start(dir.resolve("node"), "zones:\n  - {name: rrl.example, file: " + zone + "}\n" + yaml);
        return node.address();
    }

    /** Counts of {full answers, truncated answers} to {@code n} queries sent at once from {@code from}. */
    private static int[] burst(InetSocketAddress server, String from, String name, int n, boolean vary) throws Exception {
        int full = 0, truncated = 0;
        try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(from, 0))) {
            d.setSoTimeout(1500);
            for (int i = 0; i < n; i++) {
                Message q = DnsProbe.query((vary ? "r" + i + "." : "") + name, Type.A);
                q.getHeader().setID(i);
                byte[] w = q.toWire();
                d.send(new DatagramPacket(w, w.length, server));
            }
            byte[] buf = new byte[4096];
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    d.receive(p);
                    Message r = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                    if (r.getHeader().getFlag(Flags.TC)) {
                        assertThat(r.getSectionArray(Section.ANSWER)).isEmpty();
                        truncated++;
                    } else {
                        full++;
                    }
                }
            } catch (SocketTimeoutException done) {
                // the rest was dropped
            }
        }
        return new int[] {full, truncated};
    }

    @Test
    void aBurstIsLimitedSlippedAndDroppedOnUdpOnly() throws Exception {
        InetSocketAddress a = start(5);
        int[] c = burst(a, "127.0.0.1", "www.rrl.example.", 40, false);
        // 5 credits, maybe one more earned while the burst is sent; of the ~35 limited, every second is slipped
        assertThat(c[0]).isBetween(5, 8);
        assertThat(c[1]).isBetween(14, 18);
        assertThat(c[0] + c[1]).isLessThan(30);

        for (int i = 0; i < 20; i++) {                       // TCP is never limited
            Message r = DnsProbe.tcp(a, DnsProbe.query("www.rrl.example.", Type.A));
            assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(r.getSectionArray(Section.ANSWER)).hasSize(1);
        }
        int[] other = burst(a, "127.0.1.1", "www.rrl.example.", 5, false);   // another /24: its own account
        assertThat(other[0]).isEqualTo(5);
    }

    @Test
    void aRandomSubdomainFloodIsOneStreamPerZone() throws Exception {
        InetSocketAddress a = start(5);
        int[] c = burst(a, "127.0.0.1", "rrl.example.", 40, true);          // 40 different NXDOMAIN names
        assertThat(c[0]).isBetween(5, 8);
        assertThat(c[1]).isBetween(14, 18);
    }

    @Test
    void offByDefaultOnAStandaloneNode() throws Exception {
        int[] c = burst(startWith(""), "127.0.0.1", "www.rrl.example.", 40, false);
        assertThat(c[0]).isEqualTo(40);
    }

    @Test
    void onByDefaultOnAnEdge() throws Exception {
        int[] c = burst(startWith("role: edge\n"), "127.0.0.1", "www.rrl.example.", 60, false);
        // 20 credits (maybe one or two more earned during the burst); of the ~40 limited, every second is slipped
        assertThat(c[0]).isBetween(20, 24);
        assertThat(c[1]).isBetween(17, 21);
        assertThat(c[0] + c[1]).isLessThan(50);
    }

    @Test
    void anEdgeToldOffDoesNotLimit() throws Exception {
        int[] c = burst(startWith("role: edge\nrate-limit: off\n"), "127.0.0.1", "www.rrl.example.", 60, false);
        assertThat(c[0]).isEqualTo(60);
    }
}
