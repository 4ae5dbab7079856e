package net.nsglobal.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.Node;
import net.nsglobal.config.ConfigException;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.TsigAlgorithm;
import net.nsglobal.dns.config.TsigKey;
import org.xbill.DNS.Name;

/**
 * The demo's DNS side, all dns-node {@link Node}s on loopback: a customer primary serving the sample zones, the
 * collector (consumes the control plane's catalog, pulls from the primary with the customers' TSIG keys from the
 * control plane's key file, its {@code tsig-keys-file}, produces the fleet catalog) and one edge per
 * site of the {@code sites/} files (consumes the fleet catalog from the collector with TSIG, NSID = site name).
 */
public final class DemoFleet implements AutoCloseable {
    public static final List<String> ZONES = List.of("example-shop.test", "blue-bakery.test", "xn--caf-dma.test");
    /** Demo-only key between collector and edges (a real fleet generates its own). */
    static final String EDGE_KEY = "tsig-keys:\n  - {name: edge-key.nsglobal.demo, algorithm: hmac-sha256, "
            + "secret: ZGVtby1vbmx5LWVkZ2Uta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==}\n";
    /**
     * Demo-only customer key known to the sample primary, so a sign-up with TSIG can be tried: the collector gets it
     * from the control plane's key file once the zone is confirmed (the primary also still allows unsigned transfers).
     */
    public static final String CUSTOMER_KEY_NAME = "demo-customer-key";
    public static final String CUSTOMER_KEY_SECRET = "ZGVtby1vbmx5LWN1c3RvbWVyLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";
    // Short timer floors so a missed NOTIFY in the demo is repaired in seconds, not BIND's 5 minutes.
    static final String TIMERS = "timers: {refresh-min: 5s, retry-min: 2s, retry-max: 10s}\n";

    private final List<Node> nodes = new ArrayList<>();
    private Node primary;
    private Node collector;
    private final Map<String, Node> edges = new LinkedHashMap<>();

    public Node primary() { return primary; }
    public Node collector() { return collector; }
    public Map<String, Node> edges() { return edges; }

    /**
     * The customer's primary: a standalone dns-node serving the sample zones; a zone file saved with a new serial is
     * NOTIFYed to the collector by the node itself ({@code notify:}, RFC 1996 §3.1).
     */
    public void startPrimary(Path dir, int port, int collectorPort) throws IOException, ConfigException {
        Path zones = Files.createDirectories(dir.resolve("zones"));
        StringBuilder y = new StringBuilder("role: standalone\ndata-dir: " + Files.createDirectories(dir.resolve("data"))
                + "\nserver: {listen: [127.0.0.1:" + port + "]}\n"
                + "identity: {nsid: customer-primary}\n"
                + "transfer-acl: {allow: [127.0.0.0/8]}\nnotify: [127.0.0.1:" + collectorPort + "]\n"
                + "tsig-keys: [{name: " + CUSTOMER_KEY_NAME + ", algorithm: hmac-sha256, secret: " + CUSTOMER_KEY_SECRET
                + "}]\nzones:\n");
        for (String z : ZONES) {
            Path f = zones.resolve(z + ".zone");
            if (!Files.exists(f)) copy("/demo/" + z + ".zone", f); // keep the newcomer's edits across restarts
            y.append("  - {name: ").append(z).append(", file: ").append(f).append("}\n");
        }
        primary = start(y.toString(), dir);
    }

    /** A fresh random catalog key (256 bits) for one demo run: the control plane and the collector get it. */
    public static TsigKey newCatalogKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new TsigKey(Name.fromConstantString("catalog-key.nsglobal.demo."), TsigAlgorithm.HMAC_SHA256, secret);
    }

    /**
     * The collector: its {@code catalogs:} entry transfers the control plane's catalog signed with {@code catalogKey}
     * (and accepts its NOTIFYs only signed), allows the demo's loopback primaries ({@code allow-primaries}) and serves
     * its zone states on {@code 127.0.0.1:httpPort} for the status page.
     */
    public void startCollector(Path dir, int port, int catalogPort, String catalogZone, String fleetCatalog,
                               List<Integer> edgePorts, Path keysFile, TsigKey catalogKey, int httpPort)
            throws IOException, ConfigException {
        StringBuilder notify = new StringBuilder();
        for (int p : edgePorts) notify.append(notify.length() == 0 ? "" : ", ").append("127.0.0.1:").append(p);
        collector = start("role: collector\ndata-dir: " + Files.createDirectories(dir) + "\n"
                + "server: {listen: [127.0.0.1:" + port + "], http: 127.0.0.1:" + httpPort + "}\n"
                + "identity: {nsid: collector}\n"
                + "catalogs:\n  - {name: " + catalogZone + ", primaries: [127.0.0.1:" + catalogPort + "], tsig-key: "
                + catalogKey.name() + ", allow-primaries: [127.0.0.0/8, \"::1/128\"]}\n"
                + "fleet-catalog: " + fleetCatalog + "\nnotify: [" + notify + "]\n"
                + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key.nsglobal.demo}\n" + EDGE_KEY
                + "  - {name: " + catalogKey.name() + ", algorithm: " + catalogKey.algorithm() + ", secret: "
                + Base64.getEncoder().encodeToString(catalogKey.secret()) + "}\n"
                + "tsig-keys-file: \"" + keysFile + "\"\n" + TIMERS, dir);
    }

    public void startEdge(Path dir, String site, int port, int collectorPort, String fleetCatalog)
            throws IOException, ConfigException {
        edges.put(site, start("role: edge\ndata-dir: " + Files.createDirectories(dir) + "\n"
                + "server: {listen: [127.0.0.1:" + port + "]}\nidentity: {nsid: " + site + "}\n"
                + "catalogs:\n  - {name: " + fleetCatalog + ", primaries: [127.0.0.1:" + collectorPort
                + "], tsig-key: edge-key.nsglobal.demo}\n" + EDGE_KEY + TIMERS, dir));
    }

    private Node start(String yaml, Path baseDir) throws IOException, ConfigException {
        Node n = Node.start(NodeConfig.parseYaml(yaml, baseDir));
        nodes.add(n);
        return n;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = DemoFleet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("demo: missing resource " + resource);
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    }
}
