package net.nsglobal.te.propose;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.apply.Knobs;

/**
 * For any layout, the site (and unicast RTT there) of every probe, from the learned {@link PreferenceModel}. Probes
 * are addressed by their index in {@link #probes()}. Configurations that are not site-uniform are refused
 * ({@link Layout#of}): the experiments cannot see sessions, so the model cannot predict them.
 */
public final class Predictor {
    private final PreferenceModel model;
    private final List<Probe> probes;
    private final UnicastRtt rtt;
    private final Map<String, Knobs> base;
    private final Layout baseline;
    private final Map<Integer, String> passive;

    Predictor(PreferenceModel model, List<Probe> probes, UnicastRtt rtt, Map<String, Knobs> base, Layout baseline,
              Map<Integer, String> passive) {
        this.model = model;
        this.probes = List.copyOf(probes);
        this.rtt = rtt;
        this.base = Map.copyOf(base);
        this.baseline = baseline;
        this.passive = Map.copyOf(passive);
    }

    public PreferenceModel model() { return model; }

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
        int[] prepend = Experiments.prepends(layout, ids);
        String[] out = new String[probes.size()];
        for (int p = 0; p < out.length; p++) {
            int s = model.predict(p, prepend, rtt.of(p));
            out[p] = s < 0 ? null : ids.get(s);
        }
        return out;
    }

    /**
     * Passive history: the measured catchment of a configuration that was applied (not a controlled experiment),
     * learned like one — after a change, the model knows what the change did.
     */
    public void observe(Layout layout, Map<Integer, String> measured) {
        Experiments.observe(model, probes, rtt.sites(), layout, measured);
    }

    /** Per probe index: the predicted site's index in {@code rtt().sites()}, −1 for none. */
    public int[] predictIndex(Layout layout) {
        int[] prepend = Experiments.prepends(layout, rtt.sites());
        int[] out = new int[probes.size()];
        for (int p = 0; p < out.length; p++) out[p] = model.predict(p, prepend, rtt.of(p));
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
