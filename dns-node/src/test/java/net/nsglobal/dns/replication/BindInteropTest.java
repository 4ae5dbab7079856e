package net.nsglobal.dns.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import net.nsglobal.dns.testing.Peers;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Named;
import net.nsglobal.testkit.NamedConfig;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BIND 9.18 on both sides of us: as a customer's primary (AXFR, IXFR from differences, NOTIFY, TSIG) and as an edge
 * that consumes our fleet catalog (RFC 9432 v2) and transfers the member zones from our collector with TSIG.
 */
class BindInteropTest {
    static final TsigKey KEY = TsigKey.of("edge-key", "hmac-sha256", "ZWRnZWtleWVkZ2VrZXllZGdla2V5ZWRnZWtleTEyMzQ=");
    static final Duration WAIT = Duration.ofSeconds(40);
    @TempDir Path dir;

    static String keyYaml() {
        return "tsig-keys:\n  - {name: edge-key, algorithm: hmac-sha256, secret: "
                + Base64.getEncoder().encodeToString(KEY.secret()) + "}\n";
    }

    @Test
    void bindPrimaryFeedsOurSecondaryByNotifyAndIxfrWithTsig() throws Exception {
        int nodePort = FreePorts.tcpUdp();
        Path zoneFile = Files.createDirectories(dir.resolve("p")).resolve("cust.example.zone");
        Files.writeString(zoneFile, Zones.text("cust.example.", 10, 4));
        String body = "zone \"cust.example.\" { type primary; file \"" + zoneFile + "\"; ixfr-from-differences yes;\n"
                + "  allow-transfer { key edge-key; }; also-notify { 127.0.0.1 port " + nodePort
                + " key edge-key; }; notify explicit; };\n";
        try (Named bind = Named.start(dir, new NamedConfig().key(Peers.tsig(KEY)).statement(body));
             TestNode node = new TestNode(dir.resolve("node"), nodePort, "secondaries:\n  - {name: cust.example, "
                     + "primaries: [127.0.0.1:" + bind.address().getPort() + "], tsig-key: edge-key}\n" + keyYaml())) {
            assertThat(node.awaitSerial("cust.example.", 10, WAIT)).isEqualTo(10);
            Files.writeString(zoneFile, Zones.text("cust.example.", 11, 6));
            // named has no control channel here: SIGHUP reloads zone files (and BIND NOTIFYs us).
            new ProcessBuilder("kill", "-HUP", pid(bind)).start().waitFor();
            assertThat(node.awaitSerial("cust.example.", 11, WAIT)).isEqualTo(11);
            assertThat(node.store.get(org.xbill.DNS.Name.fromConstantString("cust.example.")).records()).hasSize(9);
        }
    }

    static String pid(Named b) throws Exception {
        return Files.readString(b.home().resolve("named.pid")).trim();
    }

    @Test
    void bindEdgeConsumesOurFleetCatalog() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        int edgePort = FreePorts.tcpUdp();
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("m1.example.", Zones.text("m1.example.", 1, 2));
        zones.put("m2.example.", Zones.text("m2.example.", 5, 2));
        zones.put("customers.catalog.", CatalogText.of("customers.catalog.", 1, Map.of()));
        TestNode collector = null;
        Named edge = null;
        try (Knot knot = Peers.customerPrimary(dir, zones, null,
                new InetSocketAddress("127.0.0.1", collectorPort))) {
            InetSocketAddress k = knot.address();
            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 2, Map.of("m1.example.", k)));
            String primaries = "127.0.0.1 port " + collectorPort + " key \"edge-key\";";
            String options = "  allow-new-zones yes;\n  catalog-zones { zone \"fleet.catalog.\" default-primaries { "
                    + primaries + " } zone-directory \"DIR\" in-memory no min-update-interval 1; };\n";
            String body = "zone \"fleet.catalog.\" { type secondary; file \"fleet.db\"; primaries { " + primaries
                    + " }; };\n";
            collector = new TestNode(dir.resolve("collector"), collectorPort, "role: collector\n"
                    + "catalogs:\n  - {name: customers.catalog, primaries: [127.0.0.1:" + k.getPort() + "], allow-primaries: [127.0.0.0/8]}\n"
                    + "fleet-catalog: fleet.catalog\n"
                    + "notify: [127.0.0.1:" + edgePort + "]\n"
                    + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\n" + keyYaml());
            // The collector is up before the edge asks it for the catalog (BIND retries a failed first refresh late).
            edge = Named.start(dir, new NamedConfig().listen(edgePort).key(Peers.tsig(KEY))
                    .option(options.replace("DIR", dir.toString())).statement(body));

            edge.awaitSerial("m1.example.", 1, WAIT);
            knot.setZone("m1.example.", Zones.text("m1.example.", 2, 3));
            edge.awaitSerial("m1.example.", 2, WAIT);
            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 3, Map.of("m2.example.", k)));
            edge.awaitSerial("m2.example.", 5, WAIT);
            edge.awaitAbsent("m1.example.", WAIT);
        } finally {
            TestNode.closeQuietly(collector, edge);
        }
    }
}
