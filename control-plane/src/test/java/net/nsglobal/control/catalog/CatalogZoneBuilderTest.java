package net.nsglobal.control.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.ZoneTransferIn;

class CatalogZoneBuilderTest {
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;
    private static final Name CAT = name("catalog.nsglobal.test.");

    private static ZoneEntry entry(String domain, String id, List<String> primaries, String key) {
        return new ZoneEntry(domain, id, primaries, key, key == null ? null : "hmac-sha256", key == null ? null : "x",
                "h@" + domain, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void buildsAnRfc9432Version2CatalogWithBindStylePrimaries() throws Exception {
        Zone z = CatalogZoneBuilder.build(CAT, 7, List.of(
                entry("example.com", "z1", List.of("198.51.100.7:53", "[2001:db8::7]:53"), "xfr-key"),
                entry("example.net", "z2", List.of("127.0.0.1:5300"), null)));
        String text = z.records().stream().map(Record::toString).collect(Collectors.joining("\n"));
        assertThat(z.serial()).isEqualTo(7);
        assertThat(text)
                .contains("version.catalog.nsglobal.test.\t0\tIN\tTXT\t\"2\"")
                .contains("z1.zones.catalog.nsglobal.test.\t0\tIN\tPTR\texample.com.")
                .contains("p0.primaries.ext.z1.zones.catalog.nsglobal.test.\t0\tIN\tA\t198.51.100.7")
                .contains("p0.primaries.ext.z1.zones.catalog.nsglobal.test.\t0\tIN\tTXT\t\"xfr-key\"")
                .contains("p1.primaries.ext.z1.zones.catalog.nsglobal.test.\t0\tIN\tAAAA\t2001:db8:0:0:0:0:0:7")
                .contains("z2.zones.catalog.nsglobal.test.\t0\tIN\tPTR\texample.net.")
                .contains("primaries-port.ext.z2.zones.catalog.nsglobal.test.\t0\tIN\tTXT\t\"5300\"")
                .doesNotContain("primaries-port.ext.z1"); // port 53 is the default
        assertThat(text).doesNotContain("\"x\""); // secrets never go into the catalog

        // dns-node's collector reads it back as we meant it.
        var parsed = (net.nsglobal.dns.catalog.Catalog.Parsed.Ok) net.nsglobal.dns.catalog.Catalog.parse(z);
        var m1 = parsed.catalog().members().get(name("example.com."));
        assertThat(m1.primaries()).extracting(Object::toString)
                .containsExactlyInAnyOrder("/198.51.100.7:53", "/[2001:db8:0:0:0:0:0:7]:53");
        assertThat(m1.keyName()).isEqualTo(name("xfr-key."));
        var m2 = parsed.catalog().members().get(name("example.net."));
        assertThat(m2.primaries()).extracting(Object::toString).containsExactly("/127.0.0.1:5300");
        assertThat(m2.keyName()).isNull();
    }

    @Test
    void servesTheCatalogByAxfrAndNotifiesTheCollector() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DnsCatalogPublisher pub = new DnsCatalogPublisher(CAT,
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null,
                     List.of((InetSocketAddress) collector.getLocalSocketAddress()), dir, KEY)) {
            collector.setSoTimeout(10_000);
            Thread t = new Thread(() -> pub.publish(3, List.of(entry("example.org", "zz", List.of("127.0.0.1:5300"), null))));
            t.start();
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            collector.receive(p);
            byte[] wire = java.util.Arrays.copyOf(buf, p.getLength());
            Message notify = new Message(wire);
            assertThat(notify.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
            // Signed with the catalog's key (RFC 8945), so the collector can tell it from a forged one.
            assertThat(notify.getTSIG()).as("NOTIFY carries a TSIG record").isNotNull();
            assertThat(notify.getTSIG().getName()).isEqualTo(KEY.name());
            assertThat(KEY.toTsig().verify(notify, wire, null)).isEqualTo(org.xbill.DNS.Rcode.NOERROR);
            assertThat(notify.getQuestion().getName()).isEqualTo(CAT);
            assertThat(notify.getSection(Section.ANSWER).get(0).rdataToString()).contains(" 3 ");
            t.join();

            ZoneTransferIn x = ZoneTransferIn.newAXFR(CAT, pub.address(), KEY.toTsig());
            x.run();
            List<Record> axfr = x.getAXFR();
            assertThat(axfr.get(0).getType()).isEqualTo(org.xbill.DNS.Type.SOA);
            assertThat(axfr.stream().map(Record::toString)).anyMatch(s -> s.contains("PTR\texample.org."));
        }
    }

    static final net.nsglobal.dns.config.TsigKey KEY = new net.nsglobal.dns.config.TsigKey(name("catalog-key.test."),
            net.nsglobal.dns.config.TsigAlgorithm.HMAC_SHA256, "0123456789abcdef0123456789abcdef".getBytes());

    private static Name name(String s) {
        try {
            return Name.fromString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
