package net.nsglobal.te.propose;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.te.apply.Knobs;

/**
 * Where proposals, their audit log and their verification live. Every change of state goes through
 * {@link #transition}, which checks {@link ProposalState#next}, keeps one change in flight per site and writes the
 * audit line in the same transaction; refusals come back as {@link ProposalState.Transition.Refused}.
 */
public interface ProposalStore {
    /** One probe's sites: in the basis round, as predicted, and as measured after the change (null: no answer/not yet). */
    record ProbeSites(int probeId, String beforeSite, String predictedSite, String measuredSite) {}

    /**
     * Stores a new PROPOSED proposal with its first audit line ("proposed"), its per-region rows (measured before,
     * predicted) and its per-probe predictions.
     */
    Proposal insert(Instant created, Candidate candidate, Proposal.Basis basis, Map<String, Knobs> previous,
                    List<Proposal.RegionComparison> regions, List<ProbeSites> probes, Proposal.AuditEntry entry);

    Optional<Proposal> find(long id);

    /** The newest first, at most {@code limit}. */
    List<Proposal> list(int limit);

    /**
     * Moves proposal {@code id} by {@code event} and logs {@code entry}: refused if the proposal does not exist, the
     * state machine does not allow it, or (APPROVE) another proposal has one of its sites in flight. Leaving the
     * in-flight states releases the sites.
     */
    ProposalState.Transition transition(long id, ProposalState.Event event, Proposal.AuditEntry entry);

    /**
     * Marks STALE every open proposal computed from an older round or another config version than {@code current},
     * with an audit line each; returns their ids.
     */
    List<Long> markStale(Proposal.Basis current, Instant at);

    /** The per-probe sites of a proposal, by probe id. */
    List<ProbeSites> probes(long id);

    /**
     * Records the measured outcome of an APPLIED proposal (per region, per probe) and moves it to VERIFIED or, if
     * {@code v.rolledBack()}, ROLLED_BACK, with {@code entry} in the audit log.
     */
    ProposalState.Transition verified(long id, Proposal.Verification v, List<Proposal.RegionComparison> regions,
                                      Map<Integer, String> measuredSites, Proposal.AuditEntry entry);
}
