package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.xfrin.SecondarySpec;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.ZoneTransferIn;

/**
 * What the catalog-ownership tests share, and no test of its own (so a subclass runs only its own tests): real primary
 * {@link Node}s serving member and catalog zones from files, closed after each test, the master-file builders, and a
 * consumer sink that holds each member as transferred by AXFR.
 */
abstract class CooNodes {
    static final Name MEMBER = Name.fromConstantString("member.example.");
    static final Name CAT_A = Name.fromConstantString("cat-a.example.");
    static final Name CAT_B = Name.fromConstantString("cat-b.example.");

    @TempDir Path dir;
    final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (Node n : nodes) n.close();
    }

    /** A node serving {@code zones} (name → master file text) from files, transfers open to loopback. */
    Node primary(String tag, Map<String, String> zones) throws Exception {
        return primaryNode(dir, nodes, tag, 0, zones);
    }

    /** As {@link #primary} on {@code port}, for any test class; the node is added to {@code nodes} (closed by it). */
    static Node primaryNode(Path dir, java.util.List<Node> nodes, String tag, int port, Map<String, String> zones)
            throws Exception {
        Path d = Files.createDirectories(dir.resolve(tag));
        StringBuilder yaml = new StringBuilder("server: {listen: [127.0.0.1:" + port + "], reload-interval: 0s}\n"
                + "transfer-acl: {allow: [127.0.0.0/8]}\nzones:\n");
        for (Map.Entry<String, String> z : zones.entrySet()) {
            Files.writeString(d.resolve(z.getKey() + "zone"), z.getValue());
            yaml.append("  - {name: ").append(z.getKey()).append(", file: ").append(z.getKey()).append("zone}\n");
        }
        Node n = Node.start(NodeConfig.parseYaml(yaml.toString(), d));
        nodes.add(n);
        return n;
    }

    static String member(long serial, String text) {
        return "$ORIGIN member.example.\n$TTL 300\n@ SOA ns.member.example. h.member.example. " + serial
                + " 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n@ TXT \"" + text + "\"\n";
    }

    static String catalog(String origin, long serial, String body) {
        return "$ORIGIN " + origin + "\n$TTL 0\n@ SOA invalid. invalid. " + serial + " 60 60 2419200 0\n"
                + "@ NS invalid.\nversion TXT \"2\"\n" + body;
    }

    static String listing(String id, InetSocketAddress primary) {
        return id + ".zones PTR member.example.\nprimaries.ext." + id + ".zones A 127.0.0.1\n"
                + "primaries-port.ext." + id + ".zones TXT \"" + primary.getPort() + "\"\n";
    }

    static InetSocketAddress tcp(Node n) {
        return n.tcpAddresses().get(0);
    }

    static Zone axfr(Name zone, InetSocketAddress from) throws Exception {
        ZoneTransferIn x = ZoneTransferIn.newAXFR(zone, from, null);
        x.setTimeout(java.time.Duration.ofSeconds(10));
        x.run();
        List<Record> rs = x.getAXFR();
        return Zone.compile(zone, rs.subList(0, rs.size() - 1)); // the closing SOA repeats the first (RFC 5936 §2.2)
    }

    /** The members' primaries here are on loopback: allowed as {@code catalogs[].allow-primaries} would. */
    static final net.nsglobal.dns.config.AddressPolicy LOOPBACK = new net.nsglobal.dns.config.AddressPolicy(
            List.of(new net.nsglobal.config.Cidr(java.net.InetAddress.getLoopbackAddress(), 8)), List.of());

    /** What the consuming node holds: each member as transferred from the primaries its owning catalog names. */
    final Map<Name, Zone> held = new ConcurrentHashMap<>();
    final CatalogConsumer.Members sink = new CatalogConsumer.Members() {
        @Override public void add(SecondarySpec spec) {
            if (held.containsKey(spec.zone())) return; // a re-specification keeps the data (refresh would follow)
            try {
                held.put(spec.zone(), axfr(spec.zone(), spec.primaries().get(0)));
            } catch (Exception e) {
                throw new IllegalStateException("AXFR " + spec.zone() + " from " + spec.primaries() + ": " + e, e);
            }
        }
        @Override public void remove(Name zone) { held.remove(zone); }
    };

    static String text(Zone z) {
        for (Record r : z.records()) if (r instanceof TXTRecord t) return String.join("", t.getStrings());
        return null;
    }
}
