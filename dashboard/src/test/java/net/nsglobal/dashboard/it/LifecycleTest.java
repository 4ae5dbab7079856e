package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.store.ZoneEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API, changes and removal through the RNAME confirmation, and a control-plane restart that must lose
 * nothing (zones, catalog, a pending link). Ordered: each step builds on the previous state, like an owner would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleTest {
    @TempDir static Path dir;
    static Harness h;
    static String pendingPathBeforeRestart;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
    }

    @Test @Order(1)
    void apiSignUpAnswers202WithWhereTheMailWent() throws Exception {
        Http api = new Http(h.url());
        HttpResponse<String> r = api.postJson("/api/v1/signups",
                "{\"domain\":\"api-shop.test\",\"primaries\":[\"" + h.knot.hostPort() + "\"]}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).contains("\"mailedTo\":\"d…n@api-shop.test\"").contains("allowOnPrimary");
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("dns-admin@api-shop.test", 1)));
        Http web = new Http(h.url());
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);

        HttpResponse<String> z = api.get("/api/v1/zones/api-shop.test");
        assertThat(z.statusCode()).isEqualTo(200);
        assertThat(z.body()).contains("\"domain\":\"api-shop.test\"").contains("\"serial\":5")
                .contains("\"listsOurNameServers\":true").doesNotContain("dns-admin");
    }

    @Test @Order(2)
    void apiRefusalsCarryAMessagePerField() throws Exception {
        Http api = new Http(h.url());
        HttpResponse<String> bad = api.postJson("/api/v1/signups",
                "{\"domain\":\"-bad-.test\",\"primaries\":[\"224.0.0.1\",\"100.64.1.1\",\"fe80::1\",\"[::1]:53\",\"8.8.8.8\"],"
                        + "\"tsig\":{\"name\":\"k\",\"algorithm\":\"md5\",\"secret\":\"c2VjcmV0\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"domain\"").contains("\"primaries[0]\":\"224.0.0.1 is a multicast address")
                .contains("\"primaries[1]\":\"100.64.1.1 is carrier-grade NAT").contains("\"primaries[2]\":\"fe80:0:0:0:0:0:0:1 is a link-local")
                .contains("\"primaries[4]\":\"At most 4 primaries.\"").contains("\"tsig.algorithm\"");
        HttpResponse<String> unverifiable = api.postJson("/api/v1/signups",
                "{\"domain\":\"nowhere.test\",\"primaries\":[\"" + h.knot.hostPort() + "\"]}");
        assertThat(unverifiable.statusCode()).isEqualTo(422);
        assertThat(unverifiable.body()).contains("\"errors\":{\"domain\":");
        assertThat(api.postJson("/api/v1/signups", "not json").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/zones/unknown.test").statusCode()).isEqualTo(404);
    }

    @Test @Order(3)
    void changeOfPrimariesGoesThroughTheRnameConfirmation() throws Exception {
        Http web = new Http(h.url());
        String tsig = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";
        HttpResponse<String> r = web.post("/manage/change", Map.of("csrf", web.csrf("/manage"), "domain", "api-shop.test",
                "primary", List.of(h.knot.hostPort(), ""), "tsigName", "xfr-key", "tsigAlgorithm", "hmac-sha512",
                "tsigSecret", tsig));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("Check your mail to confirm the change");
        assertThat(h.plane.repository().zone("api-shop.test").map(ZoneEntry::tsigName)).isEmpty().as("not yet");
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("dns-admin@api-shop.test", 2)));
        assertThat(web.get(path).body()).contains("Change the primaries of api-shop.test?").contains("xfr-key (hmac-sha512)");
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);
        assertThat(h.plane.repository().zone("api-shop.test").orElseThrow().tsigName()).isEqualTo("xfr-key");
        assertThat(h.catalog().current().records().toString()).contains("xfr-key");
    }

    @Test @Order(4)
    void restartLosesNothing() throws Exception {
        Http web = new Http(h.url());
        assertThat(web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", Harness.SHOP, "primary", h.knot.hostPort()))
                .statusCode()).isEqualTo(200);
        pendingPathBeforeRestart = Harness.confirmPath(Harness.body(h.awaitMailTo("hostmaster@knot-shop.test", 1)));
        long serialBefore = h.catalog().current().serial();

        h.stopPlane();
        h.startPlane();

        assertThat(h.catalog().current().serial()).isEqualTo(serialBefore);
        assertThat(h.catalogMembers()).containsExactly("api-shop.test");
        Http after = new Http(h.url());
        assertThat(after.get("/zones/api-shop.test").statusCode()).isEqualTo(200);
        assertThat(after.post(pendingPathBeforeRestart, Map.of("csrf", after.csrf(pendingPathBeforeRestart))).statusCode())
                .as("a link mailed before the restart still confirms").isEqualTo(303);
        assertThat(h.catalogMembers()).containsExactly("api-shop.test", "knot-shop.test");
        assertThat(h.catalog().current().serial()).isGreaterThan(serialBefore);
    }

    @Test @Order(5)
    void removalGoesThroughTheRnameConfirmation() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> r = web.post("/manage/remove", Map.of("csrf", web.csrf("/manage"), "domain", "knot-shop.test"));
        assertThat(r.statusCode()).isEqualTo(200);
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("hostmaster@knot-shop.test", 2)));
        assertThat(web.get(path).body()).contains("Stop serving knot-shop.test?");
        assertThat(h.catalogMembers()).contains("knot-shop.test");
        HttpResponse<String> done = web.post(path, Map.of("csrf", web.csrf(path)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Zone removed");
        assertThat(h.catalogMembers()).containsExactly("api-shop.test");
        assertThat(web.get("/zones/knot-shop.test").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = web.post("/manage/remove", Map.of("csrf", web.csrf("/manage"), "domain", "knot-shop.test"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"remove-domain-error\"").contains("knot-shop.test is not served by NS-Global.");
    }
}
