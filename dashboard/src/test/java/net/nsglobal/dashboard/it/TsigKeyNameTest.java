package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Tsig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * TSIG key names are global on the collector (one secret per name) and part of every MAC (RFC 8945 §4.3.3), so a
 * second zone naming a key the same with another secret or algorithm is refused at sign-up (API 422, form 422 with the
 * message under the key-name field), on a change, and at confirmation when the name was taken meanwhile; the very same
 * key may be shared. Real parts: Knot primaries that know the keys (they check the signed SOA query), GreenMail, the
 * control plane with its embedded PostgreSQL. Ordered: each step builds on the zones confirmed before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TsigKeyNameTest {
    static final String A = "clash-a.test";
    static final String B = "clash-b.test";
    static final String C = "race-c.test";
    static final String D = "race-d.test";
    static final String S1 = "dHJhbnNmZXIta2V5LXNlY3JldC1vbmUtZm9yLXRlc3Rz";
    static final String S2 = "dHJhbnNmZXIta2V5LXNlY3JldC10d28tZm9yLXRlc3Rz";
    static final Tsig TRANSFER_KEY = new Tsig("transfer-key", "hmac-sha256", S1);
    static final Tsig RACE_C = new Tsig("race-key", "hmac-sha256",
            "cmFjZS1rZXktc2VjcmV0LW9mLXpvbmUtYy1mb3ItdGVzdHM=");
    static final Tsig RACE_D = new Tsig("race-key", "hmac-sha256",
            "cmFjZS1rZXktc2VjcmV0LW9mLXpvbmUtZC1mb3ItdGVzdHM=");

    @TempDir static Path dir;
    static Harness h;
    /** D's own primary: another customer's Knot, knowing race-key with D's secret. */
    static Knot otherPrimary;
    static int mails;

    @BeforeAll
    static void start() throws Exception {
        String roomy = "{per-client-ip: 1000, per-client-site: 3000, per-domain: 100, per-rname: 100, max-pending: 1000}";
        h = new Harness(dir, roomy, Map.of(A, zone(A), B, zone(B), C, zone(C), D, zone(D)),
                Map.of(A, TRANSFER_KEY, B, TRANSFER_KEY, C, RACE_C), null);
        otherPrimary = Primaries.knot(dir.resolve("other"), Map.of(D, zone(D)), List.of(), Map.of(D, RACE_D));
    }

    @AfterAll
    static void stop() throws Exception {
        if (otherPrimary != null) otherPrimary.close();
        if (h != null) h.close();
    }

    @Test @Order(1)
    void apiRefusesAKeyNameAnotherZoneUsesWithAnotherSecret() throws Exception {
        signUpAndConfirm(A, h.knot.hostPort(), "transfer-key", "hmac-sha256", S1);

        Http api = new Http(h.url());
        HttpResponse<String> other = api.postJson("/api/v1/signups", json(B, h.knot.hostPort(), "transfer-key", "hmac-sha256", S2));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(other.body()).contains("\"errors\":{\"tsig.name\":\"The TSIG key name transfer-key is already used")
                .contains("RFC 8945 §4.3.3").contains("nsglobal-xfr.clash-b.test").doesNotContain(A);
        HttpResponse<String> otherAlgorithm = api.postJson("/api/v1/signups",
                json(B, h.knot.hostPort(), "Transfer-Key.", "hmac-sha512", S1));
        assertThat(otherAlgorithm.statusCode()).as("same name and secret, another algorithm").isEqualTo(422);
        assertThat(otherAlgorithm.body()).contains("\"tsig.name\"");

        HttpResponse<String> ours = api.postJson("/api/v1/signups",
                json(B, h.knot.hostPort(), "edge-key.nsglobal.test", "hmac-sha256", S1));
        assertThat(ours.statusCode()).as("under our NS names' domain: the collector's own keys").isEqualTo(400);
        assertThat(ours.body()).contains("\"tsig.name\":\"Key names under nsglobal.test are reserved for NS-Global");

        assertThat(h.pendingCount()).as("nothing stored").isZero();
        assertThat(h.mail.getReceivedMessages()).as("nothing mailed").hasSize(mails);
    }

    @Test @Order(2)
    void formShowsTheRefusalUnderTheKeyNameField() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> r = web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", B, "primary", h.knot.hostPort(),
                "tsigName", "transfer-key", "tsigAlgorithm", "hmac-sha256", "tsigSecret", S2));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("href=\"#tsig-name\"")
                .contains("id=\"tsig-name-error\"")
                .contains("The TSIG key name transfer-key is already used at NS-Global by another zone")
                .contains("nsglobal-xfr.clash-b.test");
        assertThat(h.pendingCount()).isZero();
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
    }

    @Test @Order(3)
    void theVerySameKeyMayBeShared() throws Exception {
        signUpAndConfirm(B, h.knot.hostPort(), "TRANSFER-KEY.", "hmac-sha256", S1);
        assertThat(h.plane.repository().zone(B).map(ZoneEntry::tsigName)).hasValue("transfer-key");
        String keys = Files.readString(h.config.collector().keysFile());
        assertThat(keys.split("name: \"?transfer-key", -1)).as("one entry for the shared key").hasSize(2);
    }

    @Test @Order(4)
    void aChangeCannotGiveASharedNameAnotherSecret() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> r = web.post("/manage/change", Map.of("csrf", web.csrf("/manage"), "domain", B,
                "primary", List.of(h.knot.hostPort(), ""), "tsigName", "transfer-key", "tsigAlgorithm", "hmac-sha256",
                "tsigSecret", S2));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"tsig-name-error\"").contains("is already used at NS-Global by another zone");
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
    }

    @Test @Order(5)
    void confirmingAfterTheNameWasTakenMeanwhileChangesNothing() throws Exception {
        Http api = new Http(h.url());
        // Two owners ask for race-key with different secrets; both pass (the name is free when they ask).
        assertThat(api.postJson("/api/v1/signups", json(C, h.knot.hostPort(), RACE_C.name(), "hmac-sha256",
                RACE_C.secret())).statusCode()).isEqualTo(202);
        String pathC = Harness.confirmPath(Harness.body(awaitNext(C)));
        assertThat(api.postJson("/api/v1/signups", json(D, otherPrimary.hostPort(), RACE_D.name(), "hmac-sha256",
                RACE_D.secret())).statusCode()).isEqualTo(202);
        String pathD = Harness.confirmPath(Harness.body(awaitNext(D)));

        Http web = new Http(h.url());
        assertThat(web.post(pathC, Map.of("csrf", web.csrf(pathC))).statusCode()).isEqualTo(303);
        long serial = h.catalog().current().serial();
        HttpResponse<String> preview = web.get(pathD);
        assertThat(preview.statusCode()).as("the link's page says so before any button").isEqualTo(409);
        assertThat(preview.body()).contains("TSIG key name taken").doesNotContain("<button");
        HttpResponse<String> late = web.post(pathD, Map.of("csrf", web.csrf("/")));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("TSIG key name taken").contains("Nothing was changed")
                .contains("nsglobal-xfr.race-d.test");

        assertThat(h.plane.repository().zone(D)).isEmpty();
        assertThat(h.catalogMembers()).containsExactly(A, B, C);
        assertThat(h.catalog().current().serial()).isEqualTo(serial);
        assertThat(Files.readString(h.config.collector().keysFile())).contains(RACE_C.secret()).doesNotContain(RACE_D.secret());
    }

    private static jakarta.mail.internet.MimeMessage awaitNext(String zone) throws Exception {
        mails++;
        return h.awaitNextMailTo("hostmaster@" + zone);
    }

    private static void signUpAndConfirm(String zone, String primary, String key, String alg, String secret)
            throws Exception {
        Http api = new Http(h.url());
        HttpResponse<String> r = api.postJson("/api/v1/signups", json(zone, primary, key, alg, secret));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String path = Harness.confirmPath(Harness.body(awaitNext(zone)));
        Http web = new Http(h.url());
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);
    }

    static String json(String zone, String primary, String key, String alg, String secret) {
        return "{\"domain\":\"" + zone + "\",\"primaries\":[\"" + primary + "\"],\"tsig\":{\"name\":\"" + key
                + "\",\"algorithm\":\"" + alg + "\",\"secret\":\"" + secret + "\"}}";
    }

    static String zone(String name) {
        return Harness.zone(name, "hostmaster." + name + ".", 2026112700);
    }
}
