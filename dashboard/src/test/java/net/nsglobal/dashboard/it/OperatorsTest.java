package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.operator.OperatorSettings;
import net.nsglobal.control.operator.Operators;
import net.nsglobal.control.store.SqlOperatorStore;
import net.nsglobal.dashboard.web.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators' log-in, sessions and API tokens over real HTTP, on the control plane's real PostgreSQL: the guards of
 * {@code /ops} and {@code /api/v1/ops/...}, the session cookie's flags, the log-in limits, disabling and revoking.
 * Each test uses its own operator names, so the order does not matter.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OperatorsTest {
    static final String UNDELEGATED = "/api/v1/ops/undelegated";
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

    private static List<String> opsCookies(HttpResponse<?> r) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("nsg_ops=")).toList();
    }

    @Test
    void withoutASessionOpsPagesRedirectToTheLogInAndTheApiAnswers401() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> home = web.get("/ops");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.headers().firstValue("location")).hasValue("/ops/login");
        HttpResponse<String> api = web.get(UNDELEGATED);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("www-authenticate")).get().asString().startsWith("Bearer");
        assertThat(api.body()).contains("\"error\"");
        // A forged or malformed cookie is no session either.
        HttpResponse<String> forged = web.get("/ops", "Cookie", "nsg_ops=" + "A".repeat(43));
        assertThat(forged.statusCode()).isEqualTo(303);
        // The log-in form itself is open, with the strict CSP (no script).
        HttpResponse<String> form = web.get("/ops/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("content-security-policy")).hasValue(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'");
        assertThat(form.body()).doesNotContain("<script");
    }

    @Test
    void aWrongPasswordIs401AndSetsNoSessionCookie() throws Exception {
        h.plane.operators().add("wrong-pw", "the-right-password");
        Http web = new Http(h.url());
        HttpResponse<String> r = web.logIn("wrong-pw", "not-the-password");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Wrong name or password.");
        assertThat(opsCookies(r)).isEmpty();
        assertThat(web.get("/ops").statusCode()).isEqualTo(303);
        // An unknown name gets the very same answer.
        HttpResponse<String> unknown = web.logIn("nobody-here", "not-the-password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("Wrong name or password.");
        assertThat(opsCookies(unknown)).isEmpty();
    }

    @Test
    void aLogInSetsAStrictHttpOnlyCookieForOpsOnlyWhichLogOutEnds() throws Exception {
        h.plane.operators().add("alice", "alice-password-1");
        Http web = new Http(h.url());
        HttpResponse<String> r = web.logIn("alice", "alice-password-1");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue("/ops");
        List<String> set = opsCookies(r);
        assertThat(set).hasSize(1);
        String cookie = set.get(0);
        assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Strict")
                .contains("; Path=/ops").contains("Max-Age=43200") // the session lifetime, 12 h
                .doesNotContainIgnoringCase("Secure"); // the public URL is http here
        HttpResponse<String> home = web.get("/ops");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Logged in as <strong>alice</strong>");
        assertThat(home.headers().firstValue("cache-control")).hasValue("no-store");
        // The session also opens the operators' API (for a client that sends the cookie there).
        String id = cookie.substring("nsg_ops=".length(), cookie.indexOf(';'));
        assertThat(web.get(UNDELEGATED, "Cookie", "nsg_ops=" + id).statusCode()).isEqualTo(200);

        // Only the session id's SHA-256 is stored.
        byte[] stored = h.plane.jdbi().withHandle(x -> x.createQuery("select id_hash from operator_session s join "
                + "operator o on o.id = s.operator_id where o.name = 'alice'").mapTo(byte[].class).one());
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));

        // Log-out needs the form's CSRF token, ends the session server-side and clears the cookie.
        assertThat(web.post("/ops/logout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        String csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(home.body())
                .results().findFirst().orElseThrow().group(1);
        HttpResponse<String> out = web.post("/ops/logout", Map.of("csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(opsCookies(out)).singleElement().asString().startsWith("nsg_ops=;")
                .contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT").contains("; Path=/ops");
        assertThat(web.get("/ops", "Cookie", "nsg_ops=" + id).statusCode()).isEqualTo(303);
    }

    @Test
    void theLogInFormNeedsTheCsrfToken() throws Exception {
        h.plane.operators().add("csrf-op", "csrf-op-password");
        Http web = new Http(h.url());
        web.get("/ops/login"); // the CSRF cookie, but no field
        HttpResponse<String> r = web.post("/ops/login", Map.of("name", "csrf-op", "password", "csrf-op-password"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(opsCookies(r)).isEmpty();
    }

    @Test
    void theStoredPasswordHashIsArgon2id() {
        h.plane.operators().add("hash-check", "hash-check-password");
        String hash = h.plane.jdbi().withHandle(x -> x.createQuery(
                "select password_hash from operator where name = 'hash-check'").mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$v=19$").doesNotContain("hash-check-password");
    }

    /** The sixth attempt for one name is refused unchecked, even with the right password (default: 5 failures). */
    @Test
    void afterFiveFailuresForANameTheSixthAttemptIsLimited() throws Exception {
        h.plane.operators().add("bob", "bob-password-123");
        Http web = new Http(h.url());
        for (int i = 0; i < 5; i++) assertThat(web.logIn("bob", "wrong-" + i).statusCode()).isEqualTo(401);
        HttpResponse<String> sixth = web.logIn("bob", "bob-password-123");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many failed log-ins");
        assertThat(sixth.headers().firstValue("retry-after")).hasValue("900");
        assertThat(opsCookies(sixth)).isEmpty();
        // Another operator is not affected.
        h.plane.operators().add("bob2", "bob2-password-12");
        assertThat(new Http(h.url()).logIn("bob2", "bob2-password-12").statusCode()).isEqualTo(303);
    }

    /**
     * A second web app over the same control plane, with an https public URL and tiny per-client limits: the cookie
     * is Secure, and one client network is limited whatever names it tries.
     */
    @Test
    void overHttpsTheCookieIsSecureAndOneClientIsLimitedAcrossNames() throws Exception {
        Operators ops = new Operators(new SqlOperatorStore(h.plane.jdbi()), new OperatorSettings(Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofMinutes(15), 3, 100, true), Clock.systemUTC());
        ControlPlaneConfig b = h.config;
        ControlPlaneConfig c = new ControlPlaneConfig("https://ops.nsglobal.test",
                new java.net.InetSocketAddress("127.0.0.1", 0), b.db(), dir, b.resolver(), b.smtp(), b.allowList(),
                b.ownPrefixes(), b.nsNames(), b.collector(), b.edges(), b.catalog(), b.limits(), b.signup(),
                b.operators(), b.demoMailbox());
        ops.add("secure-op", "secure-op-password");
        try (WebApp web = new WebApp(c, h.plane.signups(), h.plane.confirms(), h.plane.statuses(), null,
                h.plane.proofs(), ops).start()) {
            Http client = new Http(web.url());
            HttpResponse<String> in = client.logIn("secure-op", "secure-op-password");
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(opsCookies(in)).singleElement().asString().containsIgnoringCase("; Secure");
            for (int i = 0; i < 3; i++) assertThat(client.logIn("guess-" + i, "guess").statusCode()).isEqualTo(401);
            assertThat(client.logIn("secure-op", "secure-op-password").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void aDisabledOperatorsSessionAndTokenStopAtOnceAndItCannotLogIn() throws Exception {
        String token = h.operatorToken("dave", "dave-password-1");
        Http web = new Http(h.url());
        assertThat(web.logIn("dave", "dave-password-1").statusCode()).isEqualTo(303);
        assertThat(web.get("/ops").statusCode()).isEqualTo(200);
        assertThat(new Http(h.url()).getBearer(UNDELEGATED, token).statusCode()).isEqualTo(200);

        h.plane.operators().disable("dave");

        assertThat(web.get("/ops").statusCode()).isEqualTo(303);
        HttpResponse<String> api = new Http(h.url()).getBearer(UNDELEGATED, token);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("www-authenticate")).get().asString().contains("invalid_token");
        HttpResponse<String> again = new Http(h.url()).logIn("dave", "dave-password-1");
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("The operator dave is disabled.");
        assertThat(opsCookies(again)).isEmpty();
    }

    @Test
    void aBearerTokenIsAcceptedUntilRevoked() throws Exception {
        String token = h.operatorToken("erin", "erin-password-12");
        Http api = new Http(h.url());
        HttpResponse<String> ok = api.getBearer(UNDELEGATED, token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("{\"zones\":[");
        assertThat(ok.headers().firstValue("cache-control")).hasValue("no-store");
        // Stored hashed: the token itself is nowhere in the table.
        long clear = h.plane.jdbi().withHandle(x -> x.createQuery(
                "select count(*) from api_token where encode(token_hash, 'escape') like '%' || :t || '%'")
                .bind("t", token).mapTo(Long.class).one());
        assertThat(clear).isZero();
        assertThat(api.getBearer(UNDELEGATED, token.substring(1) + "A").statusCode()).isEqualTo(401);
        assertThat(api.get(UNDELEGATED, "Authorization", "Basic " + token).statusCode()).isEqualTo(401);

        h.plane.operators().revokeToken("erin-token");

        assertThat(api.getBearer(UNDELEGATED, token).statusCode()).isEqualTo(401);
    }
}
