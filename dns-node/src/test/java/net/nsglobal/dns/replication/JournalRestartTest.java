package net.nsglobal.dns.replication;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.testing.Peers;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Wait;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.ZoneTransferIn;

/**
 * The collector's IXFR history on disk (data-dir/journal/): after a restart the collector still answers its edges'
 * IXFRs incrementally (RFC 1995 §4) instead of sending every zone whole; a damaged journal file is dropped, the zone
 * still serves, and an IXFR from an older serial then gets the whole zone (the RFC 1995 §4 fallback).
 * knotd → collector (real Node) → edge (real Node); the answers are checked with dnsjava's own IXFR client.
 */
class JournalRestartTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ZONE = "real.example.";
    @TempDir Path dir;

    /** An IXFR from {@code serial} signed with the edge key, as an edge sends it; parsed by dnsjava. */
    static ZoneTransferIn ixfr(InetSocketAddress server, long serial) throws Exception {
        ZoneTransferIn x = ZoneTransferIn.newIXFR(Name.fromString(ZONE), serial, false, server.getHostString(),
                server.getPort(), CollectorEdgeTest.EDGE_KEY.toTsig());
        x.setTimeout(Duration.ofSeconds(10));
        x.run();
        return x;
    }

    static List<Long> deltas(ZoneTransferIn x) {
        return x.getIXFR().stream().map(d -> d.start).toList();
    }

    /** Waits (bounded) until the file exists or not, as asked: it is written behind the change. */
    static boolean awaitFile(Path file, boolean exists) throws InterruptedException {
        Wait.holds(WAIT, () -> Files.exists(file) == exists);
        return Files.exists(file) == exists;
    }

    private static String collectorYaml(int knotPort, String notify) {
        return "role: collector\nsecondaries:\n  - {name: " + ZONE + ", primaries: [127.0.0.1:" + knotPort + "]}\n"
                + "fleet-catalog: fleet.catalog\n" + notify
                + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\n" + CollectorEdgeTest.keyYaml();
    }

    private static Knot knot(Path dir, int collectorPort) throws Exception {
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put(ZONE, Zones.text(ZONE, 1, 2));
        return Peers.customerPrimary(dir, zones, null, new InetSocketAddress("127.0.0.1", collectorPort));
    }

    @Test
    void afterACollectorRestartTheEdgeStillGetsIxfr() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        int edgePort = FreePorts.tcpUdp();
        TestNode collector = null;
        TestNode edge = null;
        try (Knot knot = knot(dir, collectorPort)) {
            String yaml = collectorYaml(knot.address().getPort(), "notify: [127.0.0.1:" + edgePort + "]\n");
            collector = new TestNode(dir.resolve("collector"), collectorPort, yaml);
            edge = new TestNode(dir.resolve("edge"), edgePort, "role: edge\ncatalogs:\n  - {name: fleet.catalog, "
                    + "primaries: [127.0.0.1:" + collectorPort + "], tsig-key: edge-key}\n" + CollectorEdgeTest.keyYaml());
            assertThat(edge.awaitSerial(ZONE, 1, WAIT)).isEqualTo(1);
            for (long serial = 2; serial <= 4; serial++) {
                knot.setZone(ZONE, Zones.text(ZONE, serial, (int) serial + 1));
                assertThat(edge.awaitSerial(ZONE, serial, WAIT)).isEqualTo(serial);
            }

            assertThat(new JournalDisk(edge.dataDir).list()).as("an edge nobody transfers from keeps no journal").isEmpty();
            collector.close(); // drains the journal writer
            assertThat(new JournalDisk(collector.dataDir).file(Name.fromString(ZONE))).exists();
            collector = new TestNode(dir.resolve("collector"), collectorPort, yaml);
            assertThat(collector.serial(ZONE)).isEqualTo(4); // from disk, before any transfer

            // The history from before the restart answers at once: RFC 1995 §4 incremental form, 1→2→3→4.
            ZoneTransferIn x = ixfr(collector.address(), 1);
            assertThat(x.isIXFR()).as("IXFR from serial 1 after restart is incremental").isTrue();
            assertThat(deltas(x)).containsExactly(1L, 2L, 3L);

            // One more change: the edge (at 4) follows, and what the collector serves from 4 is one difference.
            knot.setZone(ZONE, Zones.text(ZONE, 5, 6));
            assertThat(edge.awaitSerial(ZONE, 5, WAIT)).isEqualTo(5);
            ZoneTransferIn y = ixfr(collector.address(), 4);
            assertThat(y.isIXFR()).as("the edge's IXFR from serial 4").isTrue();
            assertThat(deltas(y)).containsExactly(4L);
            assertThat(y.getIXFR().get(0).adds).hasSize(2); // SOA 5 + h5
            assertThat(deltas(ixfr(collector.address(), 1))).containsExactly(1L, 2L, 3L, 4L); // spans the restart
        } finally {
            TestNode.closeQuietly(edge, collector);
        }
    }

    @Test
    void aDamagedJournalIsDroppedAndIxfrFallsBackToTheWholeZone() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        TestNode collector = null;
        Logger journalLog = (Logger) LoggerFactory.getLogger("replication.journal");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        journalLog.addAppender(logged);
        try (Knot knot = knot(dir, collectorPort)) {
            String yaml = collectorYaml(knot.address().getPort(), "");
            collector = new TestNode(dir.resolve("collector"), collectorPort, yaml);
            assertThat(collector.awaitSerial(ZONE, 1, WAIT)).isEqualTo(1);
            for (long serial = 2; serial <= 3; serial++) {
                knot.setZone(ZONE, Zones.text(ZONE, serial, (int) serial + 1));
                assertThat(collector.awaitSerial(ZONE, serial, WAIT)).isEqualTo(serial);
            }
            collector.close();
            Path file = new JournalDisk(collector.dataDir).file(Name.fromString(ZONE));
            byte[] data = Files.readAllBytes(file);
            data[data.length / 2] ^= 0x40;
            Files.write(file, data);

            collector = new TestNode(dir.resolve("collector"), collectorPort, yaml);
            assertThat(collector.serial(ZONE)).isEqualTo(3); // the zone itself still loads and serves
            assertThat(NodeReplicationTest.answeredSerial(collector.address(), ZONE)).isEqualTo(3);
            ZoneTransferIn x = ixfr(collector.address(), 1);
            assertThat(x.isAXFR()).as("IXFR from serial 1 without history: the whole zone").isTrue();
            assertThat(x.getAXFR()).hasSize(collector.store.get(Name.fromString(ZONE)).records().size() + 1);
            assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("zone " + ZONE).contains("damaged").contains("checksum"));

            // History starts again from the served version.
            knot.setZone(ZONE, Zones.text(ZONE, 4, 5));
            assertThat(collector.awaitSerial(ZONE, 4, WAIT)).isEqualTo(4);
            ZoneTransferIn y = ixfr(collector.address(), 3);
            assertThat(y.isIXFR()).isTrue();
            assertThat(deltas(y)).containsExactly(3L);
            collector.close();
            assertThat(file).exists(); // rewritten, and readable again
            assertThat(net.nsglobal.dns.persist.JournalFile.decode(Name.fromString(ZONE), Files.readAllBytes(file)))
                    .isInstanceOf(net.nsglobal.dns.persist.JournalFile.Decoded.Ok.class);
        } finally {
            journalLog.detachAppender(logged);
            TestNode.closeQuietly(collector);
        }
    }
    @Test
    void aCatalogMemberRemovedTakesItsJournalFileWithIt() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        TestNode collector = null;
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("a.example.", Zones.text("a.example.", 1, 2));
        zones.put("b.example.", Zones.text("b.example.", 1, 2));
        zones.put("customers.catalog.", CatalogText.of("customers.catalog.", 1, Map.of()));
        try (Knot knot = Peers.customerPrimary(dir, zones, null, new InetSocketAddress("127.0.0.1", collectorPort))) {
            InetSocketAddress k = knot.address();
            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 2,
                    Map.of("a.example.", k, "b.example.", k)));
            collector = new TestNode(dir.resolve("collector"), collectorPort, "role: collector\n"
                    + "catalogs:\n  - {name: customers.catalog, primaries: [127.0.0.1:" + k.getPort() + "], allow-primaries: [127.0.0.0/8]}\n"
                    + "fleet-catalog: fleet.catalog\n"
                    + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\n" + CollectorEdgeTest.keyYaml());
            for (String z : List.of("a.example.", "b.example.")) {
                assertThat(collector.awaitSerial(z, 1, WAIT)).isEqualTo(1);
                knot.setZone(z, Zones.text(z, 2, 3));
                assertThat(collector.awaitSerial(z, 2, WAIT)).isEqualTo(2);
            }
            JournalDisk disk = new JournalDisk(collector.dataDir);
            Path a = disk.file(Name.fromString("a.example."));
            Path b = disk.file(Name.fromString("b.example."));
            assertThat(awaitFile(a, true)).as("journal of a.example. written").isTrue();
            assertThat(awaitFile(b, true)).as("journal of b.example. written").isTrue();

            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 3, Map.of("b.example.", k)));
            assertThat(collector.awaitAbsent("a.example.", WAIT)).isTrue();
            assertThat(awaitFile(a, false)).as("journal of the removed member deleted").isTrue();
            assertThat(b).exists();
        } finally {
            TestNode.closeQuietly(collector);
        }
    }
}
