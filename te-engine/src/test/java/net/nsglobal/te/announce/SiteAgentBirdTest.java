package net.nsglobal.te.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.announce.AgentState.State;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Wait;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * The site agent against real daemons: knotd is the site's dns-node, a BIRD 2 site router announces the anycast prefix
 * through the agent's state file, and a second BIRD is the upstream whose table shows what the Internet sees. Rounds
 * are run by hand ({@link SiteAgent#tick}) so "within fall rounds" is counted, not timed; only BGP propagation to the
 * upstream is awaited (bounded).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SiteAgentBirdTest {
    static final String ZONE = "example.com.";
    static final int RISE = 2;
    static final int FALL = 3;
    static final Duration DRAIN_WAIT = Duration.ofSeconds(30);
    static final Duration BGP = Duration.ofSeconds(30);

    @TempDir Path dir;
    Knot knot;
    BirdPair birds;
    SiteAgent agent;
    Path stateFile;
    Path maintenance;
    final TestClock clock = new TestClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        knot = Knot.start(dir, new KnotConfig().zone(ZONE, Zones.text(ZONE, 1, 1)));
        stateFile = dir.resolve("anycast-state.conf");
        maintenance = dir.resolve("maintenance");
        new AnycastStateFile(stateFile).write("tst1", State.WITHDRAWN);
        birds = new BirdPair(dir, stateFile);
        agent = new SiteAgent("tst1", List.of(new DnsCheck(knot.address(), Name.fromString(ZONE),
                Duration.ofMillis(500))), RISE, FALL, DRAIN_WAIT, maintenance, new AnycastStateFile(stateFile),
                BirdConnector.unix(birds.siteSocket()), registry,
                clock);
        assertThat(agent.resume().state()).isEqualTo(State.WITHDRAWN);
    }

    @AfterEach
    void stop() {
        if (agent != null) agent.close();
        if (birds != null) birds.close();
        if (knot != null) knot.close();
    }

    /** Runs rounds until the agent announces (rise of them) and the upstream has the route. */
    void announced() {
        for (int i = 1; i < RISE; i++) assertThat(agent.tick().state()).isEqualTo(State.WITHDRAWN);
        AgentState s = agent.tick();
        assertThat(s.state()).as("after %d healthy rounds: %s", RISE, s).isEqualTo(State.ANNOUNCED);
        assertThat(s.applied()).as("BIRD took the state file: %s", s.applyError()).isTrue();
        awaitUpstream(true);
    }

    void awaitUpstream(boolean route) {
        try {
            Wait.until("the upstream " + (route ? "has" : "lost") + " the route to " + BirdPair.PREFIX, BGP,
                    birds::upstreamHasRoute, has -> has == route);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nstate file:\n" + read(stateFile) + birds.logs(), e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }

    double transitions(String from, String to) {
        var c = registry.find("site_agent_transitions").tag("site", "tst1").tag("from", from).tag("to", to).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void stoppingTheDnsNodeWithdrawsAfterFallRoundsAndStartingItAnnouncesAfterRise() throws Exception {
        assertThat(birds.upstreamHasRoute()).as("withdrawn at start").isFalse();
        announced();
        int port = knot.port();
        knot.close();
        for (int i = 1; i < FALL; i++) {
            AgentState s = agent.tick();
            assertThat(s.state()).as("failed round %d of %d", i, FALL).isEqualTo(State.ANNOUNCED);
            assertThat(s.failedInARow()).isEqualTo(i);
        }
        AgentState down = agent.tick();
        assertThat(down.state()).isEqualTo(State.WITHDRAWN);
        assertThat(down.reason()).contains("3 failed rounds in a row", "dns=FAIL");
        awaitUpstream(false);

        knot = Knot.start(dir, new KnotConfig().listen(port).zone(ZONE, Zones.text(ZONE, 1, 1)));
        announced();
        assertThat(transitions("withdrawn", "announced")).isEqualTo(2);
        assertThat(transitions("announced", "withdrawn")).isEqualTo(1);
        assertThat(registry.get("site_agent_state").tag("state", "announced").gauge().value()).isEqualTo(1);
        assertThat(registry.get("site_agent_state").tag("state", "withdrawn").gauge().value()).isEqualTo(0);
        assertThat(registry.get("site_agent_check_failures").tag("check", "dns").counter().count()).isEqualTo(FALL);
    }

    @Test
    void aSingleFailedRoundDoesNotWithdraw() throws Exception {
        announced();
        int port = knot.port();
        knot.close();
        assertThat(agent.tick().state()).isEqualTo(State.ANNOUNCED);
        knot = Knot.start(dir, new KnotConfig().listen(port).zone(ZONE, Zones.text(ZONE, 1, 1)));
        AgentState s = agent.tick();
        assertThat(s.state()).isEqualTo(State.ANNOUNCED);
        assertThat(s.failedInARow()).as("a healthy round resets the count").isZero();
        // Two more failures after the reset still fall short of FALL.
        knot.close();
        agent.tick();
        assertThat(agent.tick().state()).isEqualTo(State.ANNOUNCED);
        assertThat(birds.upstreamHasRoute()).isTrue();
        assertThat(transitions("announced", "withdrawn")).isZero();
    }

    @Test
    void drainAddsGracefulShutdownBeforeTheWithdrawal() throws Exception {
        announced();
        assertThat(birds.upstreamRoute()).doesNotContain("(65535,0)");
        Files.writeString(maintenance, "maintenance\n");
        AgentState s = agent.tick();
        assertThat(s.state()).isEqualTo(State.DRAINING);
        assertThat(s.drain()).isTrue();
        Wait.until("the upstream's route carries GRACEFUL_SHUTDOWN (65535,0)", BGP, birds::upstreamRoute,
                r -> r.contains("BGP.community: (65535,0)"));
        clock.advance(DRAIN_WAIT.minusSeconds(1));
        assertThat(agent.tick().state()).as("drain-wait not over yet").isEqualTo(State.DRAINING);
        assertThat(birds.upstreamRoute()).contains("(65535,0)");
        clock.advance(Duration.ofSeconds(1));
        assertThat(agent.tick().state()).isEqualTo(State.WITHDRAWN);
        awaitUpstream(false);
        for (int i = 0; i < RISE + 1; i++) {
            assertThat(agent.tick().state()).as("healthy, but maintenance holds").isEqualTo(State.WITHDRAWN);
        }
        Files.delete(maintenance);
        assertThat(agent.tick().state()).as("healthy rounds kept counting while drained").isEqualTo(State.ANNOUNCED);
        awaitUpstream(true);
        assertThat(birds.upstreamRoute()).as("announced again without GRACEFUL_SHUTDOWN").doesNotContain("(65535,0)");
        assertThat(transitions("announced", "draining")).isEqualTo(1);
        assertThat(transitions("draining", "withdrawn")).isEqualTo(1);
    }

    @Test
    void runningOnItsOwnTheAgentWithdrawsAndAnnouncesAgain() throws Exception {
        agent.start(Duration.ofMillis(200));
        awaitUpstream(true);
        int port = knot.port();
        knot.close();
        awaitUpstream(false);
        assertThat(agent.snapshot().state()).isEqualTo(State.WITHDRAWN);
        knot = Knot.start(dir, new KnotConfig().listen(port).zone(ZONE, Zones.text(ZONE, 1, 1)));
        awaitUpstream(true);
        assertThat(agent.snapshot().state()).isEqualTo(State.ANNOUNCED);
    }

    @Test
    void aRestartedAgentResumesTheAnnouncedStateInsteadOfWithdrawing() throws Exception {
        announced();
        SiteAgent again = new SiteAgent("tst1", List.of(), RISE, FALL, DRAIN_WAIT, maintenance,
                new AnycastStateFile(stateFile), BirdConnector.unix(birds.siteSocket()), new SimpleMeterRegistry(), clock);
        assertThat(again.resume().state()).isEqualTo(State.ANNOUNCED);
        assertThat(birds.upstreamHasRoute()).isTrue();
    }
}
