package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.control.catalog.DnsCatalogPublisher;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed-up zone larger than the collector accepts for a customer zone ({@code limits.catalog-zone-max-records: 3};
 * the zone has 4 records) is refused by the collector, and the zone's status page and API say so, naming the zone and
 * the limit: the control plane reads the refusal from the collector's {@code /zones/NAME}. Real parts: a dns-node
 * primary, GreenMail, the control plane (embedded PostgreSQL, TSIG-signed catalog) and a collector Node.
 */
@Timeout(120)
class RefusedZoneStatusTest {
    static final String ZONE = "too-big.test";

    @TempDir Path dir;

    @Test
    void theStatusPageShowsTheCollectorsRefusalNamingTheLimit() throws Exception {
        Path zoneFile = dir.resolve(ZONE + ".zone");
        Files.writeString(zoneFile, Harness.zone(ZONE, "hostmaster." + ZONE + ".", 2026120601));
        int collectorPort = FreePorts.tcpUdp();
        int collectorHttp = FreePorts.tcpUdp();
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        try (Node primary = Node.start(NodeConfig.parseYaml("role: standalone\nserver: {listen: [127.0.0.1:0]}\n"
                + "zones: [{name: " + ZONE + ", file: " + zoneFile + "}]\ntransfer-acl: {allow: [127.0.0.0/8]}\n", dir));
             AutoCloseable stopMail = mail::stop) {
            int http = FreePorts.tcpUdp();
            ControlPlaneConfig cfg = ControlPlaneConfig.parse(Harness.configYaml(http, dir.resolve("state"),
                    primary.dnsAddress(), mail.getSmtp().getPort())
                    + "collector: {dns: 127.0.0.1:" + collectorPort + ", http: 127.0.0.1:" + collectorHttp + "}\n", dir);
            try (ControlPlane plane = ControlPlane.start(cfg, null, null);
                 net.nsglobal.dashboard.web.WebApp pages = net.nsglobal.dashboard.web.WebApp.serve(plane, null);
                 Node collector = Node.start(NodeConfig.parseYaml("role: collector\ndata-dir: " + dir.resolve("collector")
                         + "\nserver: {listen: [127.0.0.1:" + collectorPort + "], http: 127.0.0.1:" + collectorHttp
                         + "}\ncatalogs: [{name: catalog.nsglobal.test, primaries: [\"127.0.0.1:"
                         + ((DnsCatalogPublisher) plane.publisher()).address().getPort()
                         + "\"], tsig-key: catalog-key.nsglobal.test, allow-primaries: [127.0.0.0/8]}]\n"
                         + "tsig-keys: [{name: catalog-key.nsglobal.test, secret: "
                         + Base64.getEncoder().encodeToString(Harness.CATALOG_KEY.secret()) + "}]\n"
                         + "limits: {catalog-zone-max-records: 3}\n"
                         + "timers: {refresh-min: 5s, retry-min: 1s, retry-max: 2s}\n", dir))) {
                Http api = new Http(cfg.publicUrl());
                HttpResponse<String> r = api.postJson("/api/v1/signups", "{\"domain\":\"" + ZONE
                        + "\",\"primaries\":[\"127.0.0.1:" + primary.dnsAddress().getPort() + "\"]}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                mail.waitForIncomingEmail(10_000, 1);
                String path = Harness.confirmPath(GreenMailUtil.getBody(mail.getReceivedMessages()[0]));
                Http web = new Http(cfg.publicUrl());
                assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);

                String expected = "zone too-big.test. refused: 4 records exceed limits.catalog-zone-max-records 3";
                String status = Wait.until("the zone's status names the refusal", Duration.ofSeconds(20),
                        () -> api.get("/api/v1/zones/" + ZONE).body(), s -> s.contains(expected));
                assertThat(status).contains(expected);
                assertThat(collector.zones().get(org.xbill.DNS.Name.fromString(ZONE + "."))).isNull();
                assertThat(web.get("/zones/" + ZONE).body()).contains(expected);
            }
        }
    }
}
