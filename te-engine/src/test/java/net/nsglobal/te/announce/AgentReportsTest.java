package net.nsglobal.te.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.nsglobal.te.announce.AgentState.State;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's reports over real HTTP (the JDK's server stands in for the control plane and records what arrives):
 * transitions in order with the operator's token, after BIRD was told; an unreachable control plane never holds up a
 * round and gets the queued reports once it answers; a refusal is dropped, not retried.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class AgentReportsTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir Path dir;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TestClock clock = new TestClock();
    final SiteAgentTest.Scripted check = new SiteAgentTest.Scripted();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);
    HttpServer server;
    HttpAgentEvents reporter;

    @AfterEach
    void stop() {
        if (reporter != null) reporter.close();
        if (server != null) server.stop(0);
    }

    void serve(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/te/agents/tst1/events", x -> {
            auth.add(x.getRequestHeaders().getFirst("Authorization"));
            int code = answer.get();
            if (code / 100 == 2) bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(code, -1);
            x.close();
        });
        server.start();
    }

    SiteAgent agent(int port) {
        reporter = new HttpAgentEvents("tst1", URI.create("http://127.0.0.1:" + port + "/"), "tok-123",
                Duration.ofSeconds(2), Duration.ofMillis(50), registry);
        return new SiteAgent("tst1", List.of(check), 1, 1, Duration.ofSeconds(10), dir.resolve("maint"),
                new AnycastStateFile(dir.resolve("state.conf")), BirdConnector.unix(dir.resolve("no-bird.ctl")),
                reporter, registry, clock);
    }

    double reports(String outcome) {
        return registry.get("site_agent_reports").tag("outcome", outcome).counter().count();
    }

    List<String> transitions() {
        return bodies.stream().filter(b -> !b.contains("\"event\":\"status\"")).toList();
    }

    @Test
    void everyTransitionArrivesInOrderWithTheTokenAndEachRoundsStatus() throws Exception {
        int port = FreePorts.tcpUdp();
        serve(port);
        SiteAgent a = agent(port);
        a.resume();
        assertThat(a.tick().state()).isEqualTo(State.ANNOUNCED);
        check.next.add(false);
        assertThat(a.tick().state()).isEqualTo(State.WITHDRAWN);
        Wait.until("two transitions arrived", WAIT, this::transitions, t -> t.size() == 2);
        assertThat(transitions().get(0)).contains("\"event\":\"announce\"", "\"from\":\"withdrawn\"", "\"to\":\"announced\"");
        assertThat(transitions().get(1)).contains("\"event\":\"withdraw\"", "\"to\":\"withdrawn\"",
                "{\"check\":\"scripted\",\"healthy\":false,\"detail\":\"told to fail\"}");
        assertThat(auth).allMatch("Bearer tok-123"::equals);
        Wait.until("the last round's status arrived", WAIT, () -> bodies.get(bodies.size() - 1),
                b -> b.contains("\"event\":\"status\"") && b.contains("\"state\":\"withdrawn\""));
        // What the agent sends is what the control plane reads.
        var parsed = AgentReportJson.parse("tst1", transitions().get(1));
        assertThat(((AgentReportJson.Report.Transition) parsed).event().to()).isEqualTo(State.WITHDRAWN);
    }

    @Test
    void anUnreachableControlPlaneHoldsUpNoRoundAndGetsTheQueuedReportsWhenItAnswers() throws Exception {
        int port = FreePorts.tcpUdp();
        SiteAgent a = agent(port);
        a.resume();
        for (int i = 0; i < 5; i++) {
            check.next.add(i % 2 == 0);
            a.tick();
        }
        assertThat(Files.readString(dir.resolve("state.conf"))).contains("# state: ANNOUNCED");
        Wait.until("the reporter retried", WAIT, () -> reports("retried"), n -> n >= 1);
        serve(port);
        Wait.until("the queued transitions arrived", WAIT, this::transitions, t -> t.size() == 5);
        assertThat(transitions()).extracting(b -> b.replaceAll("^\\{\"event\":\"(\\w+)\".*", "$1"))
                .containsExactly("announce", "withdraw", "announce", "withdraw", "announce");
        assertThat(reports("dropped")).isZero();
    }

    @Test
    void aRefusedReportIsDroppedNotRetriedAndAFullQueueDropsTheOldest() throws Exception {
        int port = FreePorts.tcpUdp();
        serve(port);
        answer.set(401);
        SiteAgent a = agent(port);
        a.resume();
        a.tick();
        Wait.until("the refused reports were dropped", WAIT, () -> reports("dropped"), n -> n >= 2);
        assertThat(reports("retried")).isZero();
        reporter.close();

        HttpAgentEvents nowhere = new HttpAgentEvents("tst1", URI.create("http://127.0.0.1:" + FreePorts.tcpUdp()),
                "t", Duration.ofSeconds(2), Duration.ofSeconds(30), registry);
        try {
            double before = reports("dropped");
            AgentEvent e = new AgentEvent(clock.instant(), State.ANNOUNCED, State.WITHDRAWN, "x", List.of());
            for (int i = 0; i < HttpAgentEvents.QUEUE + 10; i++) nowhere.record("tst1", e);
            assertThat(reports("dropped") - before).isGreaterThanOrEqualTo(9);
        } finally {
            nowhere.close();
        }
    }

    @Test
    void aBadReportIsAnErrorNamingTheField() {
        assertThatThrownBy(() -> AgentReportJson.parse("tst1", "[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> AgentReportJson.parse("tst1", "{\"event\":\"explode\"}"))
                .hasMessageContaining("event: 'explode' is not announce, drain or withdraw");
        String ok = AgentReportJson.write(AgentReportJson.map(new AgentEvent(clock.instant(), State.ANNOUNCED,
                State.WITHDRAWN, "x", List.of(Verdict.unhealthy("dns", "timeout")))));
        assertThatThrownBy(() -> AgentReportJson.parse("tst1", ok.replace("\"to\":\"withdrawn\"", "\"to\":\"draining\"")))
                .hasMessageContaining("to: 'draining' is not what withdraw enters");
        assertThatThrownBy(() -> AgentReportJson.parse("tst1", ok.replace(clock.instant().toString(), "yesterday")))
                .hasMessageContaining("time: 'yesterday' is not an RFC 3339 time");
        assertThatThrownBy(() -> AgentReportJson.parse("tst1", ok.replace("\"healthy\":false", "\"healthy\":\"no\"")))
                .hasMessageContaining("checks[0].healthy: true or false is required");
    }
}
