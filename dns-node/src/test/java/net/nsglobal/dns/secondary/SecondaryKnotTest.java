package net.nsglobal.dns.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.testing.Peers;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A standalone secondary of a real knotd: first AXFR, NOTIFY-driven IXFR, TSIG on both, restart from disk. */
class SecondaryKnotTest {
    static final TsigKey KEY = TsigKey.of("k1", "hmac-sha256", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=");
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir Path dir;

    static String config(int primaryPort) {
        return "secondaries:\n  - {name: example.com, primaries: [127.0.0.1:" + primaryPort + "], tsig-key: k1}\n"
                + "tsig-keys:\n  - {name: k1, algorithm: hmac-sha256, secret: "
                + Base64.getEncoder().encodeToString(KEY.secret()) + "}\n";
    }

    @Test
    void followsKnotByNotifyAndIxfrThenServesFromDiskAfterRestart() throws Exception {
        int nodePort = FreePorts.tcpUdp();
        try (Knot knot = Peers.customerPrimary(dir, Map.of("example.com.",
                Zones.text("example.com.", 1, 5)), KEY, new java.net.InetSocketAddress("127.0.0.1", nodePort))) {
            try (TestNode node = new TestNode(dir.resolve("node"), nodePort, config(knot.address().getPort()))) {
                assertThat(node.awaitSerial("example.com.", 1, WAIT)).isEqualTo(1);
                for (long serial = 2; serial <= 4; serial++) {
                    knot.setZone("example.com.", Zones.text("example.com.", serial, 5 + (int) serial));
                    // refresh-min is 1 s but the SOA says 3600: only knotd's NOTIFY can bring this change in time
                    assertThat(node.awaitSerial("example.com.", serial, WAIT)).isEqualTo(serial);
                }
                assertThat(node.store.get(org.xbill.DNS.Name.fromConstantString("example.com.")).records())
                        .hasSize(3 + 9);
            }
            knot.close();
            // Primary gone: the restarted node still serves its last version, straight from disk.
            try (TestNode again = new TestNode(dir.resolve("node"), nodePort, config(knot.address().getPort()))) {
                assertThat(again.serial("example.com.")).isEqualTo(4);
                assertThat(again.store.get(org.xbill.DNS.Name.fromConstantString("example.com.")).expired()).isFalse();
            }
        }
    }
}
