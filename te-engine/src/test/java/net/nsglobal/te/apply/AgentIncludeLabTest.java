package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.nsglobal.te.announce.AgentState;
import net.nsglobal.te.announce.AnycastStateFile;
import net.nsglobal.te.announce.BirdConnector;
import net.nsglobal.te.announce.Check;
import net.nsglobal.te.announce.SiteAgent;
import net.nsglobal.te.announce.Verdict;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site agent on a configuration rendered from the real template ({@link LabSite}: {@code bird.conf.ftl}, real BIRD
 * 2 routers in namespaces): the rendered file includes the agent's state file, so what the agent writes reaches both
 * upstreams — and before the agent has ever run the configuration parses and announces.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AgentIncludeLabTest {
    static final Duration BGP = Duration.ofSeconds(40);

    @TempDir Path dir;
    LabSite lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = new LabSite(dir);
    }

    @AfterEach
    void stopLab() {
        if (lab != null) lab.close();
    }

    boolean everyUpstreamHasTheRoute() {
        return lab.seenBy("up1").contains(LabSite.PREFIX) && lab.seenBy("up2").contains(LabSite.PREFIX);
    }

    boolean noUpstreamHasTheRoute() {
        return !lab.seenBy("up1").contains(LabSite.PREFIX) && !lab.seenBy("up2").contains(LabSite.PREFIX);
    }

    @Test
    void theAgentsWithdrawAndDrainReachTheUpstreamsThroughTheRenderedInclude() throws Exception {
        Path stateFile = lab.lab.siteConfig().resolveSibling(BirdConfig.DEFAULT_AGENT_STATE_FILE);
        assertThat(stateFile).doesNotExist();
        assertThat(Files.readString(lab.lab.siteConfig())).contains("include \"anycast-state.con[f]\";");
        // BIRD started on the fresh rendering (no agent yet): it parsed, and the knobs announce.
        Wait.until("both upstreams hold " + LabSite.PREFIX + " before any agent ran", BGP,
                this::everyUpstreamHasTheRoute, has -> has);

        AtomicBoolean healthy = new AtomicBoolean(false);
        Check dns = new Check() {
            public String name() { return "dns"; }
            public Verdict run() { return healthy.get() ? Verdict.healthy("dns", "ok") : Verdict.unhealthy("dns", "told to fail"); }
        };
        SiteAgent agent = new SiteAgent("lab1", List.of(dns), 1, 1, Duration.ofDays(1), dir.resolve("maintenance"),
                new AnycastStateFile(stateFile), BirdConnector.unix(lab.lab.socket("site")), new SimpleMeterRegistry(),
                Clock.systemUTC());
        AgentState s = agent.resume(); // no state file: withdrawn until healthy
        assertThat(s.state()).isEqualTo(AgentState.State.WITHDRAWN);
        assertThat(s.applied()).as("BIRD took the state file: %s", s.applyError()).isTrue();
        Wait.until("both upstreams lost " + LabSite.PREFIX + " (agent withdrew)", BGP, this::noUpstreamHasTheRoute, gone -> gone);

        healthy.set(true);
        assertThat(agent.tick().state()).isEqualTo(AgentState.State.ANNOUNCED);
        Wait.until("both upstreams hold " + LabSite.PREFIX + " again", BGP, this::everyUpstreamHasTheRoute, has -> has);
        assertThat(lab.seenBy("up1")).doesNotContain("(65535,0)");

        agent.drain();
        assertThat(agent.tick().state()).isEqualTo(AgentState.State.DRAINING);
        Wait.until("up1's route carries GRACEFUL_SHUTDOWN", BGP, () -> lab.seenBy("up1"), r -> r.contains("(65535,0)"));
        assertThat(lab.seenBy("up2")).contains("(65535,0)");

        agent.undrain();
        healthy.set(false);
        AgentState down = agent.tick();
        assertThat(down.state()).isEqualTo(AgentState.State.WITHDRAWN);
        assertThat(down.applied()).isTrue();
        Wait.until("both upstreams lost " + LabSite.PREFIX + " (unhealthy)", BGP, this::noUpstreamHasTheRoute, gone -> gone);
    }
}
