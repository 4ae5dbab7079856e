package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Named;
import net.nsglobal.testkit.NamedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * BIND 9.18 as an edge on a fleet catalog that carries groups (RFC 9432 §4.4.2): BIND has no use for groups (it logs
 * the group record as invalid and ignores it), and a member with one must still be served like one without (a BIND
 * edge must not lose zones when the collector publishes groups).
 */
class BindGroupInteropTest {
    @TempDir Path dir;
    Node primary;
    Named bind;

    @AfterEach
    void stop() {
        if (bind != null) bind.close();
        if (primary != null) primary.close();
    }

    @Test
    void bindServesMembersWithAndWithoutAGroup() throws Exception {
        Name a = Name.fromString("a.example.");
        Name b = Name.fromString("b.example.");
        StringBuilder catalog = new StringBuilder();
        for (Record r : FleetCatalog.build(Name.fromString("fleet.catalog."), 1, Set.of(a, b), Map.of(a, "gold"))
                .records()) {
            catalog.append(r).append('\n');
        }
        int port = FreePorts.tcpUdp();
        Path d = Files.createDirectories(dir.resolve("primary"));
        Files.writeString(d.resolve("fleet.zone"), catalog.toString());
        List<String> zones = new ArrayList<>(List.of("  - {name: fleet.catalog., file: fleet.zone}"));
        for (String m : List.of("a.example.", "b.example.")) {
            Files.writeString(d.resolve(m + "zone"), "$ORIGIN " + m + "\n$TTL 300\n@ SOA ns h 42 3600 600 86400 300\n"
                    + "@ NS ns\nns A 192.0.2.53\n");
            zones.add("  - {name: " + m + ", file: " + m + "zone}");
        }
        primary = Node.start(NodeConfig.parseYaml("server: {listen: [127.0.0.1:" + port + "], reload-interval: 0s}\n"
                + "transfer-acl: {allow: [127.0.0.0/8]}\nzones:\n" + String.join("\n", zones) + "\n", d));
        String primaries = "127.0.0.1 port " + port + ";";
        bind = Named.start(dir, new NamedConfig().option("allow-new-zones yes;\n  catalog-zones { zone \"fleet.catalog.\" "
                + "default-primaries { " + primaries + " } zone-directory \"" + dir + "\" in-memory no min-update-interval 1;"
                + " };").statement("zone \"fleet.catalog.\" { type secondary; file \"fleet.db\"; primaries { "
                + primaries + " }; };"));
        Duration wait = Duration.ofSeconds(30);
        bind.awaitSerial("a.example.", 42, wait);
        bind.awaitSerial("b.example.", 42, wait);
        // BIND 9.18 logs "catz: invalid record in catalog zone - group.ID.zones.fleet.catalog IN TXT (failure) -
        // ignoring" per member with a group, and adds the zone all the same.
        assertThat(bind.logText()).contains("adding zone 'a.example' from catalog 'fleet.catalog' - success");
    }
}
