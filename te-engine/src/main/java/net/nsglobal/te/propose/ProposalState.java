package net.nsglobal.te.propose;

import java.util.Set;

/**
 * Where a proposal is in its life. The transitions are the only ones {@link #next} allows; anything else is refused
 * with a {@link Transition.Refused} that says why (a refusal is an answer to the operator, not an error):
 * <pre>
 *                approve (operator, time, reason)            apply: Applied
 *   PROPOSED ──────────────────────────────────▶ APPROVED ─────────────────▶ APPLIED ──verify: kept──▶ VERIFIED
 *     │  │                                         │  │                        │
 *     │  └─ reject (operator, time, reason) ─▶ REJECTED                        └──verify: worse──▶ ROLLED_BACK
 *     │                                            │  └─ apply: Refused / Reverted ─▶ FAILED
 *     └──── newer round or config version ──▶ STALE ◀─┘ (newer round or config version)
 * </pre>
 * PROPOSED and APPROVED are <em>open</em> (a newer measurement or configuration makes them stale); APPROVED and
 * APPLIED are <em>in flight</em> (at most one per site); REJECTED, STALE, FAILED, VERIFIED and ROLLED_BACK are final.
 */
public enum ProposalState {
    PROPOSED, APPROVED, REJECTED, STALE, APPLIED, FAILED, VERIFIED, ROLLED_BACK;

    /** What happens to a proposal. */
    public enum Event { APPROVE, REJECT, MARK_STALE, APPLIED, APPLY_FAILED, VERIFIED, ROLLED_BACK }

    /** The answer of {@link #next}: the new state, or why the event is refused in this state. */
    public sealed interface Transition {
        record Moved(ProposalState to) implements Transition {}

        record Refused(String reason) implements Transition {}
    }

    private static final Set<ProposalState> OPEN = Set.of(PROPOSED, APPROVED);
    private static final Set<ProposalState> IN_FLIGHT = Set.of(APPROVED, APPLIED);

    /** A newer round or configuration makes it stale. */
    public boolean open() { return OPEN.contains(this); }

    /** It holds its sites: no other proposal for them may be approved. */
    public boolean inFlight() { return IN_FLIGHT.contains(this); }

    public boolean terminal() { return !open() && this != APPLIED; }

    /** The state after {@code e}, or a refusal naming this state and the event. */
    public Transition next(Event e) {
        ProposalState to = switch (this) {
            case PROPOSED -> switch (e) {
                case APPROVE -> APPROVED;
                case REJECT -> REJECTED;
                case MARK_STALE -> STALE;
                default -> null;
            };
            case APPROVED -> switch (e) {
                case APPLIED -> APPLIED;
                case APPLY_FAILED -> FAILED;
                case MARK_STALE -> STALE;
                default -> null;
            };
            case APPLIED -> switch (e) {
                case VERIFIED -> VERIFIED;
                case ROLLED_BACK -> ROLLED_BACK;
                default -> null;
            };
            case REJECTED, STALE, FAILED, VERIFIED, ROLLED_BACK -> null;
        };
        if (to != null) return new Transition.Moved(to);
        return new Transition.Refused(refusal(e));
    }

    private String refusal(Event e) {
        String what = switch (e) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case MARK_STALE -> "marked stale";
            case APPLIED, APPLY_FAILED -> "applied";
            case VERIFIED, ROLLED_BACK -> "verified";
        };
        String why = switch (this) {
            case STALE -> "it is stale: a newer measurement round or configuration came after it was computed";
            case REJECTED -> "it was rejected";
            case FAILED -> "applying it failed";
            case VERIFIED, ROLLED_BACK -> "it was applied and verified already";
            case APPLIED -> "it is applied and awaiting verification";
            case APPROVED -> "it is approved already";
            case PROPOSED -> "it has not been approved";
        };
        return "proposal is " + name().toLowerCase(java.util.Locale.ROOT) + " and cannot be " + what + ": " + why;
    }
}
