package net.nsglobal.te.announce;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One transition of a site's announcement: announce, drain or withdraw, as the site agent decided it.
 *
 * @param at     when the agent moved
 * @param from   the state it left
 * @param to     the state it entered (names the event: {@link #event()})
 * @param reason why, in words (the checks that decided, or the drain)
 * @param checks the verdicts of the round that decided (empty for a drain called off, or a demo's own loop)
 */
public record AgentEvent(Instant at, AgentState.State from, AgentState.State to, String reason, List<Verdict> checks) {
    public AgentEvent {
        if (from == to) throw new IllegalArgumentException("site-agent: an event changes the state, " + from + " → " + to + " does not");
        checks = List.copyOf(checks);
    }

    /** {@code announce}, {@code drain} or {@code withdraw}: the word logs, metrics and the operator pages use. */
    public String event() {
        return eventOf(to);
    }

    /** The event that enters {@code to}. */
    public static String eventOf(AgentState.State to) {
        return switch (to) {
            case ANNOUNCED -> "announce";
            case DRAINING -> "drain";
            case WITHDRAWN -> "withdraw";
        };
    }

    /** The state an event name enters; an IllegalArgumentException naming the word if it is none of the three. */
    public static AgentState.State stateOf(String event) {
        return switch (event.toLowerCase(Locale.ROOT)) {
            case "announce" -> AgentState.State.ANNOUNCED;
            case "drain" -> AgentState.State.DRAINING;
            case "withdraw" -> AgentState.State.WITHDRAWN;
            default -> throw new IllegalArgumentException("'" + event + "' is not announce, drain or withdraw");
        };
    }
}
