package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import net.nsglobal.te.propose.ProposalState.Event;
import net.nsglobal.te.propose.ProposalState.Transition;
import org.junit.jupiter.api.Test;

/** Every state × event: exactly the diagram's arrows move, everything else is refused with a reason. */
class ProposalStateTest {
    static final Map<ProposalState, Map<Event, ProposalState>> ARROWS = Map.of(
            ProposalState.PROPOSED, Map.of(Event.APPROVE, ProposalState.APPROVED, Event.REJECT, ProposalState.REJECTED,
                    Event.MARK_STALE, ProposalState.STALE),
            ProposalState.APPROVED, Map.of(Event.APPLIED, ProposalState.APPLIED, Event.APPLY_FAILED, ProposalState.FAILED,
                    Event.MARK_STALE, ProposalState.STALE),
            ProposalState.APPLIED, Map.of(Event.VERIFIED, ProposalState.VERIFIED, Event.ROLLED_BACK,
                    ProposalState.ROLLED_BACK));

    @Test
    void exactlyTheDiagramsArrowsMove() {
        int moved = 0;
        for (ProposalState s : ProposalState.values()) {
            for (Event e : Event.values()) {
                Transition t = s.next(e);
                ProposalState expected = ARROWS.getOrDefault(s, Map.of()).get(e);
                if (expected != null) {
                    assertThat(t).as(s + " " + e).isEqualTo(new Transition.Moved(expected));
                    moved++;
                } else {
                    assertThat(t).as(s + " " + e).isInstanceOf(Transition.Refused.class);
                    assertThat(((Transition.Refused) t).reason()).contains(s.name().toLowerCase());
                }
            }
        }
        assertThat(moved).isEqualTo(8);
    }

    @Test
    void aStaleProposalCannotBeApprovedOrAppliedAndSaysWhy() {
        Transition approve = ProposalState.STALE.next(Event.APPROVE);
        assertThat(approve).isEqualTo(new Transition.Refused("proposal is stale and cannot be approved: it is stale: "
                + "a newer measurement round or configuration came after it was computed"));
        assertThat(ProposalState.STALE.next(Event.APPLIED)).isInstanceOf(Transition.Refused.class);
        assertThat(ProposalState.REJECTED.next(Event.APPROVE)).isInstanceOf(Transition.Refused.class);
        assertThat(ProposalState.APPROVED.next(Event.APPROVE)).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void openInFlightAndFinalStatesAreAsDocumented() {
        Set<ProposalState> open = EnumSet.noneOf(ProposalState.class);
        Set<ProposalState> inFlight = EnumSet.noneOf(ProposalState.class);
        Set<ProposalState> terminal = EnumSet.noneOf(ProposalState.class);
        for (ProposalState s : ProposalState.values()) {
            if (s.open()) open.add(s);
            if (s.inFlight()) inFlight.add(s);
            if (s.terminal()) terminal.add(s);
            // A final state has no way out.
            if (s.terminal()) for (Event e : Event.values()) assertThat(s.next(e)).isInstanceOf(Transition.Refused.class);
        }
        assertThat(open).containsExactlyInAnyOrder(ProposalState.PROPOSED, ProposalState.APPROVED);
        assertThat(inFlight).containsExactlyInAnyOrder(ProposalState.APPROVED, ProposalState.APPLIED);
        assertThat(terminal).containsExactlyInAnyOrder(ProposalState.REJECTED, ProposalState.STALE, ProposalState.FAILED,
                ProposalState.VERIFIED, ProposalState.ROLLED_BACK);
    }
}
