package net.nsglobal.te.announce;

/**
 * Where a site agent tells what it did: every announce, drain and withdraw ({@link #record}) and, after each round,
 * where the site stands ({@link #status}). The agent calls both after BIRD was told (BIRD first, reporting second);
 * an implementation must return at once and never throw — a reporter that cannot reach the control plane keeps the
 * reports for later or drops them, it never holds up a check round.
 *
 * <p>Implementations: {@link HttpAgentEvents} (the agent beside an edge, to the control plane's
 * {@code POST /api/v1/te/agents/{site}/events}), {@link PostgresAgentLog} (the control plane's store, which the
 * demo's own health loop can call directly), {@link #NONE}.
 */
public interface AgentEvents {
    /** Drops everything (an agent with no control plane to report to). */
    AgentEvents NONE = new AgentEvents() {
        @Override
        public void record(String site, AgentEvent event) {}
    };

    /** {@code site}'s announcement moved. */
    void record(String site, AgentEvent event);

    /** Where {@code state.site()} stands after a round (current state, since when, last check results). */
    default void status(AgentState state) {}
}
