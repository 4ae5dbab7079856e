package net.nsglobal.dns.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.transport.DnsProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Minimal ANY (RFC 8482 §4.2): ANY at a name holding several RRsets is answered with one of them — the first in type
 * order, as Knot 3.2 answers — over UDP and over TCP, by dns-node and by a real knotd serving the same zone.
 */
class MinimalAnyTest {
    private static final String ZONE = "$ORIGIN any.test.\n$TTL 300\n"
            + "@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n@ MX 10 mail\n@ TXT \"apex\"\n@ A 192.0.2.7\n"
            + "@ AAAA 2001:db8::7\nns1 A 192.0.2.1\nmail A 192.0.2.2\n"
            + "multi TXT \"t\"\nmulti MX 5 mail\nmulti AAAA 2001:db8::9\nmulti CAA 0 issue \"ca.example\"\n";

    @TempDir Path dir;

    @Test
    @Timeout(120)
    void anyAtANameWithSeveralRrsetsGetsOneRrset() throws Exception {
        Path file = Files.writeString(dir.resolve("any.test.zone"), ZONE);
        try (TestNode node = TestNode.start(dir.resolve("node"), "zones: [ { name: any.test, file: " + file + " } ]\n");
             KnotServer knot = KnotServer.start(dir, Map.of("any.test.", file))) {
            for (String name : List.of("any.test.", "multi.any.test.")) {
                for (boolean tcp : new boolean[] {false, true}) {
                    List<Integer> ours = answerTypes(node.address(), name, tcp);
                    List<Integer> knots = answerTypes(knot.address(), name, tcp);
                    String how = name + " ANY over " + (tcp ? "TCP" : "UDP");
                    assertThat(ours).as(how).hasSize(1);
                    assertThat(ours).as(how + ": the first RRset in type order, as knotd").isEqualTo(knots);
                }
            }
            // the first in type order: A at the apex (before NS, SOA, MX, TXT, AAAA), MX at multi (before TXT, AAAA, CAA)
            assertThat(answerTypes(node.address(), "any.test.", false)).containsExactly(Type.A);
            assertThat(answerTypes(node.address(), "multi.any.test.", true)).containsExactly(Type.MX);
        }
    }

    /** Types of the answer records (without RRSIG); the whole RRset is there (one record here per RRset). */
    private static List<Integer> answerTypes(InetSocketAddress server, String name, boolean tcp) throws Exception {
        Message q = DnsProbe.query(name, Type.ANY);
        Message r = tcp ? DnsProbe.tcp(server, q) : DnsProbe.udp(server, q);
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        return Arrays.stream(r.getSectionArray(Section.ANSWER)).map(Record::getType).distinct().toList();
    }
}
