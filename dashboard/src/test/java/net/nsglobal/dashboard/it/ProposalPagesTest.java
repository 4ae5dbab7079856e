package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.MovedNetwork;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.testkit.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proposals' operator pages and JSON API over real HTTP, on a real {@link ProposalService} and PostgreSQL store
 * (the control plane's database) with a recording applier, and the operators of a real control plane.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProposalPagesTest {
    static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    static final String HOSTILE = "<script>x</script> & \"co\"";

    @TempDir static Path dir;
    static Harness h;
    static WebApp web, none;
    static String token;
    static ProposalService service;
    static final AtomicReference<Proposal.Basis> current = new AtomicReference<>(new Proposal.Basis(41, 3));
    static final List<String> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
        token = h.operatorToken("observer", "observer-password");
        ChangeApplier recording = (site, knobs) -> {
            applied.add(site);
            return new ChangeApplier.Outcome.Applied("bird reconfigured");
        };
        service = new ProposalService(PostgresProposalStore.open(h.plane.database()), recording, current::get,
                LifecycleSettings.defaults(), Clock.systemUTC());
        ControlPlaneConfig b = h.config;
        ControlPlaneConfig c = new ControlPlaneConfig(b.publicUrl(), new java.net.InetSocketAddress("127.0.0.1", 0), b.db(),
                b.dataDir(), b.resolver(), b.smtp(), b.allowList(), b.ownPrefixes(), b.nsNames(), b.collector(),
                b.edges(), b.catalog(), b.limits(), b.signup(), b.operators(), b.demoMailbox());
        web = new WebApp(c, h.plane.signups(), h.plane.confirms(), h.plane.statuses(), null, h.plane.proofs(),
                h.plane.operators(), Optional.empty(), null, Optional.of(service)).start();
        none = ObservatoryWeb.start(h, Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebApp w : new WebApp[]{web, none}) if (w != null) w.close();
        if (h != null) h.close();
    }

    static Knobs knobs(int prepend) {
        Map<String, Knobs.Session> m = new LinkedHashMap<>();
        m.put("ntt", new Knobs.Session(true, prepend, List.of(new Community(2914, 429, 0, false))));
        m.put("cogent", new Knobs.Session(true, 0, List.of()));
        return new Knobs(m);
    }

    static RegionSummary region(String key, double p90, double optimal) {
        return new RegionSummary(key, 4, Map.of("ams1", 0.5, "nrt1", 0.5), 10, 40, 2, p90, optimal);
    }

    static CatchmentSnapshot round(long id, Instant t, String jpSite, double p90) {
        List<ProbeRound> probes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            probes.add(new ProbeRound(i, 64500L, "JP", "AS", 35, 139, jpSite, 20, "nrt1", 5, 15, false, false, false));
        }
        return new CatchmentSnapshot(id, t, probes, List.of(region("ALL", p90, 0.5), region("AS", 150, 0)), List.of(),
                List.of(), List.of(), 0);
    }

    /** A fresh proposal for {@code site} computed from the current round (prepend 0 → 2 towards ntt). */
    static Proposal submit(String site) {
        Proposal.Basis basis = current.get();
        Candidate c = new Candidate(Map.of(site, knobs(2)), List.of(region("ALL", 80, 0.5), region("AS", 150, 0)),
                List.of(region("ALL", 20, 1.0), region("AS", 10, 1.0)),
                List.of(new MovedNetwork(64500, "JP", 3, "ams1", "nrt1")), List.of("NTT in JP prefers nrt1 " + HOSTILE),
                0.875, 7);
        return service.submit(c, basis, round(basis.roundId(), T0, "ams1", 80), Map.of(site, knobs(0)));
    }

    static Http loggedIn() throws Exception {
        Http http = new Http(web.url());
        assertThat(http.logIn("observer", "observer-password").statusCode()).isEqualTo(303);
        return http;
    }

    static ProposalState state(Proposal p) { return service.find(p.id()).orElseThrow().state(); }

    @Test
    void theListAndDetailShowTheFiguresTheMovedNetworksTheDiffAndTheHistory() throws Exception {
        Proposal p = submit("ams1");
        Http http = loggedIn();
        HttpResponse<String> list = http.get("/ops/te/proposals");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<tr data-proposal=\"" + p.id() + "\"><td><a href=\"/ops/te/proposals/" + p.id() + "\">")
                .contains("Auto-apply of low-risk proposals is <strong>off</strong>");

        String d = http.get("/ops/te/proposals/" + p.id()).body();
        // before, predicted, measured (not yet) for p90 inflation, then for the share at the optimal site
        assertThat(section(d, "id=\"regions\"", "</table>").replaceAll("\\s+", "")).contains("<trdata-region=\"ALL\"><td>ALL</td>"
                + "<td>80.0</td><td>20.0</td><td>—</td><td>50.0%</td><td>100.0%</td><td>—</td>");
        assertThat(section(d, "id=\"moved\"", "</table>")).contains("<td>AS64500</td><td>JP</td><td>3</td><td>ams1</td><td>nrt1</td>");
        assertThat(section(d, "id=\"diff\"", "</pre>")).contains("ams1 ntt: prepend 0 → 2").doesNotContain("cogent"); // unchanged sessions are not listed
        assertThat(d).contains("87.5% (7 experiments)").contains("not verified yet");
        assertThat(section(d, "id=\"audit\"", "</table>")).contains("<td>te-engine</td><td>proposed</td>");
        // The optimizer's words are text, not markup.
        assertThat(d).doesNotContain("<script>x").contains("&lt;script&gt;x&lt;/script&gt; &amp; \"co\"");
        assertThat(http.get("/ops/te/proposals/999999").statusCode()).isEqualTo(404);
        assertThat(http.get("/ops/te/proposals/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void approvalNeedsTheFormsCsrfTokenAndIsLoggedWithTheSessionsOperator() throws Exception {
        Proposal p = submit("nrt1");
        Http http = loggedIn();
        String page = http.get("/ops/te/proposals/" + p.id()).body();
        String csrf = csrf(page);
        assertThat(page).contains("action=\"/ops/te/proposals/" + p.id() + "/approve\"");

        assertThat(http.post("/ops/te/proposals/" + p.id() + "/approve", Map.of("csrf", "forged", "reason", "ok"))
                .statusCode()).isEqualTo(403);
        assertThat(state(p)).isEqualTo(ProposalState.PROPOSED);

        HttpResponse<String> ok = http.post("/ops/te/proposals/" + p.id() + "/approve",
                Map.of("csrf", csrf, "reason", "JP users to Tokyo", "operator", "someone-else"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(state(p)).isEqualTo(ProposalState.APPROVED);
        Proposal.AuditEntry decision = service.find(p.id()).orElseThrow().decision().orElseThrow();
        assertThat(decision.who()).isEqualTo("observer");
        assertThat(decision.reason()).isEqualTo("JP users to Tokyo");
        String after = http.get(ok.headers().firstValue("location").orElseThrow()).body();
        assertThat(after).contains("Done: approved.").contains("<td>observer</td><td>approved</td><td>JP users to Tokyo</td>")
                .doesNotContain("id=\"decide\"");

        // Without a session: to the log-in, and nothing is decided.
        Proposal q = submit("syd1");
        Http anon = new Http(web.url());
        assertThat(anon.post("/ops/te/proposals/" + q.id() + "/approve", Map.of("csrf", anon.csrf("/ops/login"),
                "reason", "x")).statusCode()).isEqualTo(303);
        assertThat(anon.get("/ops/te/proposals").headers().firstValue("location")).hasValue("/ops/login");
        assertThat(state(q)).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void rejectionNeedsAReason() throws Exception {
        Proposal p = submit("fra1");
        Http http = loggedIn();
        String csrf = csrf(http.get("/ops/te/proposals/" + p.id()).body());
        HttpResponse<String> r = http.post("/ops/te/proposals/" + p.id() + "/reject", Map.of("csrf", csrf, "reason", "   "));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("Not done: a reason is required").contains("id=\"decide\"");
        assertThat(state(p)).isEqualTo(ProposalState.PROPOSED);
        assertThat(http.post("/ops/te/proposals/" + p.id() + "/reject", Map.of("csrf", csrf, "reason", "not now"))
                .statusCode()).isEqualTo(303);
        assertThat(state(p)).isEqualTo(ProposalState.REJECTED);
    }

    @Test
    void aStaleProposalCannotBeApproved() throws Exception {
        Proposal p = submit("gru1");
        Http http = loggedIn();
        String csrf = csrf(http.get("/ops/te/proposals/" + p.id()).body());
        Proposal.Basis before = current.get();
        current.set(new Proposal.Basis(before.roundId() + 1, before.configVersion()));
        HttpResponse<String> r = http.post("/ops/te/proposals/" + p.id() + "/approve",
                Map.of("csrf", csrf, "reason", "typed with care"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("Not done: proposal is stale and cannot be approved")
                .doesNotContain("id=\"decide\"");
        assertThat(state(p)).isEqualTo(ProposalState.STALE);
        assertThat(applied).doesNotContain("gru1");
    }

    @Test
    void theJsonApiNeedsABearerTokenAndGivesStateKnobsAndFigures() throws Exception {
        Proposal p = submit("jnb1");
        Http anon = new Http(web.url());
        for (String path : List.of("/api/v1/te/proposals", "/api/v1/te/proposals/" + p.id())) {
            HttpResponse<String> r = anon.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).contains("\"error\"").doesNotContain("jnb1");
            assertThat(anon.getBearer(path, "not-a-token").statusCode()).isEqualTo(401);
        }
        assertThat(postJson("/api/v1/te/proposals/" + p.id() + "/approve", null, "{\"reason\":\"x\"}").statusCode())
                .isEqualTo(401);

        JsonNode list = JSON.readTree(anon.getBearer("/api/v1/te/proposals", token).body());
        JsonNode row = null;
        for (JsonNode n : list.path("proposals")) if (n.path("id").asLong() == p.id()) row = n;
        assertThat(row).isNotNull();
        assertThat(row.path("state").asText()).isEqualTo("proposed");
        assertThat(row.path("sites").get(0).asText()).isEqualTo("jnb1");
        assertThat(row.path("probes_moved").asInt()).isEqualTo(3);

        JsonNode d = JSON.readTree(anon.getBearer("/api/v1/te/proposals/" + p.id(), token).body());
        assertThat(d.path("basis").path("round_id").asLong()).isEqualTo(current.get().roundId());
        assertThat(d.path("knobs").path("jnb1").path("ntt").path("prepend").asInt()).isEqualTo(2);
        assertThat(d.path("knobs").path("jnb1").path("ntt").path("communities").get(0).asText()).isEqualTo("2914:429");
        assertThat(d.path("previous").path("jnb1").path("ntt").path("prepend").asInt()).isEqualTo(0);
        JsonNode all = d.path("regions").get(0);
        assertThat(all.path("region").asText()).isEqualTo("ALL");
        assertThat(all.path("p90_inflation_ms").path("predicted").asDouble()).isEqualTo(20.0);
        assertThat(all.path("p90_inflation_ms").path("measured").isNull()).isTrue();
        assertThat(all.path("share_at_optimal").path("before").asDouble()).isEqualTo(0.5);
        assertThat(d.path("prediction_accuracy").asDouble()).isEqualTo(0.875);
        assertThat(d.path("verification").isNull()).isTrue();

        // Reject without a reason: 409; approve with one: 200, then applied and verified, with measured figures.
        HttpResponse<String> noReason = postJson("/api/v1/te/proposals/" + p.id() + "/reject", token, "{}");
        assertThat(noReason.statusCode()).isEqualTo(409);
        assertThat(noReason.body()).contains("a reason is required");
        assertThat(postJson("/api/v1/te/proposals/" + p.id() + "/approve", token, "reason=x").statusCode()).isEqualTo(400);
        HttpResponse<String> ok = postJson("/api/v1/te/proposals/" + p.id() + "/approve", token, "{\"reason\":\"via API\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("state").asText()).isEqualTo("approved");
        assertThat(service.find(p.id()).orElseThrow().decision().orElseThrow().who()).isEqualTo("observer");
        assertThat(service.apply(p.id())).isEqualTo(new ProposalState.Transition.Moved(ProposalState.APPLIED));
        service.verify(p.id(), round(current.get().roundId() + 1, Instant.now().plusSeconds(60), "nrt1", 21));
        JsonNode v = JSON.readTree(anon.getBearer("/api/v1/te/proposals/" + p.id(), token).body());
        assertThat(v.path("state").asText()).isEqualTo("verified");
        assertThat(v.path("regions").get(0).path("p90_inflation_ms").path("measured").asDouble()).isEqualTo(21.0);
        assertThat(v.path("verification").path("probe_accuracy").asDouble()).isEqualTo(1.0);
        assertThat(v.path("verification").path("probes_compared").asInt()).isEqualTo(3);
        assertThat(v.path("verification").path("rolled_back").asBoolean()).isFalse();
        assertThat(anon.getBearer("/api/v1/te/proposals/424242", token).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutALifecycleThePagesSaySo() throws Exception {
        Http http = new Http(none.url());
        assertThat(http.logIn("observer", "observer-password").statusCode()).isEqualTo(303);
        HttpResponse<String> r = http.get("/ops/te/proposals");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("No proposal lifecycle configured");
        assertThat(new Http(none.url()).getBearer("/api/v1/te/proposals", token).statusCode()).isEqualTo(503);
    }

    // ---- helpers ----

    static HttpResponse<String> postJson(String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String section(String html, String start, String end) {
        int i = html.indexOf(start);
        assertThat(i).as(start).isPositive();
        return html.substring(i, html.indexOf(end, i));
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
