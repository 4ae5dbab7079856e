package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A forged catalog entry cannot aim the collector at internal addresses: a real collector {@link Node} consumes a
 * catalog (served by a real Node) whose members name a primary at 127.0.0.1, plainly and IPv4-mapped
 * ({@code ::ffff:127.0.0.1}), where a {@link FakePrimary} counts every connection. Without {@code allow-primaries}
 * neither member becomes a secondary zone and the fake primary is never contacted: the policy blocks before any
 * connection. With {@code allow-primaries: [127.0.0.0/8]} both are transferred. Only loopback addresses appear here,
 * so even broken code sends nothing off the machine; 10.0.0.1 and other classes are covered by
 * {@code CatalogConsumerTest} without any network.
 */
@Timeout(60)
class CatalogPrimaryPolicyNodeTest {
    static final Name CAT = Name.fromConstantString("customers.catalog.");
    static final Name LOCAL = Name.fromConstantString("local.example.");
    static final Name MAPPED = Name.fromConstantString("mapped.example.");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    Node collector(String tag, int catPort, String allow) throws Exception {
        Path d = Files.createDirectories(dir.resolve(tag));
        Node n = Node.start(NodeConfig.parseYaml("role: collector\ndata-dir: " + d + "\n"
                + "server: {listen: [127.0.0.1:0], reload-interval: 0s}\n"
                + "timers: {refresh-min: 1s, retry-min: 1s, retry-max: 2s}\n"
                + "catalogs: [{name: " + CAT + ", primaries: [127.0.0.1:" + catPort + "]" + allow + "}]\n", d));
        open.add(n);
        return n;
    }

    static boolean await(java.util.function.BooleanSupplier c) {
        return Wait.holds(WAIT, c::getAsBoolean);
    }

    @Test
    void catalogListedPrimariesPassTheAddressPolicyBeforeAnyConnection() throws Exception {
        List<Record> local = new ArrayList<>(CatalogTest.zone(LOCAL.toString(),
                "$TTL 300\n@ SOA ns h 5 3600 600 86400 300\n@ NS ns\nns A 192.0.2.1\n").records());
        local.add(local.get(0)); // AXFR: SOA … SOA
        FakePrimary fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(local)));
        open.add(fake);
        String catalog = "$ORIGIN customers.catalog.\n$TTL 0\n@ SOA invalid. invalid. 1 60 60 2419200 0\n"
                + "@ NS invalid.\nversion TXT \"2\"\n"
                + "m1.zones PTR mapped.example.\nprimaries.ext.m1.zones AAAA ::ffff:127.0.0.1\n"
                + "primaries-port.ext.m1.zones TXT \"" + fake.address().getPort() + "\"\n"
                + "m2.zones PTR local.example.\nprimaries.ext.m2.zones A 127.0.0.1\n"
                + "primaries-port.ext.m2.zones TXT \"" + fake.address().getPort() + "\"\n";
        int catPort = FreePorts.tcpUdp();
        List<Node> served = new ArrayList<>();
        CooNodes.primaryNode(dir, served, "cat", catPort, Map.of(CAT.toString(), catalog));
        open.addAll(served);

        Node strict = collector("strict", catPort, "");
        assertThat(await(() -> strict.zones().get(CAT) != null)).as("catalog transferred").isTrue();
        CatalogConsumer c = strict.replication().catalog(CAT);
        assertThat(await(() -> c.refused().size() == 2)).isTrue();
        assertThat(c.refused().get(MAPPED)).contains("is a loopback address");
        assertThat(c.refused().get(LOCAL)).contains("127.0.0.1 is a loopback address");
        assertThat(c.members()).isEmpty();
        // Never became secondary zones: no refresh can ever start, so no connection is made.
        assertThat(strict.replication().secondaries().get(MAPPED)).isNull();
        assertThat(strict.replication().secondaries().get(LOCAL)).isNull();
        assertThat(fake.requests()).isZero();
        strict.close();

        Node lab = collector("lab", catPort, ", allow-primaries: [127.0.0.0/8]");
        assertThat(await(() -> lab.zones().get(LOCAL) != null)).as("loopback member transferred").isTrue();
        Zone z = lab.zones().get(LOCAL);
        assertThat(z.serial()).isEqualTo(5);
        assertThat(fake.requests()).isPositive();
        CatalogConsumer l = lab.replication().catalog(CAT);
        assertThat(l.members()).containsExactlyInAnyOrder(LOCAL, MAPPED);
        assertThat(l.refused()).isEmpty();
    }
}
