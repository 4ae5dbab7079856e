package net.nsglobal.dns.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.testing.Peers;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.xfrin.TransferResult;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.XfrLimits;
import net.nsglobal.testkit.Binaries;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * The fleet end to end: knotd serves customer zones and the customers' catalog; our collector consumes the catalog,
 * pulls the members, publishes the fleet catalog; two of our edges consume it from the collector (TSIG), follow
 * changes by NOTIFY, and start/stop zones as members come and go, all without restarts.
 */
class CollectorEdgeTest {
    static final TsigKey EDGE_KEY = TsigKey.of("edge-key", "hmac-sha256", "ZWRnZWtleWVkZ2VrZXllZGdla2V5ZWRnZWtleTEyMzQ=");
    static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir Path dir;

    static String kdig(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(List.of(Binaries.require("kdig", "knot-dnsutils").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    static String keyYaml() {
        return "tsig-keys:\n  - {name: edge-key, algorithm: hmac-sha256, secret: "
                + Base64.getEncoder().encodeToString(EDGE_KEY.secret()) + "}\n";
    }

    @Test
    void catalogMembersReachEveryEdgeAndFollowChanges() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        int edge1Port = FreePorts.tcpUdp();
        int edge2Port = FreePorts.tcpUdp();
        InetSocketAddress collectorAddr = new InetSocketAddress("127.0.0.1", collectorPort);
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("a.example.", Zones.text("a.example.", 1, 3));
        zones.put("b.example.", Zones.text("b.example.", 7, 2));
        zones.put("customers.catalog.", CatalogText.of("customers.catalog.", 1, Map.of()));
        TestNode collector = null;
        TestNode edge1 = null;
        TestNode edge2 = null;
        try (Knot knot = Peers.customerPrimary(dir, zones, null, collectorAddr)) {
            InetSocketAddress k = knot.address();
            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 2, Map.of("a.example.", k)));
            collector = new TestNode(dir.resolve("collector"), collectorPort, "role: collector\n"
                    + "catalogs:\n  - {name: customers.catalog, primaries: [127.0.0.1:" + k.getPort() + "], allow-primaries: [127.0.0.0/8]}\n"
                    + "fleet-catalog: fleet.catalog\n"
                    + "notify: [127.0.0.1:" + edge1Port + ", 127.0.0.1:" + edge2Port + "]\n"
                    + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\n" + keyYaml());
            String edgeYaml = "role: edge\ncatalogs:\n  - {name: fleet.catalog, primaries: [127.0.0.1:" + collectorPort
                    + "], tsig-key: edge-key}\n" + keyYaml();
            edge1 = new TestNode(dir.resolve("edge1"), edge1Port, edgeYaml);
            edge2 = new TestNode(dir.resolve("edge2"), edge2Port, edgeYaml);

            for (TestNode e : List.of(edge1, edge2)) assertThat(e.awaitSerial("a.example.", 1, WAIT)).isEqualTo(1);
            assertThat(edge1.serial("b.example.")).isEqualTo(-1);

            // A change at the customer's primary: knot NOTIFYs the collector, the collector NOTIFYs the edges.
            knot.setZone("a.example.", Zones.text("a.example.", 2, 4));
            for (TestNode e : List.of(edge1, edge2)) assertThat(e.awaitSerial("a.example.", 2, WAIT)).isEqualTo(2);

            // A new member: started on every edge.
            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 3,
                    Map.of("a.example.", k, "b.example.", k)));
            for (TestNode e : List.of(edge1, edge2)) assertThat(e.awaitSerial("b.example.", 7, WAIT)).isEqualTo(7);

            // A member removed: stopped on every edge.
            knot.setZone("customers.catalog.", CatalogText.of("customers.catalog.", 4, Map.of("b.example.", k)));
            for (TestNode e : List.of(edge1, edge2)) assertThat(e.awaitAbsent("a.example.", WAIT)).isTrue();
            assertThat(edge1.serial("b.example.")).isEqualTo(7);

            // The collector refuses transfers without the edge key, and to unsigned requests.
            XfrClient client = new XfrClient(XfrLimits.DEFAULTS);
            TransferResult unsigned = client.transfer(Name.fromConstantString("b.example."), collector.address(),
                    null, null);
            assertThat(unsigned).isInstanceOf(TransferResult.Failed.class);
            assertThat(((TransferResult.Failed) unsigned).reason()).contains("REFUSED");
            TransferResult signed = client.transfer(Name.fromConstantString("b.example."), collector.address(),
                    null, EDGE_KEY);
            assertThat(signed).isInstanceOf(TransferResult.Full.class);

            // An independent client (kdig, libknot's TSIG) verifies our signed AXFR and IXFR streams.
            String key = "hmac-sha256:edge-key:" + Base64.getEncoder().encodeToString(EDGE_KEY.secret());
            String axfr = kdig("-y", key, "@127.0.0.1", "-p", String.valueOf(collectorPort), "+tcp", "AXFR",
                    "b.example.");
            assertThat(axfr).doesNotContainIgnoringCase("failed").doesNotContain("BADSIG");
            assertThat(axfr.lines().filter(l -> l.matches("^b\\.example\\.\\s+\\d+\\s+IN\\s+SOA.*")).count())
                    .isEqualTo(2);
            String ixfr = kdig("-y", key, "@127.0.0.1", "-p", String.valueOf(collectorPort), "+tcp", "IXFR=7",
                    "b.example.");
            assertThat(ixfr).doesNotContainIgnoringCase("failed").contains("SOA");
        } finally {
            TestNode.closeQuietly(edge1, edge2, collector);
        }
    }
}
