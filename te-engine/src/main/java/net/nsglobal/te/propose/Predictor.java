package net.nsglobal.te.propose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.apply.Knobs;

/**
 * For any layout, the site (and unicast RTT there) of every probe, from the learned {@link PreferenceModel} and the
 * session experiments. Probes are addressed by their index in {@link #probes()}.
 *
 * <p><b>Session changes.</b> The site-level part of a layout is predicted by the model; then each session change it
 * carries is replayed from its experiment ({@link SessionExperiments}): a probe that experiment moved (measured
 * elsewhere than in the baseline) and that the site-level prediction still puts where the baseline had it goes where
 * the experiment sent it — or, if that site does not announce in the layout, to its next choice by the model with
 * the site it left withdrawn. Probes the experiment did not move stay as predicted. Several session changes are
 * replayed one after the other in the layout's order (site, then session name); each moves only probes still where
 * its own experiment found them, so two changes that both move a probe count once (the first), an approximation
 * the held-out accuracy measures. A per-session prepend is replayed the same way, at the depth its experiment
 * measured; a session's knobs that no experiment learned (another depth, a prepend community) are refused, naming
 * them.
 */
public final class Predictor {
    private final PreferenceModel model;
    private final List<Probe> probes;
    private final UnicastRtt rtt;
    private final Map<String, Knobs> base;
    private final Layout baseline;
    private final Map<Integer, String> passive;
    private final List<SessionExperiments.Outcome> sessions;
    /** Per probe index: the baseline's site index, −1 none. */
    private final int[] passiveIndex;

    Predictor(PreferenceModel model, List<Probe> probes, UnicastRtt rtt, Map<String, Knobs> base, Layout baseline,
              Map<Integer, String> passive, List<SessionExperiments.Outcome> sessions) {
        this.model = model;
        this.probes = List.copyOf(probes);
        this.rtt = rtt;
        this.base = Map.copyOf(base);
        this.baseline = baseline;
        this.passive = Map.copyOf(passive);
        this.sessions = List.copyOf(sessions);
        this.passiveIndex = new int[probes.size()];
        for (int p = 0; p < passiveIndex.length; p++) {
            String s = passive.get(probes.get(p).id());
            passiveIndex[p] = s == null ? -1 : rtt.sites().indexOf(s);
        }
    }

    /** The session changes the session experiments learned. */
    public List<SessionChange> levers() { return sessions.stream().map(SessionExperiments.Outcome::change).toList(); }

    public PreferenceModel model() { return model; }

    /** The session experiments, as learned. */
    List<SessionExperiments.Outcome> sessionOutcomes() { return sessions; }

    /** This predictor knowing only the session experiments {@code keep} accepts (same model, probes, baseline). */
    Predictor onlySessions(java.util.function.Predicate<SessionChange> keep) {
        return new Predictor(model, probes, rtt, base, baseline, passive,
                sessions.stream().filter(o -> keep.test(o.change())).toList());
    }

    public List<Probe> probes() { return probes; }

    public UnicastRtt rtt() { return rtt; }

    /** The knobs the experiments were run from. */
    public Map<String, Knobs> base() { return base; }

    /** The layout the experiments were run from. */
    public Layout baseline() { return baseline; }

    /** The catchment measured under the baseline (probe id → site). */
    public Map<Integer, String> passive() { return passive; }

    /** Per probe index: the predicted site, null for none. */
    public String[] predict(Layout layout) {
        List<String> ids = rtt.sites();
        int[] at = predictIndex(layout);
        String[] out = new String[at.length];
        for (int p = 0; p < out.length; p++) out[p] = at[p] < 0 ? null : ids.get(at[p]);
        return out;
    }

    /**
     * Passive history: the measured catchment of a configuration that was applied (not a controlled experiment),
     * learned like one — after a change, the model knows what the change did. The model is site-level: under
     * session changes, the probes their experiments moved are not learned from (their site says nothing about the
     * site-level preferences).
     */
    public void observe(Layout layout, Map<Integer, String> measured) {
        List<SessionExperiments.Outcome> carried = outcomes(layout);
        if (carried.isEmpty()) {
            Experiments.observe(model, probes, rtt.sites(), layout, measured);
            return;
        }
        int[] prepend = Experiments.prepends(layout, rtt.sites());
        for (int p = 0; p < probes.size(); p++) {
            boolean touched = false;
            for (SessionExperiments.Outcome o : carried) touched |= o.site()[p] != passiveIndex[p];
            if (touched) continue;
            String site = measured.get(probes.get(p).id());
            model.observe(p, prepend, site == null ? -1 : rtt.sites().indexOf(site));
        }
    }

