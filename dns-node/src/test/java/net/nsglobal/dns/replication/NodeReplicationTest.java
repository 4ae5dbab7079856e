package net.nsglobal.dns.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.testing.Peers;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Wait;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The same fleet on real {@link Node}s (the transport and engine in front of our stages): knotd → collector → edge,
 * the edge answering the customer zone over UDP and following a change by NOTIFY/IXFR.
 */
class NodeReplicationTest {
    @TempDir Path dir;

    static long answeredSerial(InetSocketAddress server, String zone) {
        try {
            SimpleResolver r = new SimpleResolver(server);
            r.setTimeout(Duration.ofMillis(500));
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN)));
            for (Record rec : m.getSection(1)) if (rec instanceof SOARecord s) return s.getSerial();
        } catch (java.io.IOException e) {
            // not yet
        }
        return -1;
    }

    static long await(InetSocketAddress server, String zone, long serial) throws InterruptedException {
        Wait.holds(Duration.ofSeconds(30), () -> answeredSerial(server, zone) == serial);
        return answeredSerial(server, zone);
    }

    @Test
    void edgeNodeServesWhatTheCollectorNodePulledFromKnot() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        int edgePort = FreePorts.tcpUdp();
        String key = "tsig-keys:\n  - {name: edge-key, algorithm: hmac-sha256, secret: "
                + Base64.getEncoder().encodeToString(CollectorEdgeTest.EDGE_KEY.secret()) + "}\n";
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("real.example.", Zones.text("real.example.", 3, 4));
        try (Knot knot = Peers.customerPrimary(dir, zones, null, new InetSocketAddress("127.0.0.1", collectorPort));
             Node collector = Node.start(NodeConfig.parseYaml("role: collector\ndata-dir: " + dir.resolve("c") + "\n"
                     + "server: {listen: [127.0.0.1:" + collectorPort + "], reload-interval: 0s}\n"
                     + "secondaries:\n  - {name: real.example, primaries: [127.0.0.1:" + knot.address().getPort()
                     + "]}\nfleet-catalog: fleet.catalog\nnotify: [127.0.0.1:" + edgePort + "]\n"
                     + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\n" + key, dir));
             Node edge = Node.start(NodeConfig.parseYaml("role: edge\ndata-dir: " + dir.resolve("e") + "\n"
                     + "server: {listen: [127.0.0.1:" + edgePort + "], reload-interval: 0s}\n"
                     + "catalogs:\n  - {name: fleet.catalog, primaries: [127.0.0.1:" + collectorPort
                     + "], tsig-key: edge-key}\n" + key, dir))) {
            assertThat(await(edge.dnsAddress(), "real.example.", 3)).isEqualTo(3);
            knot.setZone("real.example.", Zones.text("real.example.", 4, 6));
            assertThat(await(edge.dnsAddress(), "real.example.", 4)).isEqualTo(4);
            Zone z = edge.zones().get(Name.fromString("real.example."));
            assertThat(z.records()).hasSize(9);
            assertThat(collector.zones().get(Name.fromString("fleet.catalog."))).isNotNull();
        }
    }
}
