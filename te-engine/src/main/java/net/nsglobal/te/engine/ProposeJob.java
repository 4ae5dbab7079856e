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
 * searched again.
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

    void run() {
        proposals.refresh();
        Optional<Learner.Model> model = learner.model();
        if (model.isEmpty()) return;
        if (proposals.list(50).stream().anyMatch(p -> p.state().open() || p.state().inFlight())) return;
        Optional<CatchmentSnapshot> snap = rounds.completeLatest();
        Proposal.Basis basis = Proposal.Basis.current(store);
        if (snap.isEmpty() || snap.get().roundId() != basis.roundId() || snap.get().roundId() == proposedFrom) return;
        if (!fleet.changes().tryLock()) return; // learning or applying: the knobs are about to change
        try {
            Map<String, Knobs> now = fleet.running();
            Layout current;
            try {
                current = Layout.of(now, model.get().base());
            } catch (IllegalArgumentException e) {
                learner.invalidate(e.getMessage());
                return;
            }
            proposedFrom = snap.get().roundId();
            Optional<Candidate> c = model.get().optimizer().propose(current);
            if (c.isEmpty()) {
                log.info("te-engine propose: round {}: no change improves on {}", basis.roundId(), current);
                return;
            }
            Proposal p = proposals.submit(c.get(), basis, snap.get(), now);
            log.info("te-engine propose: round {}: proposal #{} for sites {} ({} probes moved), now {}", basis.roundId(),
                    p.id(), p.sites(), p.probesMoved(), p.state());
        } finally {
            fleet.changes().unlock();
        }
    }
}
