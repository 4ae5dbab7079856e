package net.nsglobal.te.engine;

import java.time.Clock;
import java.util.List;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.measure.ObservatoryJobs;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.Constraints;
import net.nsglobal.te.propose.ExperimentRunner;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalStore;
import net.nsglobal.te.store.MeasurementStore;

/**
 * THE list of the route-change loop's jobs, in the order a change flows through them, each with its schedule (they
 * run beside the observatory's {@link ObservatoryJobs}, on the same clustered scheduler):
 *
 * <ol>
 *   <li>{@value #LEARN}, every {@code te.proposal-interval}: learns each probe's preferences from experiments when
 *       there is no model, or the fleet's configuration or the probe set changed enough ({@link Learner});</li>
 *   <li>{@value #PROPOSE}, every {@code te.proposal-interval}: after each complete round, with no proposal open or
 *       in flight, submits the optimizer's change (auto-applied when {@code te.auto-apply} allows) ({@link ProposeJob});</li>
 *   <li>{@value #APPLY}, every {@code te.verify-interval}: applies approved proposals, one change in flight per site
 *       ({@link ApplyJob});</li>
 *   <li>{@value #VERIFY}, every {@code te.verify-interval}: judges an applied proposal against the first complete
 *       round after it; rolls it back past the thresholds ({@link VerifyJob});</li>
 *   <li>{@value #STALE}, every {@code te.verify-interval}: marks stale every open proposal older than the latest round
 *       or configuration ({@link ProposalService#refresh}; approving and applying check it again themselves).</li>
 * </ol>
 *
 * What differs between production and the simulated world is only {@link Bindings}: how a site's knobs are put into
 * effect, how an experiment is measured, and where the probes and their round trips come from.
 */
public final class EngineJobs {
    public static final String LEARN = "te-learn", PROPOSE = "te-propose", APPLY = "te-apply", VERIFY = "te-verify",
            STALE = "te-stale";
    /** The optimizer's limits: see {@link Constraints} (the demo's since the loop was first run). */
    public static final Constraints LIMITS = new Constraints(0.60, 2, 0.02, 1500, 25);

    /** What puts the loop to work on a fleet. */
    public record Bindings(ChangeApplier sites, Experiments experiments, Vantage vantage) {}

    /** The experiment runner, given the fleet (a production runner changes sites through it). */
    @FunctionalInterface
    public interface Experiments {
        ExperimentRunner on(Fleet fleet);
    }

    private final List<ObservatoryJobs.Entry> entries;
    private final Fleet fleet;
    private final ProposalService proposals;
    private final Learner learner;
    private final ProposeJob propose;

    private EngineJobs(List<ObservatoryJobs.Entry> entries, Fleet fleet, ProposalService proposals, Learner learner,
                       ProposeJob propose) {
        this.entries = List.copyOf(entries);
        this.fleet = fleet;
        this.proposals = proposals;
        this.learner = learner;
        this.propose = propose;
    }

    /**
     * @param probesPerRound {@code te.probes-per-round}: a round counts as complete at two thirds of it
     * @param onApplied      run after a proposal was applied (production: nothing, the next scheduled round
     *                       verifies it; the demo measures a round at once)
     */
    public static EngineJobs of(EngineSettings settings, List<Site> sites, Bindings bindings, ProposalStore proposalStore,
                                MeasurementStore store, Observatory observatory, int probesPerRound, Runnable onApplied,
                                Clock clock) {
        return of(settings, LIMITS, true, sites, bindings, proposalStore, store, observatory, probesPerRound, onApplied,
                clock);
    }

    /**
     * As above with the optimizer's own {@code limits} (the demo lets one change move more probes), and whether the
     * fleet resumes the knobs of the proposals still in effect ({@code resume}; the demo starts each run from its
     * site files instead, so its story replays).
     */
    public static EngineJobs of(EngineSettings settings, Constraints limits, boolean resume, List<Site> sites,
                                Bindings bindings, ProposalStore proposalStore, MeasurementStore store,
                                Observatory observatory, int probesPerRound, Runnable onApplied, Clock clock) {
        Fleet fleet = new Fleet(sites, bindings.sites(), store, clock);
        ProposalService proposals = new ProposalService(proposalStore, fleet.applier(), () -> Proposal.Basis.current(store),
                settings.lifecycle(), clock);
        if (resume) fleet.resume(proposals.list(1000));
        Learner learner = new Learner(fleet, bindings.experiments().on(fleet), bindings.vantage(), proposals, settings, limits);
        Rounds rounds = new Rounds(observatory, probesPerRound);
        ProposeJob propose = new ProposeJob(learner, fleet, proposals, store, rounds);
        ApplyJob apply = new ApplyJob(fleet, proposals, onApplied);
        VerifyJob verify = new VerifyJob(fleet, proposals, rounds);
        return new EngineJobs(List.of(
                new ObservatoryJobs.Entry(LEARN, settings.proposalInterval(), null, now -> learner.run()),
                new ObservatoryJobs.Entry(PROPOSE, settings.proposalInterval(), null, now -> propose.run()),
                new ObservatoryJobs.Entry(APPLY, settings.verifyInterval(), null, now -> apply.run()),
                new ObservatoryJobs.Entry(VERIFY, settings.verifyInterval(), null, now -> verify.run()),
                new ObservatoryJobs.Entry(STALE, settings.verifyInterval(), null, now -> proposals.refresh())),
                fleet, proposals, learner, propose);
    }

    /** The jobs in the order a change flows through them. */
    public List<ObservatoryJobs.Entry> entries() { return entries; }

    public List<String> names() { return entries.stream().map(ObservatoryJobs.Entry::name).toList(); }

    /** Registers every job on {@code jobs} (before {@link Jobs#start}). */
    public void register(Jobs jobs) throws JobsException {
        for (ObservatoryJobs.Entry e : entries) jobs.everyDelay(e.name(), e.every(), e.task());
    }

    /** The lifecycle the operator pages and {@code te approve} act on. */
    public ProposalService proposals() { return proposals; }

    public Fleet fleet() { return fleet; }

    /** Whether a model has been learned (and how many experiments it took), for status lines. */
    public java.util.Optional<Integer> learnedExperiments() { return learner.model().map(Learner.Model::experiments); }

    /** What the propose job decided last time (a proposal, or why none), for status lines and tests. */
    public String lastProposeVerdict() { return propose.last().toString(); }
}
