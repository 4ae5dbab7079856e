package net.nsglobal.dns.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A customer zone cannot take the node's memory: a real collector {@link Node} consumes a catalog whose members a
 * {@link FakePrimary} serves (one record per message, so the stream can be cut short). A new version beyond
 * {@code limits.catalog-zone-max-records} is aborted at the first record over the limit (the refusal counts 51, not
 * the 200 the primary sends), the previous version keeps serving, and the refusal names the zone and the limit in
 * {@code /zones/NAME}, {@code /zones} and {@code /metrics}. A zone that does not fit {@code limits.zone-memory-budget}
 * beside the others is refused the same way.
 */
@Timeout(90)
class ZoneBudgetNodeTest {
    static final Name CAT = Name.fromConstantString("customers.catalog.");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    final Map<Name, List<Record>> served = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    static List<Record> parse(String origin, String text) throws Exception {
        List<Record> rs = new ArrayList<>();
        try (Master m = new Master(new ByteArrayInputStream(text.getBytes()), Name.fromString(origin))) {
            for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) rs.add(r);
        }
        return rs;
    }

    /** A zone of {@code txt} TXT records of 100 bytes each; SOA refresh 1 s (raised to timers.refresh-min). */
    static String zone(String origin, long serial, int txt) {
        StringBuilder b = new StringBuilder("$ORIGIN " + origin + "\n$TTL 300\n@ SOA ns h " + serial
                + " 1 1 86400 300\n@ NS ns\nns A 192.0.2.1\n");
        for (int i = 0; i < txt; i++) b.append("t").append(i).append(" TXT \"").append("x".repeat(100)).append("\"\n");
        return b.toString();
    }

    /** Serves {@code served}: AXFR form (SOA … SOA), one record per message, for AXFR and IXFR alike. */
    FakePrimary primary() throws Exception {
        FakePrimary p = new FakePrimary(q -> {
            List<Record> z = served.get(q.getQuestion().getName());
            List<List<Record>> messages = new ArrayList<>();
            if (z != null) {
                for (Record r : z) messages.add(List.of(r));
                messages.add(List.of(z.get(0)));
            }
            return FakePrimary.Script.of(messages);
        });
        open.add(p);
        return p;
    }

    void serve(String origin, String text) throws Exception {
        served.put(Name.fromString(origin), parse(origin, text));
    }

    void catalog(long serial, FakePrimary p, String... members) throws Exception {
        Map<String, InetSocketAddress> m = new java.util.TreeMap<>();
        for (String z : members) m.put(z, p.address());
        serve(CAT.toString(), CatalogText.of(CAT.toString(), serial, m));
    }

    Node collector(FakePrimary p, String limits) throws Exception {
        Path d = Files.createDirectories(dir.resolve("collector"));
        Node n = Node.start(NodeConfig.parseYaml("role: collector\ndata-dir: " + d + "\n"
                + "server: {listen: [127.0.0.1:0], http: 127.0.0.1:0, reload-interval: 0s}\n"
                + "timers: {refresh-min: 1s, refresh-max: 1s, retry-min: 1s, retry-max: 1s}\nlimits: " + limits + "\n"
                + "catalogs: [{name: " + CAT + ", primaries: [\"127.0.0.1:" + p.address().getPort()
                + "\"], allow-primaries: [127.0.0.0/8]}]\n", d));
        open.add(n);
        return n;
    }

    static boolean await(BooleanSupplier c) {
        return Wait.holds(WAIT, c::getAsBoolean);
    }

    static long serial(Node n, String zone) {
        var z = n.zones().get(Name.fromConstantString(zone));
        return z == null ? -1 : z.serial();
    }

    static String get(Node n, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + n.httpAddress().getPort() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Test
    void anOversizeVersionIsAbortedWhileReceivedAndThePreviousOneKeepsServing() throws Exception {
        FakePrimary p = primary();
        serve("big.example.", zone("big.example.", 1, 10));
        catalog(1, p, "big.example.");
        Node c = collector(p, "{catalog-zone-max-records: 50}");
        assertThat(await(() -> serial(c, "big.example.") == 1)).as("first version, 13 records").isTrue();

        serve("big.example.", zone("big.example.", 2, 200)); // picked up by the 1 s refresh
        Name big = Name.fromString("big.example.");
        assertThat(await(() -> c.replication().budget().refusal(big) != null)).isTrue();
        assertThat(c.replication().budget().refusal(big))
                .isEqualTo("zone big.example. refused: 51 records exceed limits.catalog-zone-max-records 50");
        assertThat(serial(c, "big.example.")).as("the previous version keeps serving").isEqualTo(1);

        assertThat(get(c, "/zones/big.example")).startsWith("200 ").contains("\"serial\":1")
                .contains("\"refused\":\"zone big.example. refused: 51 records exceed "
                        + "limits.catalog-zone-max-records 50\"");
        assertThat(get(c, "/zones")).contains("\"zone\":\"big.example.\"");
        assertThat(get(c, "/zones/nothere.example")).startsWith("404 ");
        assertThat(get(c, "/metrics")).contains("dns_zones_refused 1.0");

        // Back within the limit: served again, and the refusal is history.
        serve("big.example.", zone("big.example.", 3, 20));
        assertThat(await(() -> serial(c, "big.example.") == 3)).isTrue();
        assertThat(c.replication().budget().refusal(big)).isNull();
        assertThat(get(c, "/zones/big.example")).contains("\"refused\":null");
    }

    @Test
    void aZoneThatDoesNotFitTheMemoryBudgetIsRefused() throws Exception {
        FakePrimary p = primary();
        serve("a.example.", zone("a.example.", 1, 20)); // about 2.5 KB of records
        serve("b.example.", zone("b.example.", 1, 20));
        catalog(1, p, "a.example.");
        Node c = collector(p, "{zone-memory-budget: 4k}");
        assertThat(await(() -> serial(c, "a.example.") == 1)).as(() -> "refusals " + c.replication().budget()
                .refusals() + ", zones " + c.zones().bytes()).isTrue();
        long used = c.zones().bytes();
        assertThat(used).isBetween(2048L, 4096L);

        catalog(2, p, "a.example.", "b.example.");
        Name b = Name.fromString("b.example.");
        assertThat(await(() -> c.replication().budget().refusal(b) != null)).isTrue();
        assertThat(c.replication().budget().refusal(b)).startsWith("zone b.example. refused: ")
                .endsWith("exceed limits.zone-memory-budget 4096");
        assertThat(serial(c, "b.example.")).isEqualTo(-1);
        assertThat(serial(c, "a.example.")).isEqualTo(1);
        assertThat(c.zones().bytes()).as("the catalog grew by one member, nothing else").isLessThan(4096);
        assertThat(get(c, "/zones/b.example")).startsWith("200 ").contains("\"serial\":null")
                .contains("zone-memory-budget 4096");
    }
}
