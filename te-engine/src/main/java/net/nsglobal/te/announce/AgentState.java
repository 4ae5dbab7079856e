package net.nsglobal.te.announce;

import java.time.Instant;
import java.util.List;

/**
 * The site agent as the operator pages show it: where the anycast prefix stands, why, and whether BIRD runs it.
 *
 * @param site          the site's code (ams1)
 * @param state         the state the agent decided
 * @param since         when it entered {@code state}
 * @param reason        why it entered it (the checks that decided, or the drain)
 * @param drain         maintenance requested (drain command or maintenance file present)
 * @param healthyInARow consecutive healthy check rounds (announces at {@code rise})
 * @param failedInARow  consecutive failed check rounds (withdraws at {@code fall})
 * @param rise          healthy rounds in a row needed to announce
 * @param fall          failed rounds in a row needed to withdraw
 * @param lastChecks    the verdicts of the last check round (empty before the first)
 * @param lastCheck     when the last round ran (null before the first)
 * @param applied       true when BIRD accepted the state file for {@code state}
 * @param applyError    BIRD's last refusal while not applied (null when applied)
 */
public record AgentState(String site, State state, Instant since, String reason, boolean drain, int healthyInARow,
                         int failedInARow, int rise, int fall, List<Verdict> lastChecks, Instant lastCheck,
                         boolean applied, String applyError) {
    public AgentState {
        lastChecks = List.copyOf(lastChecks);
    }

    /** Where the site's anycast announcement stands. */
    public enum State {
        /** Announced to every BGP neighbour. */
        ANNOUNCED,
        /** Still announced, with GRACEFUL_SHUTDOWN (RFC 8326) so neighbours prefer other paths, until drain-wait. */
        DRAINING,
        /** Not announced: the site attracts no anycast traffic. */
        WITHDRAWN
    }

    /** True while the prefix is announced (draining included). */
    public boolean announced() {
        return state != State.WITHDRAWN;
    }
}
