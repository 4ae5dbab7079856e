package net.nsglobal.te.engine;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Constraints;
import net.nsglobal.te.propose.ExperimentRunner;
import net.nsglobal.te.propose.Experiments;
import net.nsglobal.te.propose.Layout;
import net.nsglobal.te.propose.Optimizer;
import net.nsglobal.te.propose.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learn job ({@value EngineJobs#LEARN}): runs the experiment schedule ({@link Experiments#learn}) and keeps the
 * {@link Optimizer} built on what it learned, and learns again when the model no longer fits:
 * <ul>
 *   <li>there is none yet;</li>
 *   <li>the fleet's configuration changed under it: what the sites run is not a layout of the knobs the experiments
 *       started from (a session-level change, different communities — the model cannot predict those), or the
 *       sites' configured knobs changed;</li>
 *   <li>the probe set changed enough: more than {@code te.relearn-probe-change} of the latest round's probes were
 *       not among the probes learned over.</li>
 * </ul>
 * It never experiments without the operator's consent ({@code te.experiments-on-production}), while a proposal is
 * in flight (approved or applied: its verification must measure its own change), or while another job changes sites.
 */
final class Learner {
    private static final Logger log = LoggerFactory.getLogger(Learner.class);
    static final int MAX_STEPS = 2;

    /** What learning produced, and what it was learned from. */
    record Model(Optimizer optimizer, net.nsglobal.te.propose.Predictor predictor, Map<String, Knobs> base, Map<String, Knobs> configured, Set<Integer> probes,
                 int experiments, double accuracy) {}

    private final Fleet fleet;
    private final ExperimentRunner runner;
    private final Vantage vantage;
    private final Proposals proposals;
    private final EngineSettings settings;
    private final Constraints limits;
    private volatile Model model;
    private boolean toldOff;

    Learner(Fleet fleet, ExperimentRunner runner, Vantage vantage, Proposals proposals, EngineSettings settings,
            Constraints limits) {
        this.fleet = fleet;
        this.runner = runner;
        this.vantage = vantage;
        this.proposals = proposals;
        this.settings = settings;
        this.limits = limits;
    }

    Optional<Model> model() { return Optional.ofNullable(model); }

    /** Forgets the model (the propose job found the fleet's knobs unpredictable): the next run learns again. */
    void invalidate(String why) {
        if (model != null) log.info("te-engine learn: model dropped: {}", why);
        model = null;
    }

    void run() throws IOException {
        if (!settings.experimentsOnProduction()) {
            if (!toldOff) {
                log.warn("te-engine learn: te.experiments-on-production is off: no experiments, so no model and no "
                        + "proposals (the observatory still measures every round)");
                toldOff = true;
            }
            return;
        }
        if (proposals.list(50).stream().anyMatch(p -> p.state().inFlight())) {
            log.debug("te-engine learn: a proposal is in flight; not experimenting now");
            return;
        }
        Optional<Vantage.Points> points = vantage.points(fleet.ids());
        if (points.isEmpty()) {
            log.info("te-engine learn: no measured round yet to learn over");
            return;
        }
        Optional<String> why = why(points.get());
        if (why.isEmpty()) return;
        if (!fleet.changes().tryLock()) {
            log.info("te-engine learn: another job is changing sites; learning next time ({})", why.get());
            return;
        }
        try {
            learn(points.get(), why.get());
        } finally {
            fleet.changes().unlock();
        }
    }

    /** Why the model must be learned (again), or empty if it still fits. */
    Optional<String> why(Vantage.Points points) {
        Model m = model;
        if (m == null) return Optional.of("no model yet");
        if (!m.configured().equals(fleet.configured())) return Optional.of("the sites' configured sessions changed");
        try {
            // A layout of the base knobs whose session changes (if any) a session experiment learned.
            m.predictor().predictIndex(Layout.of(fleet.running(), m.base()));
        } catch (IllegalArgumentException e) {
            return Optional.of("the fleet runs knobs the model cannot predict: " + e.getMessage());
        }
        long unseen = points.probes().stream().filter(p -> !m.probes().contains(p.id())).count();
        double share = points.probes().isEmpty() ? 0 : (double) unseen / points.probes().size();
        if (share > settings.relearnProbeChange()) {
            return Optional.of(String.format(java.util.Locale.ROOT, "%d of the latest round's %d probes (%.0f%%) are new",
                    unseen, points.probes().size(), 100 * share));
        }
        return Optional.empty();
    }

    private void learn(Vantage.Points points, String why) throws IOException {
        long t0 = System.nanoTime();
        Map<String, Knobs> base = fleet.running();
        log.info("te-engine learn: learning ({}): {} probes, {} sites, {} site-level experiments to run and a few "
                + "session experiments at the most anomalous site", why, points.probes().size(), base.size(), 2 * base.size());
        Experiments.Learned learned;
        try {
            learned = Experiments.learn(runner, fleet.sites(), points.probes(), base, points.rtt());
        } catch (IllegalArgumentException e) {
            // The schedule prepends or withdraws whole sites from the knobs they run; from per-session knobs it
            // cannot, and it refuses them before any experiment runs.
            model = null;
            log.warn("te-engine learn: not learning ({}): the experiments cannot start from what the fleet runs: {}",
                    why, e.getMessage());
            return;
        }
        double accuracy = Double.NaN;
        if (settings.heldOutExperiments() > 0) {
            // Held-out changes include the session changes the session experiments learned.
            accuracy = learned.predictor().accuracy(runner, Experiments.heldOut(learned,
                    settings.heldOutExperiments(), 7)).share();
        }
        Optimizer optimizer = new Optimizer(learned.predictor(), fleet.sites(), limits, MAX_STEPS, accuracy,
                learned.experiments());
        Set<Integer> ids = new HashSet<>();
        for (Probe p : points.probes()) ids.add(p.id());
        model = new Model(optimizer, learned.predictor(), base, fleet.configured(), ids, learned.experiments(), accuracy);
        log.info("te-engine learn: learned from {} experiments in {} ms; held-out accuracy {}", learned.experiments(),
                (System.nanoTime() - t0) / 1_000_000, Double.isNaN(accuracy) ? "not measured"
                        : Math.round(accuracy * 1000) / 10.0 + "%");
    }
}
