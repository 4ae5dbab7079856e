package net.nsglobal.te.propose;

import java.util.List;
import java.util.Optional;

/**
 * What the operator pages, the operators' JSON API and the {@code te} commands do with proposals. They know only this
 * interface; {@link ProposalService} implements it and the launcher composes it.
 */
public interface Proposals {
    /** The newest first, at most {@code limit}. */
    List<Proposal> list(int limit);

    Optional<Proposal> find(long id);

    /** Per probe: where it was, where the prediction puts it, where it went (after verification). */
    List<ProposalStore.ProbeSites> probes(long id);

    /** The operator's approval with a reason; refused when stale, decided, a site is busy, or the reason is blank. */
    ProposalState.Transition approve(long id, String operator, String reason);

    ProposalState.Transition reject(long id, String operator, String reason);

    /** Whether low-risk proposals are applied without an operator. */
    boolean autoApply();
}
