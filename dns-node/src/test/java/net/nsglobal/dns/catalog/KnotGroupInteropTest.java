package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.replication.KnotPrimary;
import net.nsglobal.dns.testing.Daemons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Our fleet catalog's groups as a stock consumer reads them: knotd 3.2 consumes a catalog built by
 * {@link FleetCatalog} (served by a real {@link Node}) with {@code catalog-template: [gold, silver]}, where the
 * member's group picks the template. The two templates pull from different primaries (Nodes answering TXT "gold"
 * or "silver" for the same zones), so what knotd serves shows which group it read for each member. The other way,
 * a catalog knotd generates ({@code catalog-role: generate}, members with {@code catalog-group}) parses here with
 * each member's group.
 */
class KnotGroupInteropTest {
    @TempDir Path dir;
    final List<Node> nodes = new ArrayList<>();
    Process knotd;

    @AfterEach
    void stop() {
        if (knotd != null) Daemons.stop(knotd);
        for (Node n : nodes) n.close();
    }

    Node primary(String tag, int port, Map<String, String> zones) throws Exception {
        return CooNodes.primaryNode(dir, nodes, tag, port, zones);
    }

    static String member(String origin, String text) {
        return "$ORIGIN " + origin + "\n$TTL 300\n@ SOA ns h 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n"
                + "@ TXT \"" + text + "\"\n";
    }

    static String txt(int port, String name) {
        try {
            SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
            r.setTimeout(Duration.ofMillis(500));
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.TXT, DClass.IN)));
            for (Record rec : m.getSection(1)) if (rec instanceof TXTRecord t) return String.join("", t.getStrings());
        } catch (IOException e) {
            // not yet
        }
        return null;
    }

    @Test
    void knotPicksTheTemplateOfEachMembersGroup() throws Exception {
        Path knotBin = Path.of("/usr/sbin/knotd");
        assertThat(Files.isExecutable(knotBin)).as("knotd is not installed: apt-get install knot").isTrue();
        int gold = KnotPrimary.freePort();
        primary("gold", gold, Map.of("a.example.", member("a.example.", "gold"),
                "b.example.", member("b.example.", "gold"), "c.example.", member("c.example.", "gold")));
        int silver = KnotPrimary.freePort();
        primary("silver", silver, Map.of("a.example.", member("a.example.", "silver"),
                "b.example.", member("b.example.", "silver"), "c.example.", member("c.example.", "silver")));
        Name a = Name.fromString("a.example.");
        Name b = Name.fromString("b.example.");
        Name c = Name.fromString("c.example.");
        StringBuilder catalog = new StringBuilder();
        for (Record r : FleetCatalog.build(Name.fromString("fleet.catalog."), 1, Set.of(a, b, c),
                Map.of(a, "gold", b, "silver")).records()) {
            catalog.append(r).append('\n');
        }
        int catPort = KnotPrimary.freePort();
        primary("cat", catPort, Map.of("fleet.catalog.", catalog.toString()));

        Path home = Files.createDirectories(dir.resolve("knot"));
        int knotPort = KnotPrimary.freePort();
        Files.writeString(home.resolve("knot.conf"), "server:\n  rundir: \"" + home + "\"\n  listen: 127.0.0.1@"
                + knotPort + "\n  udp-workers: 1\n  tcp-workers: 1\n  background-workers: 1\n"
                + "database:\n  storage: \"" + home + "\"\nlog:\n  - target: stderr\n    any: info\n"
                + "remote:\n  - id: cat\n    address: 127.0.0.1@" + catPort + "\n"
                + "  - id: gold\n    address: 127.0.0.1@" + gold + "\n"
                + "  - id: silver\n    address: 127.0.0.1@" + silver + "\n"
                + "template:\n  - id: default\n    storage: \"" + home + "\"\n"
                + "  - id: gold\n    storage: \"" + home + "\"\n    master: gold\n"
                + "  - id: silver\n    storage: \"" + home + "\"\n    master: silver\n"
                + "zone:\n  - domain: fleet.catalog.\n    master: cat\n    catalog-role: interpret\n"
                + "    catalog-template: [ silver, gold ]\n"); // the first is for members without a group
        Path log = home.resolve("knotd.log");
        knotd = new ProcessBuilder(knotBin.toString(), "-c", home.resolve("knot.conf").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((txt(knotPort, "a.example.") == null || txt(knotPort, "b.example.") == null
                || txt(knotPort, "c.example.") == null) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(txt(knotPort, "a.example.")).as("knotd log:\n%s", Files.readString(log)).isEqualTo("gold");
        assertThat(txt(knotPort, "b.example.")).isEqualTo("silver");
        assertThat(txt(knotPort, "c.example.")).isEqualTo("silver");
    }

    @Test
    void groupsInACatalogKnotGeneratesAreRead() throws Exception {
        Path knotBin = Path.of("/usr/sbin/knotd");
        assertThat(Files.isExecutable(knotBin)).as("knotd is not installed: apt-get install knot").isTrue();
        Path home = Files.createDirectories(dir.resolve("knot-gen"));
        int knotPort = KnotPrimary.freePort();
        StringBuilder conf = new StringBuilder("server:\n  rundir: \"" + home + "\"\n  listen: 127.0.0.1@" + knotPort
                + "\n  udp-workers: 1\n  tcp-workers: 1\n  background-workers: 1\n"
                + "database:\n  storage: \"" + home + "\"\nlog:\n  - target: stderr\n    any: info\n"
                + "acl:\n  - id: xfr\n    address: 127.0.0.0/8\n    action: transfer\n"
                + "template:\n  - id: default\n    storage: \"" + home + "\"\n    acl: xfr\n"
                + "zone:\n  - domain: cat.example.\n    catalog-role: generate\n");
        Map<String, String> groups = Map.of("a.example.", "gold", "b.example.", "silver", "c.example.", "");
        for (Map.Entry<String, String> m : groups.entrySet()) {
            Files.writeString(home.resolve(m.getKey() + "zone"), member(m.getKey(), "x"));
            conf.append("  - domain: ").append(m.getKey()).append("\n    file: \"").append(home.resolve(m.getKey()
                    + "zone")).append("\"\n    catalog-role: member\n    catalog-zone: cat.example.\n");
            if (!m.getValue().isEmpty()) conf.append("    catalog-group: ").append(m.getValue()).append('\n');
        }
        Files.writeString(home.resolve("knot.conf"), conf);
        Path log = home.resolve("knotd.log");
        knotd = new ProcessBuilder(knotBin.toString(), "-c", home.resolve("knot.conf").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        Name cat = Name.fromString("cat.example.");
        Catalog parsed = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                parsed = ((Catalog.Parsed.Ok) Catalog.parse(CooNodes.axfr(cat,
                        new InetSocketAddress("127.0.0.1", knotPort)))).catalog();
                if (parsed.members().size() == 3) break;
            } catch (Exception notYet) {
                // knotd still starting or generating
            }
            Thread.sleep(50);
        }
        assertThat(parsed).as("knotd log:\n%s", Files.readString(log)).isNotNull();
        assertThat(parsed.members()).hasSize(3);
        assertThat(parsed.ignored()).isEmpty();
        assertThat(parsed.members().get(Name.fromString("a.example.")).group()).isEqualTo("gold");
        assertThat(parsed.members().get(Name.fromString("b.example.")).group()).isEqualTo("silver");
        assertThat(parsed.members().get(Name.fromString("c.example.")).group()).isNull();
    }
}
