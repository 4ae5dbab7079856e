package net.nsglobal.te.propose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Knobs;

/**
 * The controlled experiments the engine schedules for itself, and the learning from them.
 *
 * <p><b>Schedule: 2 × sites experiments.</b> The current configuration's catchment is passive history (the
 * observatory measures it every round) and is not counted. The sites are then grouped in pairs (one triple if their
 * number is odd), and each group gets four experiments, all other sites as they are: the group prepended 1, 2 and
 * 3 (an AnyPro prepend sweep: a probe leaves its site at the prepend that overcomes its route's margin) and the
 * group withdrawn (AnyOpt's leave-one-out: where the probe goes next). Twelve sites cost 24 experiments.
 *
 * <p><b>What the pairing trades.</b> Sweeping two sites at once halves the count; the price is that a probe whose
 * second choice is its site's partner never shows it (both are prepended or withdrawn together), so it shows its
 * third choice instead. The pairing therefore joins sites least likely to be each other's second choice: sites with
 * no neighbour AS in common (a transit heard at several sites hands a probe to its next-nearest one, hot potato),
 * then sites few probes have as their next-nearest by unicast RTT. Deeper orders (third choices and beyond) are seen
 * only where the schedule happens to show them; prediction there is the model's estimate ({@link PreferenceModel}).
 *
 * <p><b>Then the session experiments</b> ({@link SessionExperiments}): for the site whose catchment is most
 * anomalous, one experiment per session lever (a session withdrawn, a session alone prepended 3, a neighbour's
 * no-export community attached), typically three to five; counted in {@link Learned#experiments()} and shown apart in
 * {@link Learned#sessionExperiments()}.
 */
public final class Experiments {
    private Experiments() {}

    /**
     * What learning produced: the predictor, the experiments run (passive baseline excluded; site-level and session
     * experiments together), the groups, and how many of the experiments were session experiments.
     */
    public record Learned(Predictor predictor, int experiments, List<List<String>> groups, int sessionExperiments) {
        /** The session changes the session experiments learned (what the optimizer may propose per session). */
        public List<SessionChange> levers() { return predictor.levers(); }
    }

    /**
     * Runs the schedule from {@code base} (the current knobs, which must be site-uniform: {@link Layout#of}) and
     * learns every probe's preferences.
     */
    public static Learned learn(ExperimentRunner runner, List<Site> sites, List<Probe> probes, Map<String, Knobs> base,
                                UnicastRtt rtt) throws IOException {
        List<String> ids = rtt.sites();
        Layout baseline = Layout.of(base, base);
        if (!baseline.sessions().isEmpty()) {
            throw new IllegalArgumentException("te-engine propose: learning starts from site-uniform knobs; these differ per session: " + baseline);
        }
        PreferenceModel model = new PreferenceModel(ids, probes.size());
        Map<Integer, String> passive = runner.catchment(base);
        observe(model, probes, ids, baseline, passive);
        List<List<String>> groups = groups(sites, ids, probes, passive, rtt);
        int experiments = 0;
        for (List<String> g : groups) {
            for (int k = 1; k <= 4; k++) {
                Layout l = baseline;
                for (String s : g) l = k <= 3 ? l.with(s, k) : l.without(s);
                observe(model, probes, ids, l, runner.catchment(l.knobs(base)));
                experiments++;
            }
        }
        // IPv4: the family the observatory measures (ObservatoryJobs.anycastAddress).
        List<SessionChange> levers = SessionExperiments.levers(sites, base, probes, passive, rtt, false);
        List<SessionExperiments.Outcome> sessions = SessionExperiments.run(runner, levers, baseline, base, probes, ids);
        return new Learned(new Predictor(model, probes, rtt, base, baseline, passive, sessions), experiments + sessions.size(),
                groups, sessions.size());
    }

    static void observe(PreferenceModel model, List<Probe> probes, List<String> ids, Layout l, Map<Integer, String> catchment) {
        int[] prepend = prepends(l, ids);
        for (int p = 0; p < probes.size(); p++) {
            String site = catchment.get(probes.get(p).id());
            model.observe(p, prepend, site == null ? -1 : ids.indexOf(site));
        }
    }

