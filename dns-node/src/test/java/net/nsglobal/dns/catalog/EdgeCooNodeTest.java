package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * The whole path on real Nodes: an edge Node consumes catalogs A and B (served by one primary Node that NOTIFYs it on
 * reload); A's member comes from primary PA (serial 100, "from A"), B's listing of it names PB (serial 7, "from B").
 * Without coo the edge serves A's copy; after A says coo PTR B, it serves B's, although B's serial is lower.
 */
class EdgeCooNodeTest extends CooNodes {
    static Zone await(Node n, Name zone, java.util.function.Predicate<Zone> ok) {
        Wait.holds(Duration.ofSeconds(30), () -> {
            Zone z = n.zones().get(zone);
            return z != null && ok.test(z);
        });
        return n.zones().get(zone);
    }

    /** A primary Node serving the given catalog zone files (from {@code cd}), notifying the edge on reload. */
    private Node catalogs(Path cd, int port, int edgePort, String... catalogNames) throws Exception {
        StringBuilder zones = new StringBuilder("zones:\n");
        for (String c : catalogNames) zones.append("  - {name: ").append(c).append(", file: ").append(c).append("zone}\n");
        Node cats = Node.start(NodeConfig.parseYaml("server: {listen: [127.0.0.1:" + port + "], reload-interval: 0s}\n"
                + "transfer-acl: {allow: [127.0.0.0/8]}\nnotify: [127.0.0.1:" + edgePort + "]\n" + zones, cd));
        nodes.add(cats);
        return cats;
    }

    /** An edge Node with a data-dir, consuming the given catalogs from {@code catsPort}. */
    private Node edge(int port, int catsPort, String... catalogNames) throws Exception {
        Path e = Files.createDirectories(dir.resolve("edge"));
        StringBuilder cats = new StringBuilder("catalogs:\n");
        for (String c : catalogNames) cats.append("  - {name: ").append(c).append(", primaries: [127.0.0.1:").append(catsPort)
                .append("], allow-primaries: [127.0.0.0/8]}\n");
        Node edge = Node.start(NodeConfig.parseYaml("data-dir: " + e + "\nserver: {listen: [127.0.0.1:" + port
                + "], reload-interval: 0s}\ntimers: {refresh-min: 1s, retry-min: 1s, retry-max: 2s}\n" + cats, e));
        nodes.add(edge);
        return edge;
    }

    @Test
    void edgeServesTheMemberFromItsOwningCatalog() throws Exception {
        Node pa = primary("pa", Map.of("member.example.", member(100, "from A")));
        Node pb = primary("pb", Map.of("member.example.", member(7, "from B")));
        int edgePort = FreePorts.tcpUdp();
        int catsPort = FreePorts.tcpUdp();
        Path cd = Files.createDirectories(dir.resolve("cats"));
        Files.writeString(cd.resolve("cat-a.example.zone"), catalog("cat-a.example.", 1, listing("a1", tcp(pa))));
        Files.writeString(cd.resolve("cat-b.example.zone"), catalog("cat-b.example.", 1, listing("b1", tcp(pb))));
        Node cats = catalogs(cd, catsPort, edgePort, "cat-a.example.", "cat-b.example.");
        Node edge = edge(edgePort, catsPort, "cat-a.example.", "cat-b.example.");
        assertThat(await(edge, CAT_A, z -> true)).isNotNull();
        assertThat(await(edge, CAT_B, z -> true)).isNotNull();
        Zone m = await(edge, MEMBER, z -> z.serial() == 100);
        assertThat(text(m)).isEqualTo("from A"); // B's listing ignored (RFC 9432 §5.2)

        Files.writeString(cd.resolve("cat-a.example.zone"), catalog("cat-a.example.", 2, listing("a1", tcp(pa))
                + "coo.a1.zones PTR cat-b.example.\n"));
        assertThat(cats.reloadZones()).isEmpty();
        assertThat(await(edge, CAT_A, z -> z.serial() == 2).serial()).isEqualTo(2);
        m = await(edge, MEMBER, z -> z.serial() == 7);
        assertThat(m.serial()).isEqualTo(7);
        assertThat(text(m)).isEqualTo("from B");
    }

    @Test
    void aMemberRelistedUnderANewUniqueIdStartsFromNothing() throws Exception {
        // RFC 9432 §5.4/§5.6: a new unique id means a reset, even when the zone's stored copy has a higher serial
        Node pa = primary("pa", Map.of("member.example.", member(100, "from A")));
        Node pb = primary("pb", Map.of("member.example.", member(7, "from B")));
        int edgePort = FreePorts.tcpUdp();
        int catsPort = FreePorts.tcpUdp();
        Path cd = Files.createDirectories(dir.resolve("cats"));
        Files.writeString(cd.resolve("cat-a.example.zone"), catalog("cat-a.example.", 1, listing("a1", tcp(pa))));
        Node cats = catalogs(cd, catsPort, edgePort, "cat-a.example.");
        Node edge = edge(edgePort, catsPort, "cat-a.example.");
        assertThat(await(edge, MEMBER, z -> z.serial() == 100).serial()).isEqualTo(100);

        Files.writeString(cd.resolve("cat-a.example.zone"), catalog("cat-a.example.", 2, listing("a2", tcp(pb))));
        assertThat(cats.reloadZones()).isEmpty();
        Zone m = await(edge, MEMBER, z -> z.serial() == 7);
        assertThat(m.serial()).isEqualTo(7);          // before the fix: serial 100, reloaded from disk
        assertThat(text(m)).isEqualTo("from B");
    }
}
