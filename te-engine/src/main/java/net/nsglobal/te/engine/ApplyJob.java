package net.nsglobal.te.engine;

import java.util.Comparator;
import java.util.List;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apply job ({@value EngineJobs#APPLY}): applies approved proposals, oldest first, site by site through the
 * fleet ({@link ProposalService#apply}: a site that refuses or reverts fails the proposal and the sites already
 * changed get their previous knobs back). One change is in flight per site: the lifecycle lets no proposal be
 * approved for a site another holds, and this job runs under the fleet's change lock, so no experiment, rollback or
 * other apply interleaves.
 */
final class ApplyJob {
    private static final Logger log = LoggerFactory.getLogger(ApplyJob.class);

    private final Fleet fleet;
    private final ProposalService proposals;
    private final Runnable onApplied;

    /** {@code onApplied}: run after a proposal was applied (the demo measures a round at once). */
    ApplyJob(Fleet fleet, ProposalService proposals, Runnable onApplied) {
        this.fleet = fleet;
        this.proposals = proposals;
        this.onApplied = onApplied;
    }

    void run() {
        List<Proposal> approved = proposals.list(50).stream().filter(p -> p.state() == ProposalState.APPROVED)
                .sorted(Comparator.comparingLong(Proposal::id)).toList();
        if (approved.isEmpty()) return;
        if (!fleet.changes().tryLock()) {
            log.info("te-engine apply: another job is changing sites; proposals {} wait for the next run",
                    approved.stream().map(Proposal::id).toList());
            return;
        }
        try {
            for (Proposal p : approved) {
                log.info("te-engine apply: applying proposal #{} to sites {}", p.id(), p.sites());
                ProposalState.Transition t = proposals.apply(p.id());
                log.info("te-engine apply: proposal #{}: {}", p.id(), t);
                if (t instanceof ProposalState.Transition.Moved m && m.to() == ProposalState.APPLIED) onApplied.run();
            }
        } finally {
            fleet.changes().unlock();
        }
    }
}
