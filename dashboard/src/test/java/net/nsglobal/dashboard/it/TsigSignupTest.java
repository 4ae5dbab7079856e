package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.control.catalog.DnsCatalogPublisher;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * A zone whose primary requires TSIG, signed up with its key through the control plane's API, reaches the collector
 * and an edge: the secret travels only through the control plane's key file (the collector's {@code tsig-keys-file}),
 * never through the catalog. Real parts: a dns-node primary that refuses unsigned transfers, GreenMail, the control
 * plane with its embedded PostgreSQL and DNS-served catalog, a collector Node and an edge Node.
 */
class TsigSignupTest {
    static final String ZONE = "tsig-shop.test";
    static final String KEY = "shop-xfr";
    static final String SECRET = "dHNpZy1zaG9wLXRyYW5zZmVyLWtleS1mb3ItdGVzdHM=";
    static final String EDGE_KEY = "  - {name: edge-key, secret: ZWRnZS1rZXktZWRnZS1rZXktZWRnZS1rZXktZWRnZQ==}\n";
    static final String TIMERS = "timers: {refresh-min: 5s, retry-min: 1s, retry-max: 2s}\n";

    @TempDir Path dir;

    @Test
    void tsigSignUpReachesCollectorAndEdgeWithTheKeyOnlyInTheKeyFile() throws Exception {
        Path zoneFile = dir.resolve(ZONE + ".zone");
        Files.writeString(zoneFile, Harness.zone(ZONE, "hostmaster." + ZONE + ".", 2026112701));
        int collectorPort = FreePorts.tcpUdp();
        int edgePort = FreePorts.tcpUdp();
        Path keysFile = dir.resolve("state/collector-keys.yaml");
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        // The customer's primary: transfers only when signed with the customer's key.
        try (Node primary = Node.start(NodeConfig.parseYaml("role: standalone\nserver: {listen: [127.0.0.1:0]}\n"
                + "zones: [{name: " + ZONE + ", file: " + zoneFile + "}]\n"
                + "tsig-keys: [{name: " + KEY + ", algorithm: hmac-sha256, secret: " + SECRET + "}]\n"
                + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: " + KEY + "}\n", dir));
             AutoCloseable stopMail = mail::stop) {
            InetSocketAddress lo0 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            int http = FreePorts.tcpUdp();
            ControlPlaneConfig cfg = ControlPlaneConfig.parse(Harness.configYaml(http, dir.resolve("state"),
                    primary.dnsAddress(), mail.getSmtp().getPort())
                    + "collector: {dns: 127.0.0.1:" + collectorPort + "}\ncollector-keys-file: " + keysFile + "\n", dir);
            try (ControlPlane plane = ControlPlane.start(cfg, null, null);
                 net.nsglobal.dashboard.web.WebApp pages = net.nsglobal.dashboard.web.WebApp.serve(plane, null);
                 Node collector = Node.start(NodeConfig.parseYaml("role: collector\ndata-dir: " + dir.resolve("collector")
                         + "\nserver: {listen: [127.0.0.1:" + collectorPort + "]}\n"
                         + "catalogs: [{name: catalog.nsglobal.test, primaries: [\"127.0.0.1:"
                         + ((DnsCatalogPublisher) plane.publisher()).address().getPort()
                         + "\"], tsig-key: catalog-key.nsglobal.test, allow-primaries: [127.0.0.0/8]}]\n"
                         + "fleet-catalog: fleet.nsglobal.test\nnotify: [127.0.0.1:" + edgePort + "]\n"
                         + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\ntsig-keys:\n" + EDGE_KEY
                         + "  - {name: catalog-key.nsglobal.test, algorithm: hmac-sha256, secret: "
                         + java.util.Base64.getEncoder().encodeToString(Harness.CATALOG_KEY.secret()) + "}\n"
                         + "tsig-keys-file: " + keysFile + "\n" + TIMERS, dir));
                 Node edge = Node.start(NodeConfig.parseYaml("role: edge\ndata-dir: " + dir.resolve("edge")
                         + "\nserver: {listen: [127.0.0.1:" + edgePort + "]}\n"
                         + "catalogs: [{name: fleet.nsglobal.test, primaries: [\"127.0.0.1:" + collectorPort
                         + "\"], tsig-key: edge-key}]\ntsig-keys:\n" + EDGE_KEY + TIMERS, dir))) {
                Http api = new Http(cfg.publicUrl());
                HttpResponse<String> r = api.postJson("/api/v1/signups", "{\"domain\":\"" + ZONE + "\",\"primaries\":[\""
                        + "127.0.0.1:" + primary.dnsAddress().getPort() + "\"],\"tsig\":{\"name\":\"" + KEY
                        + "\",\"algorithm\":\"hmac-sha256\",\"secret\":\"" + SECRET + "\"}}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                mail.waitForIncomingEmail(10_000, 1);
                String path = Harness.confirmPath(com.icegreen.greenmail.util.GreenMailUtil.getBody(
                        mail.getReceivedMessages()[0]));
                Http web = new Http(cfg.publicUrl());
                assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);

                // The secret is in the key file (mode 0600), never in the catalog.
                assertThat(Files.readString(keysFile)).contains(KEY).contains(SECRET);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysFile))).isEqualTo("rw-------");
                String catalog = ((DnsCatalogPublisher) plane.publisher()).current().records().toString();
                assertThat(catalog).contains(ZONE).contains(KEY).doesNotContain(SECRET);

                Name zone = Name.fromString(ZONE + ".");
                assertThat(await(collector, zone)).as("zone on the collector").isEqualTo(2026112701L);
                assertThat(await(edge, zone)).as("zone on the edge").isEqualTo(2026112701L);
            }
        }
    }

    /** The zone's serial once the node has it (polls up to 20 s; the answer, not the time, is asserted). */
    private static long await(Node node, Name zone) {
        Wait.holds(Duration.ofSeconds(20), () -> node.zones().get(zone) != null);
        Zone z = node.zones().get(zone);
        return z == null ? -1 : z.serial();
    }
}
