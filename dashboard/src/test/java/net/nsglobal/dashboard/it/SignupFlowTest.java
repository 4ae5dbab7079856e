package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.signup.Tokens;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sign-up flow against real parts: Knot as the customer's primary, GreenMail as the SMTP server, the
 * embedded PostgreSQL, the catalog served by DNS. Each test uses its own zone so order does not matter.
 */
class SignupFlowTest {
    @TempDir static Path dir;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
    }

    private HttpResponse<String> signUp(Http web, String domain, Object primaries) throws Exception {
        String csrf = web.csrf("/");
        return web.post("/signup", Map.of("csrf", csrf, "domain", domain, "primary", primaries));
    }

    @Test
    void signUpMailsTheRnameAndOnlyThePostConfirms() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> sent = signUp(web, Harness.SHOP, List.of(h.knot.hostPort(), "", "", ""));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("h…r@knot-shop.test").contains("Allow zone transfers (AXFR and IXFR) from 127.0.0.1");

        MimeMessage mail = h.awaitMailTo("hostmaster@knot-shop.test", 1);
        String path = Harness.confirmPath(Harness.body(mail));
        assertThat(mail.getSubject()).isEqualTo("Confirm secondary DNS for knot-shop.test");

        HttpResponse<String> preview = web.get(path);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Serve knot-shop.test from <span class=\"nowrap\">NS-Global</span>?").contains(h.knot.hostPort())
                .contains("<button type=\"submit\"");
        web.get(path); // a prefetching mail scanner: GETs never confirm
        assertThat(h.catalogMembers()).doesNotContain("knot-shop.test");

        String csrf = web.csrf(path);
        HttpResponse<String> done = web.post(path, Map.of("csrf", csrf));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/zones/knot-shop.test?confirmed=1");
        assertThat(h.catalogMembers()).contains("knot-shop.test");

        HttpResponse<String> again = web.post(path, Map.of("csrf", csrf));
        assertThat(again.statusCode()).as("single use").isEqualTo(404);

        HttpResponse<String> status = web.get("/zones/knot-shop.test?confirmed=1");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("Confirmed").contains("2024010101").contains("Site lab1")
                .contains("the zone's NS records list all our name servers (its parent could not be asked)");
    }

    @Test
    void escapedDotInRnameBecomesALocalPartDot() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> sent = signUp(web, "JOHN-DOE.test.", h.knot.hostPort());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("j…e@john-doe.test");
        MimeMessage m = h.awaitMailTo("john.doe@john-doe.test", 1);
        assertThat(m.getAllRecipients()).hasSize(1);
    }

    @Test
    void invalidInputIsShownNextToTheFieldAndNothingIsStoredOrMailed() throws Exception {
        Http web = new Http(h.url());
        int mails = h.mail.getReceivedMessages().length;
        int pending = h.pendingCount();

        HttpResponse<String> bad = signUp(web, "exa mple..com", List.of("10.1.2.3", "10.1.2.3", "not-an-ip", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("aria-describedby=\"domain-hint domain-error\"").contains("id=\"domain-error\"")
                .contains("10.1.2.3 is a private address").contains("id=\"primary-0-error\"")
                .contains("is not an IP address").contains("id=\"primary-2-error\"")
                .contains("href=\"#primary-0\"");

        HttpResponse<String> dup = signUp(web, Harness.LOCKED, List.of("198.51.100.7", "198.51.100.7:53"));
        assertThat(dup.body()).contains("is a documentation address"); // RFC 5737 space, refused
        HttpResponse<String> dup2 = signUp(web, Harness.LOCKED, List.of(h.knot.hostPort(), h.knot.hostPort()));
        assertThat(dup2.statusCode()).isEqualTo(400);
        assertThat(dup2.body()).contains("is listed twice");

        HttpResponse<String> unknown = signUp(web, "not-served-here.test", h.knot.hostPort());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Looking up the SOA of not-served-here.test failed: REFUSED");

        HttpResponse<String> xss = signUp(web, "<script>alert(1)</script>", h.knot.hostPort());
        assertThat(xss.body()).doesNotContain("<script>alert(1)").contains("value=\"&lt;script");

        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
        assertThat(h.pendingCount()).isEqualTo(pending);
    }

    @Test
    void whenTheRelayRefusesNothingIsStored() throws Exception {
        int deadPort = FreePorts.tcpUdp(); // nothing listens: the SMTP connection is refused
        int http = FreePorts.tcpUdp();
        ControlPlaneConfig broken = ControlPlaneConfig.parse(
                Harness.configYaml(http, dir.resolve("relay-down"), h.config.resolver(), deadPort), dir);
        try (net.nsglobal.control.ControlPlane p = net.nsglobal.control.ControlPlane.start(broken, null, null);
             net.nsglobal.dashboard.web.WebApp web = net.nsglobal.dashboard.web.WebApp.serve(p, null)) {
            HttpResponse<String> r = new Http(web.url()).postJson("/api/v1/signups",
                    "{\"domain\":\"john-doe.test\",\"primaries\":[\"" + h.knot.hostPort() + "\"]}");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("nothing was saved");
            assertThat(p.repository().countPending()).isZero();
        }
    }

    @Test
    void formsWithoutTheCsrfTokenAreRejected() throws Exception {
        Http web = new Http(h.url());
        int mails = h.mail.getReceivedMessages().length;
        HttpResponse<String> r = web.post("/signup", Map.of("domain", Harness.LOCKED, "primary", h.knot.hostPort()));
        assertThat(r.statusCode()).isEqualTo(403);
        web.get("/"); // has the cookie now, but a forged form does not know the value
        HttpResponse<String> forged = web.post("/signup", Map.of("csrf", "x".repeat(32), "domain", Harness.LOCKED,
                "primary", h.knot.hostPort()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        Http web = new Http(h.url());
        String csrf = web.csrf("/");
        HttpResponse<String> r = web.post("/signup", Map.of("csrf", csrf, "domain", "a".repeat(40_000),
                "primary", h.knot.hostPort()));
        assertThat(r.statusCode()).isEqualTo(413);
        HttpResponse<String> api = web.postJson("/api/v1/signups", "{\"domain\":\"" + "b".repeat(40_000) + "\"}");
        assertThat(api.statusCode()).isEqualTo(413);
    }

    @Test
    void refusedTransferIsExplainedOnTheStatusPage() throws Exception {
        Http web = new Http(h.url());
        assertThat(signUp(web, Harness.LOCKED, h.knot.hostPort()).statusCode()).isEqualTo(200);
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("hostmaster@locked.test", 1)));
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);
        HttpResponse<String> status = web.get("/zones/locked.test");
        assertThat(status.body()).contains("NOTAUTH by primary 1 (zone transfer)")
                .contains("Allow AXFR and IXFR of locked.test from 127.0.0.1.")
                .doesNotContain("hostmaster"); // the mailbox is not a public fact
    }

    @Test
    void tokensAreLongRandomStoredHashedAndExpire() throws Exception {
        String t = Tokens.newToken();
        assertThat(t).matches("[A-Za-z0-9_-]{43}"); // 32 bytes = 256 bits
        assertThat(Tokens.newToken()).isNotEqualTo(t);

        Http web = new Http(h.url());
        assertThat(signUp(web, Harness.CHANGE, h.knot.hostPort()).statusCode()).isEqualTo(200);
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("owner@change-shop.test", 1)));
        String token = path.substring("/confirm/".length());
        // The database holds the SHA-256 only: no column contains the token text.
        String dump = h.plane.jdbi().withHandle(x -> x.createQuery(
                "select string_agg(p::text, '|') from pending_request p").mapTo(String.class).one());
        assertThat(dump).doesNotContain(token);
        int byHash = h.plane.jdbi().withHandle(x -> x.createQuery(
                "select count(*) from pending_request where token_hash = :h").bind("h", Tokens.hash(token))
                .mapTo(Integer.class).one());
        assertThat(byHash).isEqualTo(1);
        // 24 h later (moved back in the database): the link is dead.
        h.plane.jdbi().useHandle(x -> x.createUpdate(
                "update pending_request set expires_at = now() - interval '1 second' where token_hash = :h")
                .bind("h", Tokens.hash(token)).execute());
        assertThat(web.get(path).statusCode()).isEqualTo(404);
        assertThat(web.post(path, Map.of("csrf", web.csrf("/"))).statusCode()).isEqualTo(404);
        assertThat(h.catalogMembers()).doesNotContain("change-shop.test");
    }

    @Test
    void theTxtProofIsOffUnlessConfigured() throws Exception {
        Http web = new Http(h.url());
        int pending = h.pendingCount();
        HttpResponse<String> r = web.postJson("/api/v1/signups",
                "{\"domain\":\"" + Harness.API + "\",\"primaries\":[\"" + h.knot.hostPort() + "\"],\"proof\":\"txt\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The TXT-record proof is not offered here");
        assertThat(web.get("/").body()).doesNotContain("_nsglobal-challenge");
        assertThat(h.pendingCount()).isEqualTo(pending);
    }
}
