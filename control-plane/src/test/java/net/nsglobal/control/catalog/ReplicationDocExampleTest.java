package net.nsglobal.control.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * docs/replication.md's collector and control-plane examples work together: both YAML blocks are read from the page,
 * their addresses moved to loopback (every other address to a closed loopback port, so nothing leaves the machine),
 * and the collector transfers the catalog the control plane serves with the page's key.
 */
@Timeout(60)
class ReplicationDocExampleTest {
    static final Path DOC = Path.of("../docs/replication.md");
    @TempDir Path dir;

    static List<String> yamlBlocks(String md) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(md);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String block(List<String> blocks, String containing) {
        return blocks.stream().filter(b -> b.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/replication.md: no yaml block with " + containing));
    }

    @Test
    void theCollectorTransfersTheCatalogWithTheDocumentedKey() throws Exception {
        List<String> blocks = yamlBlocks(Files.readString(DOC));
        String cp = block(blocks, "control-plane:\n");
        String collectorYaml = block(blocks, "role: collector");

        ControlPlaneConfig c = ControlPlaneConfig.read(ProcessFile.parse(cp, dir.resolve("control-plane.yaml"),
                "control-plane"));
        assertThat(c.catalog().tsigKey()).as("the control plane's example has a catalog key").isNotNull();
        Name catalog = Name.fromString(c.catalog().zone() + ".");
        try (DnsCatalogPublisher pub = new DnsCatalogPublisher(catalog,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, List.of(), dir.resolve("cp"),
                c.catalog().tsigKey())) {
            pub.publish(1, List.of(new ZoneEntry("example.com", "z1", List.of("198.51.100.7:53"), null, null, null,
                    "h@example.com", Instant.EPOCH, Instant.EPOCH)));
            int closed = FreePorts.tcpUdp();
            String y = collectorYaml
                    .replace(c.catalog().listen().getAddress().getHostAddress() + ":" + c.catalog().listen().getPort(),
                            "127.0.0.1:" + pub.address().getPort())
                    .replace("listen: [192.0.2.53:53], http: 192.0.2.53:9153", "listen: [127.0.0.1:0]")
                    .replace("/var/lib/nsglobal", dir.resolve("collector").toString())
                    .replaceAll("\\b(?!127\\.0\\.0\\.1)\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+", "127.0.0.1:" + closed);
            assertThat(y).doesNotContain("192.0.2.").doesNotContain("203.0.113.1:").doesNotContain("198.51.100.1:");
            Files.createDirectories(dir.resolve("collector"));
            try (Node collector = Node.start(NodeConfig.parseYaml(y, dir))) {
                Name member = Name.fromString("example.com.");
                // The catalog is stored first, then applied (membership and the address policy's verdicts).
                Wait.holds(Duration.ofSeconds(30), () -> collector.replication().refusal(member) != null);
                assertThat(collector.zones().get(catalog)).as("catalog transferred with the documented key")
                        .isNotNull();
                assertThat(collector.replication().catalog(catalog).members()).isEmpty(); // 198.51.100.7: documentation
                assertThat(collector.replication().refusal(member))
                        .contains("198.51.100.7 is a documentation address");
            }
        }
    }

}
