package net.nsglobal.cli.demo;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.dashboard.web.DemoMail;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * The demo wiring for TSIG: a sign-up with the demo key printed in the banner reaches the collector (which reads the
 * control plane's key file as its tsig-keys-file) and every edge. No browser: the JSON API and the mailed link.
 */
class DemoTsigTest {
    @TempDir Path dir;

    @Test
    void aSignUpWithTheBannerKeyReachesEveryEdge() throws Exception {
        int base = DemoBrowserTest.freeBlock(Demo.EDGE_OFFSET + 3);
        int http = DemoBrowserTest.freeBlock(1);
        try (Demo demo = Demo.start(new Demo.Options(dir.resolve("demo"), base, "127.0.0.1", http, null, null, null,
                Path.of("../sites"), List.of("fmt1", "fra1", "nrt1"), false))) {
            // The banner's operator log-in works (the demo's /ops can be tried at once).
            String[] op = demo.banner().stream().filter(l -> l.startsWith("operator: ")).findFirst()
                    .orElseThrow().split(" ");
            assertThat(new Http(demo.web().url()).logIn(op[2], op[3]).statusCode()).isEqualTo(303);
            String key = demo.banner().stream().filter(l -> l.startsWith("tsig key")).findFirst().orElseThrow();
            String[] k = key.substring(key.indexOf(": ") + 2).split(" ");
            Http api = new Http(demo.web().url());
            HttpResponse<String> r = api.postJson("/api/v1/signups", "{\"domain\":\"blue-bakery.test\",\"primaries\":[\""
                    + "127.0.0.1:" + demo.primaryPort() + "\"],\"tsig\":{\"name\":\"" + k[0] + "\",\"algorithm\":\""
                    + k[1] + "\",\"secret\":\"" + k[2] + "\"}}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String link = awaitLink(demo);
            String path = link.substring(link.indexOf("/confirm/"));
            Http web = new Http(demo.web().url());
            assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);

            Path keys = dir.resolve("demo/control-plane/collector-keys.yaml");
            assertThat(Files.readString(keys)).contains(k[0]).contains(k[2]);
            Name zone = Name.fromString("blue-bakery.test.");
            assertThat(awaitZone(demo.fleet().collector(), zone)).as("collector").isTrue();
            for (var e : demo.fleet().edges().entrySet()) {
                assertThat(awaitZone(e.getValue(), zone)).as("edge " + e.getKey()).isTrue();
            }
        }
    }

    private static String awaitLink(Demo demo) {
        return Wait.until("a confirmation mail is in the demo mailbox", Duration.ofSeconds(10),
                () -> demo.mailbox().messages().stream().flatMap(m -> m.links().stream())
                        .filter(s -> s.contains("/confirm/")).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    /** True once the node holds the zone (polls up to 20 s; the outcome, not the time, is asserted). */
    private static boolean awaitZone(Node node, Name zone) {
        return Wait.holds(Duration.ofSeconds(20), () -> node.zones().get(zone) != null);
    }
}
