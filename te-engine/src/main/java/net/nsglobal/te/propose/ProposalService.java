package net.nsglobal.te.propose;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.ProposalState.Event;
import net.nsglobal.te.propose.ProposalState.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proposal lifecycle ({@link ProposalState}): a candidate is submitted with what it was computed from, an
 * operator approves or rejects it with a reason (or auto-apply does, for a low-risk one, when turned on), it is
 * applied site by site through the {@link ChangeApplier}, and a later round verifies it: the measured figures per
 * region and per probe are compared with the prediction, and if the objective got worse beyond the thresholds the
 * previous knobs are restored and the proposal is rolled back.
 *
 * <p>Staleness is checked against {@code current} (the latest round and config version) before every approval and
 * apply, so a proposal made stale by a newer measurement cannot slip through between two {@link #refresh} calls.
 */
public final class ProposalService implements Proposals {
    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);
    /** Who the audit log names for an automatic approval. */
    public static final String AUTO = "auto-apply";

    private final ProposalStore store;
    private final ChangeApplier applier;
    private final Supplier<Proposal.Basis> current;
    private final LifecycleSettings settings;
    private final Clock clock;

    /** @param current the latest complete round and the fleet's config version, now */
    public ProposalService(ProposalStore store, ChangeApplier applier, Supplier<Proposal.Basis> current,
                           LifecycleSettings settings, Clock clock) {
        this.store = store;
        this.applier = applier;
        this.current = current;
        this.settings = settings;
        this.clock = clock;
    }

    /** What {@link #verify} decided. */
    public sealed interface Verdict {
        /** The outcome is not worse: the change stays. */
        record Kept(Proposal.Verification verification) implements Verdict {}

        /** Worse: {@code restore} (each site's previous knobs) was handed to the applier, with these outcomes. */
        record RolledBack(Proposal.Verification verification, String why, Map<String, Knobs> restore,
                          Map<String, ChangeApplier.Outcome> outcomes) implements Verdict {}

        record Refused(String reason) implements Verdict {}
    }

    /**
     * Stores a candidate computed from {@code basisRound} (the analysis of round {@code basis.roundId()}) while the
     * changed sites ran {@code previous}; with auto-apply on and a low-risk candidate, approves and applies it.
     */
    public Proposal submit(Candidate candidate, Proposal.Basis basis, CatchmentSnapshot basisRound,
                           Map<String, Knobs> previous) {
        if (basisRound.roundId() != basis.roundId()) {
            throw new IllegalArgumentException("te-engine proposals: basis is round " + basis.roundId()
                    + " but the analysis given is of round " + basisRound.roundId());
        }
        if (!previous.keySet().containsAll(candidate.knobs().keySet())) {
            throw new IllegalArgumentException("te-engine proposals: no previous knobs for sites "
                    + candidate.knobs().keySet() + " (have " + previous.keySet() + "); a rollback could not restore them");
        }
        Map<String, Knobs> before = new java.util.TreeMap<>();
        candidate.knobs().keySet().forEach(s -> before.put(s, previous.get(s)));
        Proposal p = store.insert(clock.instant(), candidate, basis, before, Verifier.predicted(basisRound, candidate),
                Verifier.predict(basisRound, candidate), new Proposal.AuditEntry(clock.instant(),
                        Proposal.AuditEntry.SYSTEM, "proposed", String.join("; ", candidate.reasons())));
        log.info("te-engine proposals: #{} proposed for {} ({} probes moved)", p.id(), p.sites(), p.probesMoved());
        refresh();
        if (settings.autoApply()) {
            Optional<String> risky = Verifier.notLowRisk(candidate, settings);
            if (risky.isEmpty()) {
                Transition t = store.transition(p.id(), Event.APPROVE, new Proposal.AuditEntry(clock.instant(), AUTO,
                        "approved", "low risk: " + p.probesMoved() + " probes moved (at most "
                        + settings.autoApplyMaxProbesMoved() + "), no region predicted worse"));
                if (t instanceof Transition.Moved) apply(p.id());
            } else {
                log.info("te-engine proposals: #{} waits for an operator: not low risk, {}", p.id(), risky.get());
            }
        }
        return store.find(p.id()).orElseThrow();
    }

    /** Marks stale every open proposal older than the current round or config version; returns their ids. */
    public List<Long> refresh() {
        List<Long> stale = store.markStale(current.get(), clock.instant());
        if (!stale.isEmpty()) log.info("te-engine proposals: stale now: {}", stale);
        return stale;
    }

    @Override
    public Transition approve(long id, String operator, String reason) { return decide(id, operator, reason, Event.APPROVE); }

    @Override
    public Transition reject(long id, String operator, String reason) { return decide(id, operator, reason, Event.REJECT); }

    private Transition decide(long id, String operator, String reason, Event e) {
        if (reason == null || reason.isBlank()) {
            return new Transition.Refused("a reason is required: the audit log says why each proposal was "
                    + (e == Event.APPROVE ? "approved" : "rejected"));
        }
        if (operator == null || operator.isBlank()) return new Transition.Refused("an operator is required");
        refresh();
        Transition t = store.transition(id, e, new Proposal.AuditEntry(clock.instant(), operator,
                e == Event.APPROVE ? "approved" : "rejected", reason.strip()));
        log.info("te-engine proposals: #{} {} by {}: {}", id, e, operator, t);
        return t;
    }

    /**
     * Applies an APPROVED proposal, site by site in site order. If a site refuses or reverts, the sites already
     * changed get their previous knobs back and the proposal FAILED; otherwise it is APPLIED and awaits
     * {@link #verify}.
     */
    public Transition apply(long id) {
        refresh();
        Optional<Proposal> found = store.find(id);
        if (found.isEmpty()) return new Transition.Refused("there is no proposal #" + id);
        Proposal p = found.get();
        if (p.state() != ProposalState.APPROVED) return p.state().next(Event.APPLIED);
        List<String> done = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (String site : p.sites()) {
            ChangeApplier.Outcome o = applier.apply(site, p.candidate().knobs().get(site));
            if (!(o instanceof ChangeApplier.Outcome.Applied)) {
                for (String back : done) {
                    ChangeApplier.Outcome r = applier.apply(back, p.previous().get(back));
                    details.add(back + ": restored: " + r.detail());
                }
                String what = o instanceof ChangeApplier.Outcome.Refused ? "refused" : "reverted";
                details.add(0, site + ": " + what + ": " + o.detail());
                log.warn("te-engine proposals: #{} not applied: site {} {}: {}", id, site, what, o.detail());
                return store.transition(id, Event.APPLY_FAILED, new Proposal.AuditEntry(clock.instant(),
                        Proposal.AuditEntry.SYSTEM, "apply failed", String.join("; ", details)));
            }
            done.add(site);
            details.add(site + ": " + o.detail());
        }
        return store.transition(id, Event.APPLIED, new Proposal.AuditEntry(clock.instant(), Proposal.AuditEntry.SYSTEM,
                "applied", String.join("; ", details)));
    }

    /**
     * Compares the round measured after the change with the prediction and the basis round. Worse beyond the
     * thresholds: the previous knobs are applied again and the proposal is ROLLED_BACK; else VERIFIED.
     */
    public Verdict verify(long id, CatchmentSnapshot measured) {
        Optional<Proposal> found = store.find(id);
        if (found.isEmpty()) return new Verdict.Refused("there is no proposal #" + id);
        Proposal p = found.get();
        if (p.state() != ProposalState.APPLIED) {
            return new Verdict.Refused(((Transition.Refused) p.state().next(Event.VERIFIED)).reason());
        }
        if (p.appliedAt().isPresent() && !measured.time().isAfter(p.appliedAt().get())) {
            return new Verdict.Refused("round " + measured.roundId() + " (" + measured.time() + ") was measured before "
                    + "the change was applied (" + p.appliedAt().get() + ")");
        }
        List<Proposal.RegionComparison> rows = Verifier.measured(p.regions(), measured);
        Map<Integer, String> sites = Verifier.sites(measured);
        double[] acc = Verifier.accuracy(store.probes(id), sites);
        Optional<String> worse = Verifier.worse(rows, settings);
        Proposal.Verification v = new Proposal.Verification(measured.roundId(), clock.instant(), acc[0], (int) acc[1],
                worse.isPresent());
        String accuracy = Double.isNaN(acc[0]) ? "no probe to compare"
                : String.format(java.util.Locale.ROOT, "%.1f%% of %d probes where predicted", 100 * acc[0], (int) acc[1]);
        if (worse.isEmpty()) {
            Transition t = store.verified(id, v, rows, sites, new Proposal.AuditEntry(clock.instant(),
                    Proposal.AuditEntry.SYSTEM, "verified", "round " + measured.roundId() + ": " + accuracy));
            return t instanceof Transition.Refused r ? new Verdict.Refused(r.reason()) : new Verdict.Kept(v);
        }
        Map<String, ChangeApplier.Outcome> outcomes = new java.util.TreeMap<>();
        for (String site : p.sites()) outcomes.put(site, applier.apply(site, p.previous().get(site)));
        List<String> restored = outcomes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().detail()).toList();
        Transition t = store.verified(id, v, rows, sites, new Proposal.AuditEntry(clock.instant(),
                Proposal.AuditEntry.SYSTEM, "rolled back", "round " + measured.roundId() + ": " + worse.get() + "; "
                + accuracy + "; previous knobs restored: " + String.join("; ", restored)));
        log.warn("te-engine proposals: #{} rolled back: {}", id, worse.get());
        if (t instanceof Transition.Refused r) return new Verdict.Refused(r.reason());
        return new Verdict.RolledBack(v, worse.get(), p.previous(), outcomes);
    }

    @Override
    public List<Proposal> list(int limit) { return store.list(limit); }

    @Override
    public Optional<Proposal> find(long id) { return store.find(id); }

    @Override
    public List<ProposalStore.ProbeSites> probes(long id) { return store.probes(id); }

    @Override
    public boolean autoApply() { return settings.autoApply(); }
}
