package net.nsglobal.te.engine;

import java.util.Optional;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verify job ({@value EngineJobs#VERIFY}): an applied proposal is judged against the first complete round
 * measured after it was applied ({@link ProposalService#verify}); worse beyond {@code te.rollback-inflation} or
 * {@code te.rollback-optimal-drop}, the previous knobs go back through the fleet (under its change lock) and the
 * proposal is ROLLED_BACK, else VERIFIED.
 */
final class VerifyJob {
    private static final Logger log = LoggerFactory.getLogger(VerifyJob.class);

    private final Fleet fleet;
    private final ProposalService proposals;
    private final Rounds rounds;

    VerifyJob(Fleet fleet, ProposalService proposals, Rounds rounds) {
        this.fleet = fleet;
        this.proposals = proposals;
        this.rounds = rounds;
    }

    void run() {
        for (Proposal p : proposals.list(50)) {
            if (p.state() != ProposalState.APPLIED || p.appliedAt().isEmpty()) continue;
            Optional<CatchmentSnapshot> snap = rounds.completeLatest();
            if (snap.isEmpty() || !snap.get().time().isAfter(p.appliedAt().get())) continue;
            if (!fleet.changes().tryLock()) return;
            try {
                ProposalService.Verdict v = proposals.verify(p.id(), snap.get());
                log.info("te-engine verify: proposal #{} against round {}: {}", p.id(), snap.get().roundId(), v);
            } finally {
                fleet.changes().unlock();
            }
        }
    }
}
