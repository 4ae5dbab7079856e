package net.nsglobal.te.announce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The site agent's meters: {@code site_agent_transitions{site,from,to}} counts every announce, drain and withdraw;
 * {@code site_agent_state{site,state}} is 1 for the current state and 0 for the others; {@code
 * site_agent_check_failures{site,check}} counts failed checks; {@code site_agent_apply_failures{site}} counts times
 * BIRD refused or could not be reached.
 */
final class AgentMetrics {
    private final MeterRegistry registry;
    private final String site;

    AgentMetrics(MeterRegistry registry, String site, Supplier<AgentState.State> current) {
        this.registry = registry;
        this.site = site;
        for (AgentState.State s : AgentState.State.values()) {
            Gauge.builder("site_agent_state", current, c -> c.get() == s ? 1 : 0).tag("site", site)
                    .tag("state", s.name().toLowerCase(java.util.Locale.ROOT))
                    .description("1 for the anycast announcement's current state at this site")
                    .strongReference(true) // the supplier lives only here; a weak one would be collected (NaN)
                    .register(registry);
        }
    }

    void transition(AgentState.State from, AgentState.State to) {
        Counter.builder("site_agent_transitions").tag("site", site)
                .tag("from", from.name().toLowerCase(java.util.Locale.ROOT))
                .tag("to", to.name().toLowerCase(java.util.Locale.ROOT))
                .description("anycast announcement state changes (announce, drain, withdraw)").register(registry)
                .increment();
    }

    void checkFailed(String check) {
        Counter.builder("site_agent_check_failures").tag("site", site).tag("check", check)
                .description("health checks of the local dns-node that failed").register(registry).increment();
    }

    void applyFailed() {
        Counter.builder("site_agent_apply_failures").tag("site", site)
                .description("state file changes BIRD refused or could not be asked to read").register(registry)
                .increment();
    }
}
