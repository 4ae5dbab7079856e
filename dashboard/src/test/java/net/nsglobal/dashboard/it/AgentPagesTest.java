package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.te.announce.AgentEvent;
import net.nsglobal.te.announce.AgentLog;
import net.nsglobal.te.announce.AgentState;
import net.nsglobal.te.announce.AnycastStateFile;
import net.nsglobal.te.announce.BirdConnector;
import net.nsglobal.te.announce.Check;
import net.nsglobal.te.announce.HttpAgentEvents;
import net.nsglobal.te.announce.PostgresAgentLog;
import net.nsglobal.te.announce.SiteAgent;
import net.nsglobal.te.announce.Verdict;
import net.nsglobal.testkit.Http;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site agents' reports end to end: a real {@link SiteAgent} reporting over HTTP ({@link HttpAgentEvents}, an
 * operator's API token) to a real web app over the control plane's PostgreSQL ({@link PostgresAgentLog}); the
 * operator page and the JSON API show what it did. Plus the endpoint's guards and the store's ordering rules.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AgentPagesTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "<script>x</script>";

    @TempDir static Path dir;
    static Harness h;
    static WebApp web, none;
    static String token;
    static PostgresAgentLog agents;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
        token = h.operatorToken("observer", "observer-password");
        agents = PostgresAgentLog.open(h.plane.database(), Clock.systemUTC());
        ControlPlaneConfig b = h.config;
        ControlPlaneConfig c = new ControlPlaneConfig(b.publicUrl(), new java.net.InetSocketAddress("127.0.0.1", 0), b.db(),
                b.dataDir(), b.resolver(), b.smtp(), b.allowList(), b.ownPrefixes(), b.nsNames(), b.collector(),
                b.edges(), b.catalog(), b.limits(), b.signup(), b.operators(), b.demoMailbox());
        web = new WebApp(c, h.plane.signups(), h.plane.confirms(), h.plane.statuses(), null, h.plane.proofs(),
                h.plane.operators(), Optional.empty(), null, Optional.empty(), Optional.of(agents)).start();
        none = ObservatoryWeb.start(h, Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebApp w : new WebApp[]{web, none}) if (w != null) w.close();
        if (h != null) h.close();
    }

    static HttpResponse<String> post(String path, String contentType, String body, String bearer) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web.url() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) r.header("Authorization", "Bearer " + bearer);
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Http loggedIn() throws Exception {
        Http http = new Http(web.url());
        assertThat(http.logIn("observer", "observer-password").statusCode()).isEqualTo(303);
        return http;
    }

    static String section(String html, String from, String to) {
        int i = html.indexOf(from);
        assertThat(i).as("page has %s", from).isGreaterThanOrEqualTo(0);
        return html.substring(i, html.indexOf(to, i));
    }

    @Test
    void aWithdrawingAgentShowsOnThePageAndInTheApi() throws Exception {
        Deque<Boolean> next = new ArrayDeque<>();
        Check dns = new Check() {
            public String name() { return "dns"; }
            public Verdict run() {
                Boolean ok = next.poll();
                return ok == null || ok ? Verdict.healthy("dns", "SOA in 2 ms") : Verdict.unhealthy("dns", "timeout " + HOSTILE);
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HttpAgentEvents reporter = new HttpAgentEvents("e2e1", URI.create(web.url()), token, Duration.ofSeconds(5),
                Duration.ofMillis(100), registry);
        SiteAgent agent = new SiteAgent("e2e1", List.of(dns), 1, 2, Duration.ofSeconds(60), dir.resolve("maint"),
                new AnycastStateFile(dir.resolve("e2e1-state.conf")), BirdConnector.unix(dir.resolve("no-bird.ctl")),
                reporter, registry, Clock.systemUTC());
        try {
            agent.resume();
            assertThat(agent.tick().state()).isEqualTo(AgentState.State.ANNOUNCED);
            next.add(false);
            next.add(false);
            agent.tick();
            assertThat(agent.tick().state()).isEqualTo(AgentState.State.WITHDRAWN);
            Wait.until("the API shows e2e1 withdrawn with its last checks", WAIT, () -> site("e2e1"),
                    s -> s != null && s.path("state").asText().equals("withdrawn") && s.path("failed_in_a_row").asInt() == 2);
        } finally {
            agent.close();
        }
        JsonNode s = site("e2e1");
        assertThat(s.path("reason").asText()).contains("2 failed rounds in a row", "dns=FAIL");
        assertThat(s.path("checks").get(0).path("detail").asText()).isEqualTo("timeout " + HOSTILE);
        assertThat(s.path("applied").asBoolean()).isFalse();
        assertThat(s.path("apply_error").asText()).contains("no-bird.ctl");
        JsonNode events = JSON.readTree(new Http(web.url()).getBearer("/api/v1/te/agents", token).body()).path("events");
        List<String> mine = new java.util.ArrayList<>();
        for (JsonNode e : events) if (e.path("site").asText().equals("e2e1")) mine.add(e.path("event").asText());
        assertThat(mine).containsExactly("withdraw", "announce"); // newest first

        String page = loggedIn().get("/ops/te/agents").body();
        String row = section(page, "<tr data-site=\"e2e1\">", "</tr>");
        assertThat(row).contains("withdrawn").contains("2 failed rounds in a row").contains("not applied")
                .contains("dns: FAIL").doesNotContain("<script>").contains("&lt;script&gt;");
        String history = section(page, "id=\"agent-events\"", "</table>");
        assertThat(history).contains("<td>e2e1</td><td>withdraw</td>").contains("announced → withdrawn")
                .contains("<td>e2e1</td><td>announce</td>");
        assertThat(page).contains("<strong aria-current=\"page\">Site agents</strong>");
        assertThat(section(page, "class=\"subnav\"", "</nav>")).contains("<a href=\"/ops/te/proposals\">Proposals</a>");
    }

    static JsonNode site(String code) throws Exception {
        HttpResponse<String> r = new Http(web.url()).getBearer("/api/v1/te/agents", token);
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode s : JSON.readTree(r.body()).path("sites")) if (s.path("site").asText().equals(code)) return s;
        return null;
    }

    @Test
    void theEndpointWantsAnOperatorsTokenJsonAndAWellFormedReport() throws Exception {
        String ok = "{\"event\":\"withdraw\",\"time\":\"2026-12-07T08:00:00Z\",\"from\":\"announced\","
                + "\"to\":\"withdrawn\",\"reason\":\"3 failed rounds\",\"checks\":[]}";
        assertThat(post("/api/v1/te/agents/gd1/events", "application/json", ok, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/te/agents/gd1/events", "application/json", ok, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/te/agents/gd1/events", "text/plain", ok, token).statusCode()).isEqualTo(415);
        HttpResponse<String> bad = post("/api/v1/te/agents/gd1/events", "application/json",
                ok.replace("\"withdrawn\"", "\"gone\""), token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("to: 'gone' is not announced, draining or withdrawn");
        assertThat(post("/api/v1/te/agents/GD..1/events", "application/json", ok, token).body())
                .contains("is not a site code");
        assertThat(site("gd1")).as("nothing refused was stored").isNull();

        HttpResponse<String> stored = post("/api/v1/te/agents/gd1/events", "application/json", ok, token);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("\"stored\":true");
        assertThat(post("/api/v1/te/agents/gd1/events", "application/json", ok, token).statusCode())
                .as("a retried report is accepted").isEqualTo(200);
        assertThat(agents.history(1000).stream().filter(e -> e.site().equals("gd1")).count())
                .as("and stored once").isEqualTo(1);
        assertThat(site("gd1").path("state").asText()).isEqualTo("withdrawn");

        assertThat(new Http(web.url()).get("/ops/te/agents").statusCode()).as("the page needs a session").isEqualTo(303);
        assertThat(new Http(none.url()).getBearer("/api/v1/te/agents", token).statusCode()).isEqualTo(503);
    }

    @Test
    void aLateReportDoesNotUndoANewerOne() {
        Instant t = Instant.parse("2026-12-07T08:00:00Z");
        agents.record("late1", new AgentEvent(t.plusSeconds(60), AgentState.State.ANNOUNCED, AgentState.State.WITHDRAWN,
                "newer", List.of()));
        agents.record("late1", new AgentEvent(t, AgentState.State.WITHDRAWN, AgentState.State.ANNOUNCED, "older",
                List.of()));
        agents.status(new AgentState("late1", AgentState.State.ANNOUNCED, t, "older status", false, 3, 0, 3, 3,
                List.of(), t.plusSeconds(5), true, null));
        AgentLog.Site s = agents.sites().stream().filter(x -> x.state().site().equals("late1")).findFirst().orElseThrow();
        assertThat(s.state().state()).isEqualTo(AgentState.State.WITHDRAWN);
        assertThat(s.state().reason()).isEqualTo("newer");
        assertThat(agents.history(1000).stream().filter(e -> e.site().equals("late1")).map(e -> e.event().reason()))
                .containsExactly("newer", "older");
        agents.status(new AgentState("late1", AgentState.State.WITHDRAWN, t.plusSeconds(60), "newer", false, 0, 4, 3, 3,
                List.of(Verdict.unhealthy("dns", "timeout")), t.plusSeconds(80), true, null));
        s = agents.sites().stream().filter(x -> x.state().site().equals("late1")).findFirst().orElseThrow();
        assertThat(s.state().failedInARow()).isEqualTo(4);
        assertThat(s.state().lastChecks()).extracting(Verdict::detail).containsExactly("timeout");
    }
}
