package net.nsglobal.te.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.announce.AgentState.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state machine's edges the BIRD test does not reach, with BIRD absent (its socket missing): the decision stands
 * when BIRD cannot be told, and is applied once it can be; a drain command; a node failing while draining.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class SiteAgentTest {
    @TempDir Path dir;

    /** A check that answers what the test queued (healthy when nothing is queued). */
    static final class Scripted implements Check {
        final Deque<Boolean> next = new ArrayDeque<>();

        public String name() { return "scripted"; }

        public Verdict run() {
            Boolean ok = next.poll();
            return ok == null || ok ? Verdict.healthy(name(), "ok") : Verdict.unhealthy(name(), "told to fail");
        }
    }

    final Scripted check = new Scripted();
    final TestClock clock = new TestClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    SiteAgent agent(Path socket) {
        return new SiteAgent("tst1", List.of(check), 1, 2, Duration.ofSeconds(10), dir.resolve("maint"),
                new AnycastStateFile(dir.resolve("state.conf")),
                BirdConnector.unix(socket), registry, clock);
    }

    @Test
    void anUnreachableBirdKeepsTheDecisionUnappliedAndCountsIt() throws Exception {
        SiteAgent a = agent(dir.resolve("no-bird.ctl"));
        AgentState s = a.resume();
        assertThat(s.applied()).isFalse();
        assertThat(s.applyError()).contains("configure on unix:", "no-bird.ctl");
        s = a.tick();
        assertThat(s.state()).isEqualTo(State.ANNOUNCED);
        assertThat(s.applied()).isFalse();
        assertThat(Files.readString(dir.resolve("state.conf"))).contains("# state: ANNOUNCED",
                "Announced").doesNotContain("reject;");
        assertThat(registry.get("site_agent_apply_failures").counter().count()).isEqualTo(2);
        a.tick();
        assertThat(registry.get("site_agent_apply_failures").counter().count()).as("retried every round").isEqualTo(3);
    }

    @Test
    void drainCommandDrainsAndUnhealthyWhileDrainingWithdrawsAtOnce() throws Exception {
        SiteAgent a = agent(dir.resolve("no-bird.ctl"));
        a.resume();
        assertThat(a.tick().state()).isEqualTo(State.ANNOUNCED);
        a.drain();
        AgentState s = a.tick();
        assertThat(s.state()).isEqualTo(State.DRAINING);
        assertThat(Files.readString(dir.resolve("state.conf"))).contains("\nbgp_community.add((65535, 0));\n");
        a.undrain();
        assertThat(a.tick().state()).as("drain called off before drain-wait").isEqualTo(State.ANNOUNCED);
        a.drain();
        a.tick();
        check.next.add(false);
        check.next.add(false);
        assertThat(a.tick().state()).isEqualTo(State.DRAINING);
        AgentState down = a.tick();
        assertThat(down.state()).as("fall reached while draining: no waiting for drain-wait").isEqualTo(State.WITHDRAWN);
        assertThat(down.reason()).contains("unhealthy while draining");
    }

    @Test
    void aThrowingCheckIsAFailedRoundNotADeadAgent() throws Exception {
        SiteAgent a = new SiteAgent("tst1", List.of(new Check() {
            public String name() { return "buggy"; }
            public Verdict run() { throw new IllegalStateException("bug"); }
        }), 1, 1, Duration.ZERO, null, new AnycastStateFile(dir.resolve("state.conf")),
                BirdConnector.unix(dir.resolve("x.ctl")), registry,
                clock);
        a.resume();
        AgentState s = a.tick();
        assertThat(s.state()).isEqualTo(State.WITHDRAWN);
        assertThat(s.lastChecks()).singleElement().satisfies(v -> {
            assertThat(v.healthy()).isFalse();
            assertThat(v.detail()).contains("bug");
        });
    }
}
