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
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Wait;
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
    Knot knotd;

    @AfterEach
    void stop() {
        if (knotd != null) knotd.close();
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
        int gold = FreePorts.tcpUdp();
        primary("gold", gold, Map.of("a.example.", member("a.example.", "gold"),
                "b.example.", member("b.example.", "gold"), "c.example.", member("c.example.", "gold")));
        int silver = FreePorts.tcpUdp();
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
        int catPort = FreePorts.tcpUdp();
        primary("cat", catPort, Map.of("fleet.catalog.", catalog.toString()));

        knotd = Knot.start(dir, new KnotConfig()
                .remote("cat", new InetSocketAddress("127.0.0.1", catPort), null)
                .remote("gold", new InetSocketAddress("127.0.0.1", gold), null)
                .remote("silver", new InetSocketAddress("127.0.0.1", silver), null)
                .template("gold", "master: gold")
                .template("silver", "master: silver")
                .zoneWithoutFile("fleet.catalog.", "master: cat", "catalog-role: interpret",
                        "catalog-template: [ silver, gold ]")); // the first is for members without a group
        int knotPort = knotd.port();
        Path log = knotd.logFile();

        Wait.holds(Duration.ofSeconds(30), () -> txt(knotPort, "a.example.") != null
                && txt(knotPort, "b.example.") != null && txt(knotPort, "c.example.") != null);
        assertThat(txt(knotPort, "a.example.")).as("knotd log:\n%s", Files.readString(log)).isEqualTo("gold");
        assertThat(txt(knotPort, "b.example.")).isEqualTo("silver");
        assertThat(txt(knotPort, "c.example.")).isEqualTo("silver");
    }

    @Test
    void groupsInACatalogKnotGeneratesAreRead() throws Exception {
        KnotConfig conf = new KnotConfig().allowTransfer(null)
                .zoneWithoutFile("cat.example.", "catalog-role: generate");
        Map<String, String> groups = Map.of("a.example.", "gold", "b.example.", "silver", "c.example.", "");
        for (Map.Entry<String, String> m : groups.entrySet()) {
            List<String> options = new ArrayList<>(List.of("catalog-role: member", "catalog-zone: cat.example."));
            if (!m.getValue().isEmpty()) options.add("catalog-group: " + m.getValue());
            conf.zone(m.getKey(), member(m.getKey(), "x"), options.toArray(String[]::new));
        }
        knotd = Knot.start(dir, conf);
        Path log = knotd.logFile();
        int knotPort = knotd.port();

        Name cat = Name.fromString("cat.example.");
        Catalog parsed = Wait.until("knotd generates cat.example. with 3 members", Duration.ofSeconds(30),
                () -> ((Catalog.Parsed.Ok) Catalog.parse(CooNodes.axfr(cat,
                        new InetSocketAddress("127.0.0.1", knotPort)))).catalog(),
                c -> c.members().size() == 3);
        assertThat(parsed).as("knotd log:\n%s", Files.readString(log)).isNotNull();
        assertThat(parsed.members()).hasSize(3);
        assertThat(parsed.ignored()).isEmpty();
        assertThat(parsed.members().get(Name.fromString("a.example.")).group()).isEqualTo("gold");
        assertThat(parsed.members().get(Name.fromString("b.example.")).group()).isEqualTo("silver");
        assertThat(parsed.members().get(Name.fromString("c.example.")).group()).isNull();
    }
}
