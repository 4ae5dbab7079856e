package net.nsglobal.te.engine;

import java.util.Map;
import java.util.Optional;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.Layout;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.store.MeasurementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The propose job ({@value EngineJobs#PROPOSE}): after each complete round, when no proposal is open or in flight,
 * asks the learned {@link net.nsglobal.te.propose.Optimizer} for a change from what the fleet runs now and submits it
 * with that round as its basis (state PROPOSED; with {@code te.auto-apply} a low-risk one is approved and applied at
 * once, under the fleet's change lock). Each round is proposed from once: a round where nothing improves is not
 * searched again. Each run ends in a {@link Verdict}: the proposal made, or why none (no model, a proposal open, no
 * complete round, the fleet busy, nothing improves and what held the cheapest changes back); a changed verdict is
 * logged once, so an operator reading the log can tell "nothing to gain" from "held back by a limit".
 */
final class ProposeJob {
    private static final Logger log = LoggerFactory.getLogger(ProposeJob.class);

    private final Learner learner;
    private final Fleet fleet;
    private final ProposalService proposals;
    private final MeasurementStore store;
    private final Rounds rounds;
    private long proposedFrom = -1;

    ProposeJob(Learner learner, Fleet fleet, ProposalService proposals, MeasurementStore store, Rounds rounds) {
        this.learner = learner;
        this.fleet = fleet;
        this.proposals = proposals;
        this.store = store;
        this.rounds = rounds;
    }

    /** Why the last run made no proposal, or which it made: what the status line and the logs say. */
    record Verdict(Kind kind, String detail) {
        enum Kind { NO_MODEL, PROPOSAL_OPEN, NO_COMPLETE_ROUND, ROUND_NOT_LATEST, ROUND_DONE, FLEET_BUSY, MODEL_DROPPED,
            NOTHING_IMPROVES, PROPOSED }

        @Override
        public String toString() { return kind + ": " + detail; }
    }

    private volatile Verdict last = new Verdict(Verdict.Kind.NO_MODEL, "not run yet");

    /** What the last run decided. */
    Verdict last() { return last; }

    Verdict run() {
        Verdict v = decide();
        Verdict was = last;
        last = v;
        // Each run's verdict is logged once when it changes (the job runs every few minutes); a proposal always.
        if (v.kind() != was.kind() && v.kind() != Verdict.Kind.PROPOSED && v.kind() != Verdict.Kind.ROUND_DONE) {
            log.info("te-engine propose: no proposal: {}", v.detail());
        }
        return v;
    }

    private Verdict decide() {
        proposals.refresh();
        Optional<Learner.Model> model = learner.model();
        if (model.isEmpty()) return new Verdict(Verdict.Kind.NO_MODEL, "no model learned yet");
        Optional<Proposal> open = proposals.list(50).stream().filter(p -> p.state().open() || p.state().inFlight()).findFirst();
        if (open.isPresent()) {
            return new Verdict(Verdict.Kind.PROPOSAL_OPEN, "proposal #" + open.get().id() + " is " + open.get().state());
        }
        Optional<CatchmentSnapshot> snap = rounds.completeLatest();
        Proposal.Basis basis = Proposal.Basis.current(store);
        if (snap.isEmpty()) return new Verdict(Verdict.Kind.NO_COMPLETE_ROUND, "no complete round yet (round " + basis.roundId()
                + " is the latest; two thirds of its probes must have answered)");
        if (snap.get().roundId() != basis.roundId()) {
            return new Verdict(Verdict.Kind.ROUND_NOT_LATEST, "round " + basis.roundId() + " is still being measured (round "
                    + snap.get().roundId() + " is the latest complete one)");
        }
        if (snap.get().roundId() == proposedFrom) {
            return new Verdict(Verdict.Kind.ROUND_DONE, "round " + proposedFrom + " was already proposed from");
        }
        if (!fleet.changes().tryLock()) { // learning or applying: the knobs are about to change
            return new Verdict(Verdict.Kind.FLEET_BUSY, "another job is changing sites");
        }
        try {
            Map<String, Knobs> now = fleet.running();
            Layout current;
            try {
                current = Layout.of(now, model.get().base());
            } catch (IllegalArgumentException e) {
                learner.invalidate(e.getMessage());
                return new Verdict(Verdict.Kind.MODEL_DROPPED, "the model cannot predict what the fleet runs: " + e.getMessage());
            }
            proposedFrom = snap.get().roundId();
            Optional<Candidate> c = model.get().optimizer().propose(current);
            if (c.isEmpty()) {
                String why = model.get().optimizer().whyNothing(current, 3);
                log.info("te-engine propose: round {}: no change improves on {}: {}", basis.roundId(), current, why);
                return new Verdict(Verdict.Kind.NOTHING_IMPROVES, "round " + basis.roundId() + ": no change improves on "
                        + current + ": " + why);
            }
            Proposal p = proposals.submit(c.get(), basis, snap.get(), now);
            log.info("te-engine propose: round {}: proposal #{} for sites {} ({} probes moved), now {}", basis.roundId(),
                    p.id(), p.sites(), p.probesMoved(), p.state());
            return new Verdict(Verdict.Kind.PROPOSED, "round " + basis.roundId() + ": proposal #" + p.id() + " for sites "
                    + p.sites());
        } finally {
            fleet.changes().unlock();
        }
    }
}