    static int[] prepends(Layout l, List<String> ids) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) out[i] = l.prepend(ids.get(i));
        return out;
    }

    /** The pairing described in the class comment: the least total cost over all pairings (one triple if odd). */
    static List<List<String>> groups(List<Site> sites, List<String> ids, List<Probe> probes, Map<Integer, String> passive,
                                     UnicastRtt rtt) {
        int n = ids.size();
        if (n > 20) throw new IllegalArgumentException("te-engine propose: " + n + " sites; the pairing search handles up to 20");
        Map<String, Set<Long>> neighbours = new HashMap<>();
        for (Site s : sites) {
            Set<Long> as = new HashSet<>();
            for (Neighbor nb : s.neighbors()) as.add(nb.peerAs());
            neighbours.put(s.id(), as);
        }
        long[][] cost = new long[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) continue;
                Set<Long> common = new HashSet<>(neighbours.getOrDefault(ids.get(a), Set.of()));
                common.retainAll(neighbours.getOrDefault(ids.get(b), Set.of()));
                cost[a][b] += 100_000L * common.size();
            }
        }
        for (int p = 0; p < probes.size(); p++) {
            String at = passive.get(probes.get(p).id());
            if (at == null) continue;
            int a = ids.indexOf(at), next = -1;
            for (int s = 0; s < n; s++) {
                double v = rtt.ms(p, s);
                if (s != a && !Double.isNaN(v) && (next < 0 || v < rtt.ms(p, next))) next = s;
            }
            if (a >= 0 && next >= 0) {
                cost[a][next]++;
                cost[next][a]++;
            }
        }
        long[] best = new long[1 << n];
        int[] choice = new int[1 << n];
        Arrays.fill(best, -1);
        solve((1 << n) - 1, n, cost, best, choice);
        List<List<String>> out = new ArrayList<>();
        for (int mask = (1 << n) - 1; mask != 0; ) {
            int g = choice[mask];
            List<String> group = new ArrayList<>();
            for (int i = 0; i < n; i++) if ((g & (1 << i)) != 0) group.add(ids.get(i));
            out.add(group);
            mask &= ~g;
        }
        return out;
    }

    /** Least cost of grouping the sites in {@code mask}: pairs, plus one triple when their number is odd. */
    private static long solve(int mask, int n, long[][] cost, long[] best, int[] choice) {
        if (mask == 0) return 0;
        if (best[mask] >= 0) return best[mask];
        int i = Integer.numberOfTrailingZeros(mask), left = Integer.bitCount(mask);
        long b = left == 1 ? 0 : Long.MAX_VALUE;
        int pick = 1 << i;
        for (int j = i + 1; j < n; j++) {
            if ((mask & (1 << j)) == 0) continue;
            if (left - 2 != 1) { // a pair, unless it would leave one site alone
                int g = (1 << i) | (1 << j);
                long c = cost[i][j] + solve(mask & ~g, n, cost, best, choice);
                if (c < b) { b = c; pick = g; }
            }
            if (left % 2 == 1) {
                for (int k = j + 1; k < n; k++) {
                    if ((mask & (1 << k)) == 0) continue;
                    int g = (1 << i) | (1 << j) | (1 << k);
                    long c = cost[i][j] + cost[i][k] + cost[j][k] + solve(mask & ~g, n, cost, best, choice);
                    if (c < b) { b = c; pick = g; }
                }
            }
        }
        best[mask] = b;
        choice[mask] = pick;
        return b;
    }

    /**
     * {@code count} configurations no experiment measured, for measuring accuracy, as {@link #heldOut(Layout, List,
     * int, long)} makes them; when session changes were learned, every other one also carries one of them (picked at
     * random, where it still applies: {@link SessionChange#appliesTo}), so the rule that combines a session experiment with site-level changes
     * ({@link Predictor}) is measured too. A session change alone from the baseline is what its experiment measured
     * and is never held out.
     */
    public static List<Layout> heldOut(Learned learned, int count, long seed) {
        List<SessionChange> levers = learned.levers();
        Layout baseline = learned.predictor().baseline();
        List<Layout> site = heldOut(baseline, learned.groups(), 4 * count, seed);
        Random rnd = new Random(seed + 1);
        List<Layout> out = new ArrayList<>();
        for (Layout l : site) {
            if (out.size() == count) break;
            if (!levers.isEmpty() && out.size() % 2 == 1) {
                SessionChange c = levers.get(rnd.nextInt(levers.size()));
                if (!c.appliesTo(l)) continue;
                l = c.on(l);
            }
            if (!out.contains(l)) out.add(l);
        }
        return out;
    }

    /**
     * {@code count} configurations the schedule does not contain, for measuring accuracy: from {@code baseline},
     * one to three random changes each (a site prepended 1…3 or withdrawn, at least two sites left announcing).
     */
    public static List<Layout> heldOut(Layout baseline, List<List<String>> groups, int count, long seed) {
        Set<Layout> learned = new HashSet<>();
        learned.add(baseline);
        for (List<String> g : groups) {
            for (int k = 1; k <= 4; k++) {
                Layout l = baseline;
                for (String s : g) l = k <= 3 ? l.with(s, k) : l.without(s);
                learned.add(l);
            }
        }
        List<String> sites = List.copyOf(baseline.prepends().keySet());
        Random rnd = new Random(seed);
        List<Layout> out = new ArrayList<>();
        while (out.size() < count) {
            Layout l = baseline;
            int changes = 1 + rnd.nextInt(3);
            for (int c = 0; c < changes; c++) {
                String s = sites.get(rnd.nextInt(sites.size()));
                int what = rnd.nextInt(4);
                l = what == 0 ? l.without(s) : l.with(s, what);
            }
            if (l.prepends().size() >= 2 && !learned.contains(l) && !out.contains(l)) out.add(l);
        }
        return out;
    }
}
