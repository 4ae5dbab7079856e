package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every probe's preference among the sites, learned from catchment observations only.
 *
 * <p><b>The model.</b> Each probe p has an unknown value x<sub>s</sub> per site s — its route's length to s, in AS
 * hops, plus a fraction for the tie-breaks BGP applies after length (route class makes it jump by more than any
 * prepend). Under a layout where site s announces with prepend π<sub>s</sub>, p reaches the announcing site with the
 * least x<sub>s</sub> + π<sub>s</sub>. With every π = 0 this is AnyOpt's per-probe preference order (Zhang et al.,
 * SIGCOMM 2021); the prepend term is AnyPro's (prepend sweeps show at which prepend a probe switches).
 *
 * <p><b>Learning.</b> An observation "under layout L, p reached w" says x<sub>w</sub> + π<sub>w</sub> &lt;
 * x<sub>t</sub> + π<sub>t</sub> for every other announcing t: difference constraints. Each probe keeps their
 * closure as a matrix of tightest bounds (upper bound of x<sub>j</sub> − x<sub>i</sub>), updated per constraint in
 * O(n²). A constraint that contradicts the ones before (a cycle of negative weight: the world did something the
 * model cannot express, e.g. an intermediate network changing its own choice) is dropped and counted.
 *
 * <p><b>Prediction.</b> Relative to the probe's reference site r (its first observed winner), each x<sub>s</sub> − x<sub>r</sub>
 * lies in [lo, hi]; the estimate is the middle, the lower bound capped at −{@link #CAP}. A site with no upper bound
 * (never seen to win against r) counts as {@link #CAP}, further than any prepend reaches. The probe goes to the
 * announcing site of least estimate + prepend; on equal values an order the observations imply wins, else the lower
 * unicast RTT (the nearest site, as hot potato among one neighbour's sites would have it), else the lower index.
 */
public final class PreferenceModel {
    /** Strictness of "&lt;": 1/1024 is exact in float and a dozen of them stay far below one AS hop. */
    static final float EPS = 1f / 1024;
    /** Beyond the longest prepend (3): a bound not learned counts as this far. */
    static final float CAP = 5f;
    private static final float INF = Float.POSITIVE_INFINITY;

    private final List<String> sites;
    private final int n;
    /** Per probe: n×n tightest bounds, [i*n+j] ≥ x_j − x_i; null until the probe is first seen at a site. */
    private final float[][] bound;
    private final int[] reference;
    private int dropped;

    public PreferenceModel(List<String> sites, int probes) {
        this.sites = List.copyOf(sites);
        this.n = sites.size();
        this.bound = new float[probes][];
        this.reference = new int[probes];
        Arrays.fill(reference, -1);
    }

    public List<String> sites() { return sites; }

    public int probes() { return bound.length; }

    /** Constraints dropped because they contradicted earlier ones (model mismatch), over all probes. */
    public int dropped() { return dropped; }

    /** Whether the probe has been seen at a site at all. */
    public boolean known(int probe) { return reference[probe] >= 0; }

    /**
     * One observation of one probe.
     *
     * @param prepend per site index: its prepend, or −1 if withdrawn
     * @param winner  the site index the probe reached, −1 if none answered (then nothing is learned)
     */
    public void observe(int probe, int[] prepend, int winner) {
        if (winner < 0 || prepend[winner] < 0) return;
        float[] d = bound[probe];
        if (d == null) {
            d = bound[probe] = new float[n * n];
            Arrays.fill(d, INF);
            for (int i = 0; i < n; i++) d[i * n + i] = 0;
            reference[probe] = winner;
        }
        for (int t = 0; t < n; t++) {
            if (t == winner || prepend[t] < 0) continue;
            // x_w − x_t ≤ π_t − π_w − ε: an edge t → w.
            float c = prepend[t] - prepend[winner] - EPS;
            if (d[winner * n + t] + c < 0) {
                dropped++;
                continue;
            }
            if (c >= d[t * n + winner]) continue;
            for (int i = 0; i < n; i++) {
                float it = d[i * n + t];
                if (it == INF) continue;
                for (int j = 0; j < n; j++) {
                    float v = it + c + d[winner * n + j];
                    if (v < d[i * n + j]) d[i * n + j] = v;
                }
            }
        }
    }

    /** The estimate of x_s − x_r for every site (see the class comment); null if the probe was never seen. */
    public float[] estimates(int probe) {
        float[] d = bound[probe];
        if (d == null) return null;
        int r = reference[probe];
        float[] x = new float[n];
        for (int s = 0; s < n; s++) {
            float hi = d[r * n + s], lo = Math.max(-d[s * n + r], -CAP);
            // Never seen to win against the reference: as far as any prepend reaches, whatever its lower bound
            // (a lower bound there is only what the schedule happened to show).
            x[s] = hi == INF ? Math.max(CAP, lo) : (lo + Math.min(hi, CAP)) / 2;
        }
        return x;
    }

    /**
     * The site index the probe reaches under {@code prepend} (−1 withdrawn), or −1 if it was never seen or nothing
     * announces. {@code rttMs} (per site, NaN unknown) breaks exact ties.
     */
    public int predict(int probe, int[] prepend, double[] rttMs) {
        float[] x = estimates(probe);
        if (x == null) return -1;
        int best = -1;
        float bestV = 0;
        for (int s = 0; s < n; s++) {
            if (prepend[s] < 0) continue;
            float v = x[s] + prepend[s];
            if (best < 0 || v < bestV || (v == bestV && before(probe, s, best, rttMs))) {
                best = s;
                bestV = v;
            }
        }
        return best;
    }

    /** On equal estimates: a before b if the observations imply it, else if its unicast RTT is lower. */
    private boolean before(int probe, int a, int b, double[] rtt) {
        float[] d = bound[probe];
        if (d[b * n + a] < 0) return true;   // x_a − x_b < 0 is implied
        if (d[a * n + b] < 0) return false;
        return lower(rtt, a, b);
    }

    private static boolean lower(double[] rtt, int a, int b) {
        if (rtt == null) return false;
        double ra = rtt[a], rb = rtt[b];
        return !Double.isNaN(ra) && (Double.isNaN(rb) || ra < rb);
    }

    /** The probe's sites, most preferred first, by the estimates (see the class comment for what is certain). */
    public List<String> ranking(int probe, double[] rttMs) {
        float[] x = estimates(probe);
        if (x == null) return List.of();
        List<Integer> idx = new ArrayList<>();
        for (int s = 0; s < n; s++) idx.add(s);
        idx.sort(Comparator.<Integer>comparingDouble(s -> x[s])
                .thenComparing((a, b) -> before(probe, a, b, rttMs) ? -1 : before(probe, b, a, rttMs) ? 1 : Integer.compare(a, b)));
        return idx.stream().map(sites::get).toList();
    }

    /**
     * The prepend on the probe's reference site at which the model has it leave for another site (all others at 0),
     * 1…3, or 0 if it stays at every prepend; −1 if the probe was never seen.
     */
    public int leavesAt(int probe) {
        if (!known(probe)) return -1;
        int r = reference[probe];
        int[] p = new int[n];
        for (int k = 1; k <= 3; k++) {
            p[r] = k;
            if (predict(probe, p, null) != r) return k;
        }
        return 0;
    }
}