    /** Per probe index: the predicted site's index in {@code rtt().sites()}, −1 for none. */
    public int[] predictIndex(Layout layout) {
        List<SessionExperiments.Outcome> carried = outcomes(layout);
        int[] prepend = Experiments.prepends(layout, rtt.sites());
        int[] out = new int[probes.size()];
        for (int p = 0; p < out.length; p++) out[p] = model.predict(p, prepend, rtt.of(p));
        for (SessionExperiments.Outcome o : carried) {
            for (int p = 0; p < out.length; p++) {
                int from = passiveIndex[p], to = o.site()[p];
                if (to == from || out[p] != from || from < 0) continue;
                if (to >= 0 && prepend[to] >= 0) {
                    out[p] = to;
                } else {
                    int[] without = prepend.clone();
                    without[from] = -1;
                    out[p] = model.predict(p, without, rtt.of(p));
                }
            }
        }
        return out;
    }

    /** The session experiments of the layout's session changes, in its order; refuses a change none learned. */
    private List<SessionExperiments.Outcome> outcomes(Layout layout) {
        List<SessionExperiments.Outcome> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        layout.sessions().forEach((site, m) -> m.forEach((name, k) -> {
            SessionExperiments.Outcome found = null;
            for (SessionExperiments.Outcome o : sessions) {
                SessionChange c = o.change();
                if (c.site().equals(site) && c.session().equals(name) && c.matches(k, layout.prepend(site))) found = o;
            }
            if (found == null) unknown.add(site + " " + name + ": " + Layout.describe(k));
            else out.add(found);
        }));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("te-engine propose: no session experiment learned " + String.join("; ", unknown)
                    + " (learned: " + (sessions.isEmpty() ? "none" : String.join("; ", levers().stream()
                    .map(c -> c.site() + " " + c.action()).toList())) + "); cannot predict it");
        }
        return out;
    }

    /** The predicted catchment of a complete configuration (probe id → site). */
    public Map<Integer, String> predict(Map<String, Knobs> configuration) {
        String[] s = predict(Layout.of(configuration, base));
        Map<Integer, String> out = new HashMap<>();
        for (int p = 0; p < s.length; p++) if (s[p] != null) out.put(probes.get(p).id(), s[p]);
        return out;
    }

    /**
     * How often the prediction was right on measured configurations the predictor did not learn from.
     *
     * @param judged    probes that answered in a measurement (a probe predicted to answer that did not counts wrong)
     * @param moved     of those, probes whose measured site differs from the baseline's: the hard cases
     * @param unchanged correct answers of the naive prediction "nobody moves", for comparison
     */
    public record Accuracy(int configurations, int judged, int correct, int moved, int movedCorrect, int unchanged) {
        public double share() { return judged == 0 ? Double.NaN : (double) correct / judged; }

        public double movedShare() { return moved == 0 ? Double.NaN : (double) movedCorrect / moved; }

        public double naiveShare() { return judged == 0 ? Double.NaN : (double) unchanged / judged; }

        @Override
        public String toString() {
            return String.format("%.2f%% of %d probe answers over %d held-out configurations correct; of the %d that moved,"
                    + " %.2f%%; the naive 'nobody moves' %.2f%%", 100 * share(), judged, configurations, moved,
                    100 * movedShare(), 100 * naiveShare());
        }
    }

    /** Measures {@code layouts} with {@code runner} and compares each probe's measured site with the prediction. */
    public Accuracy accuracy(ExperimentRunner runner, List<Layout> layouts) throws IOException {
        int judged = 0, correct = 0, moved = 0, movedCorrect = 0, unchanged = 0;
        for (Layout l : layouts) {
            Map<Integer, String> measured = runner.catchment(l.knobs(base));
            String[] predicted = predict(l);
            for (int p = 0; p < predicted.length; p++) {
                int id = probes.get(p).id();
                String m = measured.get(id);
                if (m == null) continue;
                judged++;
                boolean ok = m.equals(predicted[p]);
                if (ok) correct++;
                if (m.equals(passive.get(id))) unchanged++;
                else {
                    moved++;
                    if (ok) movedCorrect++;
                }
            }
        }
        return new Accuracy(layouts.size(), judged, correct, moved, movedCorrect, unchanged);
    }
}
