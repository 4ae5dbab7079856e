package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Tsig;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page's lag diagnosis against a real Knot primary that allows transfers only with TSIG: the control plane
 * asks it (SOA and AXFR) with the zone's key, as the collector does, so a correctly keyed zone does not look broken, an
 * unkeyed one is told to give us the key, a wrong secret is refused at sign-up/change, and a secret rotated on the
 * primary alone shows as "TSIG rejected (BADSIG)". The collector is a second Knot serving older serials (it lags).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusTsigTest {
    static final String SIGNED = "signed-shop.test";
    static final String BARE = "bare-shop.test";
    static final Tsig SIGNED_KEY = new Tsig("signed-xfr", "hmac-sha256",
            "c2lnbmVkLXNob3AtdHJhbnNmZXIta2V5LWZvci10ZXN0cw==");
    static final Tsig BARE_KEY = new Tsig("bare-xfr", "hmac-sha384",
            "YmFyZS1zaG9wLXRyYW5zZmVyLWtleS1mb3ItdGVzdHM=");
    static final String WRONG = "d3Jvbmctc2VjcmV0LWZvci10aGUtYmFyZS1zaG9wLWtleQ==";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static Knot staleCollector;
    static Harness h;
    static int mails;

    @BeforeAll
    static void start() throws Exception {
        staleCollector = Primaries.knot(dir.resolve("collector"), Map.of(SIGNED, zone(SIGNED, 1), BARE, zone(BARE, 1)),
                List.of());
        String roomy = "{per-client-ip: 1000, per-client-site: 3000, per-domain: 100, per-rname: 100, max-pending: 1000}";
        h = new Harness(dir, roomy, Map.of(SIGNED, zone(SIGNED, 2), BARE, zone(BARE, 2)),
                Map.of(SIGNED, SIGNED_KEY, BARE, BARE_KEY), staleCollector.address());
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
        if (staleCollector != null) staleCollector.close();
    }

    @Test @Order(1)
    void aPrimaryRequiringTsigIsAskedWithTheZonesKeyAndDoesNotLookBroken() throws Exception {
        confirm(new Http(h.url()).postJson("/api/v1/signups", TsigKeyNameTest.json(SIGNED, h.knot.hostPort(),
                SIGNED_KEY.name(), SIGNED_KEY.algorithm(), SIGNED_KEY.secret())), SIGNED);
        JsonNode s = status(SIGNED);
        assertThat(s.at("/primaries/0/serial").asLong()).as(s.toString()).isEqualTo(2);
        assertThat(s.at("/primaries/0/problem").isNull()).as(s.toString()).isTrue();
        assertThat(s.at("/collector/serial").asLong()).as("the collector lags").isEqualTo(1);
        assertThat(s.get("lastError").isNull()).as("the primary gives us the zone with the key: " + s).isTrue();
    }

    @Test @Order(2)
    void aZoneSignedUpWithoutTheKeyIsToldToGiveItToUs() throws Exception {
        Http web = new Http(h.url());
        confirm(web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", BARE, "primary", h.knot.hostPort())), BARE);
        JsonNode s = status(BARE);
        assertThat(s.at("/primaries/0/serial").asLong()).as("Knot answers unsigned queries").isEqualTo(2);
        assertThat(s.at("/lastError/error").asText()).isEqualTo("NOTAUTH by primary 1 (zone transfer)");
        assertThat(s.at("/lastError/fix").asText()).contains("Allow AXFR and IXFR of " + BARE)
                .contains("If your primary allows transfers only with a TSIG key, give us that key");
    }

    @Test @Order(3)
    void aWrongSecretIsRefusedAndTheRightKeyClearsTheDiagnosis() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> wrong = change(web, BARE, BARE_KEY.name(), BARE_KEY.algorithm(), WRONG);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"primary-0-error\"")
                .contains("did not accept our query signed with your TSIG key (BADSIG)");
        assertThat(h.mail.getReceivedMessages()).as("nothing mailed").hasSize(mails);

        confirm(change(web, BARE, BARE_KEY.name(), BARE_KEY.algorithm(), BARE_KEY.secret()), BARE);
        JsonNode s = awaitStatus(BARE, j -> j.get("lastError").isNull());
        assertThat(s.get("lastError").isNull()).as("the verdict from before the change is gone: " + s).isTrue();
        assertThat(s.at("/primaries/0/serial").asLong()).isEqualTo(2);
    }

    @Test @Order(4)
    void aSecretRotatedOnlyOnThePrimaryShowsAsTsigRejected() throws Exception {
        Primaries.changeSecret(h.knot, SIGNED_KEY, WRONG);
        JsonNode s = awaitStatus(SIGNED, j -> j.at("/primaries/0/problem").asText().equals("TSIG BADSIG"));
        assertThat(s.at("/primaries/0/problem").asText()).as(s.toString()).isEqualTo("TSIG BADSIG");
        assertThat(s.at("/lastError/error").asText()).isEqualTo("TSIG rejected by primary 1 (BADSIG)");
        assertThat(s.at("/lastError/fix").asText()).contains("TSIG key name, algorithm and secret");
        assertThat(s.toString()).doesNotContain(SIGNED_KEY.secret()).doesNotContain(WRONG);
    }

    private static HttpResponse<String> change(Http web, String zone, String key, String alg, String secret) throws Exception {
        return web.post("/manage/change", Map.of("csrf", web.csrf("/manage"), "domain", zone,
                "primary", List.of(h.knot.hostPort(), ""), "tsigName", key, "tsigAlgorithm", alg, "tsigSecret", secret));
    }

    private static jakarta.mail.internet.MimeMessage awaitNext(String zone) throws Exception {
        mails++;
        return h.awaitNextMailTo("hostmaster@" + zone);
    }

    private static void confirm(HttpResponse<String> request, String zone) throws Exception {
        assertThat(request.statusCode()).as(request.body()).isIn(200, 202);
        String path = Harness.confirmPath(Harness.body(awaitNext(zone)));
        Http web = new Http(h.url());
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);
    }

    private static JsonNode status(String zone) throws Exception {
        HttpResponse<String> r = new Http(h.url()).get("/api/v1/zones/" + zone);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The status once {@code until} holds, or the last one after 10 s (the page caches answers for 2 s). */
    private static JsonNode awaitStatus(String zone, java.util.function.Predicate<JsonNode> until) throws Exception {
        JsonNode[] s = {status(zone)};
        Wait.holds(Duration.ofSeconds(10), () -> until.test(s[0] = status(zone)));
        return s[0];
    }

    static String zone(String name, long serial) {
        return Harness.zone(name, "hostmaster." + name + ".", serial);
    }
}
