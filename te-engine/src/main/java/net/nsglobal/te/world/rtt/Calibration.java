package net.nsglobal.te.world.rtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import net.nsglobal.atlas.probes.Probe;

/**
 * Fits {@link RttModel}'s constants to RIPE Atlas's country-pair RTT statistics, and measures how well they fit.
 *
 * <p>The procedure (docs/te-world.md has the figures):
 * <ol>
 *   <li>Where each country's vantage points are: the probes of the probe list with coordinates, by country; up to
 *       {@value #SAMPLE} of them, evenly spaced in id order.</li>
 *   <li>Each country pair's distance: the mean great-circle distance over all pairs of those sampled probes (the
 *       statistics are means over probe pairs, and the model is linear in distance, so the mean distance is the
 *       right regressor; a country with itself uses its own probe pairs).</li>
 *   <li>The fit: {@code rtt_avg ≈ access(cty1) + access(cty2) + msPerKm × distance}, plus
 *       {@code border(cty1) + border(cty2)} when the countries differ, over the pairs with at least
 *       {@value #MIN_COUNT} measurements and probes in both countries. The border term is what leaving a country
 *       costs (a remote country's traffic detours through a distant hub); a country's pair with itself pins its
 *       access. {@code access(c) = base + δc}, {@code border(c) = base' + δ'c}, with a ridge penalty
 *       {@value #RIDGE}·Σδ² pulling countries with few pairs to the common bases. Least absolute deviation,
 *       by {@value #ROUNDS} rounds of iteratively reweighted least squares (weight 1/max(|residual|, 1 ms)), so the
 *       heavy tail of the means (a few congested probes) does not drag the fit.</li>
 *   <li>The error: absolute and relative error of the fitted model over the same pairs (in sample), and again with
 *       {@value #FOLDS}-fold cross-validation (pairs dealt to folds in file order; each fold predicted by a fit on
 *       the others), median and 90th percentile.</li>
 *   <li>The noise: the median over pairs with ≥ 10 measurements of rtt_std / rtt_avg, the spread a single probe pair
 *       sees around the mean (it includes the spread of distances inside large countries, so it is an upper bound).</li>
 * </ol>
 */
public final class Calibration {
    static final int SAMPLE = 40, MIN_COUNT = 3, ROUNDS = 30, FOLDS = 5;
    static final double RIDGE = 0.05;
    private static final java.util.Set<String> UNLOCATED = java.util.Set.of("None", "Unknown");

    /** One row of the country-pair statistics. */
    public record Pair(String cty1, String cty2, long count, double avg, double std) {}

    /** The fitted constants and their error. */
    public record Fit(double msPerKm, double baseAccessMs, Map<String, Double> accessMs, double baseBorderMs,
                      Map<String, Double> borderMs, double pathSigma, int pairs, Error inSample, Error crossValidated) {
        public RttModel model() {
            return new RttModel(msPerKm, baseAccessMs, accessMs, baseBorderMs, borderMs, pathSigma, RttModel.JITTER_SIGMA);
        }
    }

    /** Error over country pairs: absolute (ms) and relative, median and 90th percentile. */
    public record Error(double medianAbsMs, double p90AbsMs, double medianRel, double p90Rel) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms (%.1f%%), p90 %.1f ms (%.1f%%)",
                    medianAbsMs, 100 * medianRel, p90AbsMs, 100 * p90Rel);
        }
    }

    private Calibration() {}

    /** Reads {@code cty1,cty2,rtt_cnt,rtt_avg,rtt_std,rtt_min,rtt_max} (gzip or plain). */
    public static List<Pair> readPairs(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("calibration: " + file + ": no such file");
        List<Pair> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(
                     file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.US_ASCII))) {
            String header = r.readLine();
            if (header == null || !header.startsWith("cty1,cty2,rtt_cnt,rtt_avg,rtt_std")) {
                throw new IOException("calibration: " + file + ":1: expected the header cty1,cty2,rtt_cnt,rtt_avg,rtt_std,…");
            }
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                // The statistics file pairs with unlocated probes under "None" and "Unknown": no use for the fit.
                if (f.length >= 2 && (UNLOCATED.contains(f[0]) || UNLOCATED.contains(f[1]))) continue;
                try {
                    if (f.length < 5 || !f[0].matches("[A-Z]{2}") || !f[1].matches("[A-Z]{2}")) throw new NumberFormatException("fields");
                    out.add(new Pair(f[0], f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]),
                            f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4])));
                } catch (NumberFormatException e) {
                    throw new IOException("calibration: " + file + ":" + no + ": expected CC,CC,count,avg,std,…: " + line);
                }
            }
        }
        return out;
    }

    /** The mean great-circle distance between the sampled probes of two countries; NaN if either has none. */
    static Map<String, double[][]> probeSample(List<Probe> probes) {
        Map<String, List<Probe>> by = new TreeMap<>();
        for (Probe p : probes) {
            if (p.countryCode() == null || p.latitude() == null) continue;
            by.computeIfAbsent(p.countryCode().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
        }
        Map<String, double[][]> out = new TreeMap<>();
        by.forEach((cc, ps) -> {
            ps.sort(Comparator.comparingInt(Probe::id));
            int n = Math.min(SAMPLE, ps.size());
            double[][] pts = new double[n][];
            for (int i = 0; i < n; i++) {
                Probe p = ps.get((int) ((long) i * ps.size() / n));
                pts[i] = new double[] {p.latitude(), p.longitude()};
            }
            out.put(cc, pts);
        });
        return out;
    }

    static double meanDistance(double[][] a, double[][] b) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a == b && i == j) continue;
                sum += GreatCircle.km(a[i][0], a[i][1], b[j][0], b[j][1]);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The whole procedure. */
    public static Fit fit(List<Pair> all, List<Probe> probes) {
        Map<String, double[][]> where = probeSample(probes);
        List<Pair> used = new ArrayList<>();
        List<Double> dist = new ArrayList<>();
        for (Pair p : all) {
            if (p.count() < MIN_COUNT || !(p.avg() > 0) || !where.containsKey(p.cty1()) || !where.containsKey(p.cty2())) continue;
            used.add(p);
            dist.add(meanDistance(where.get(p.cty1()), where.get(p.cty2())));
        }
        List<String> countries = new ArrayList<>(new java.util.TreeSet<>(used.stream().flatMap(p -> java.util.stream.Stream.of(p.cty1(), p.cty2())).toList()));
        int m = used.size();
        double[] d = dist.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = used.stream().mapToDouble(Pair::avg).toArray();
        int[] c1 = new int[m], c2 = new int[m];
        for (int i = 0; i < m; i++) {
            c1[i] = countries.indexOf(used.get(i).cty1());
            c2[i] = countries.indexOf(used.get(i).cty2());
        }
        boolean[] all1 = new boolean[m];
        Arrays.fill(all1, true);
        double[] x = solve(d, y, c1, c2, countries.size(), all1);
        double[] inPred = predict(x, d, c1, c2);
        double[] cvPred = new double[m];
        for (int f = 0; f < FOLDS; f++) {
            boolean[] train = new boolean[m];
            for (int i = 0; i < m; i++) train[i] = i % FOLDS != f;
            double[] xf = solve(d, y, c1, c2, countries.size(), train);
            double[] pf = predict(xf, d, c1, c2);
            for (int i = 0; i < m; i++) if (!train[i]) cvPred[i] = pf[i];
        }
        int nc = countries.size();
        Map<String, Double> access = new TreeMap<>(), border = new TreeMap<>();
        for (int c = 0; c < nc; c++) {
            access.put(countries.get(c), round(x[1] / 2 + x[3 + c]));
            border.put(countries.get(c), round(x[2] / 2 + x[3 + nc + c]));
        }
        double[] rel = used.stream().filter(p -> p.count() >= 10 && p.std() >= 0).mapToDouble(p -> p.std() / p.avg()).sorted().toArray();
        double sigma = round(rel.length == 0 ? 0 : rel[rel.length / 2]);
        return new Fit(Math.round(x[0] * 1e7) / 1e7, round(x[1] / 2), access, round(x[2] / 2), border, sigma, m,
                error(inPred, y), error(cvPred, y));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Parameters: [msPerKm, 2·base access, 2·base border, δaccess per country…, δborder per country…]; a pair of two
     * countries pays both borders, a country with itself none.
     */
    private static double[] predict(double[] x, double[] d, int[] c1, int[] c2) {
        int nc = (x.length - 3) / 2;
        double[] p = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            p[i] = x[0] * d[i] + x[1] + x[3 + c1[i]] + x[3 + c2[i]];
            if (c1[i] != c2[i]) p[i] += x[2] + x[3 + nc + c1[i]] + x[3 + nc + c2[i]];
        }
        return p;
    }

    private static double[] solve(double[] d, double[] y, int[] c1, int[] c2, int nc, boolean[] use) {
        int n = 3 + 2 * nc;
        double[] w = new double[d.length];
        Arrays.fill(w, 1);
        double[] x = new double[n];
        for (int round = 0; round < ROUNDS; round++) {
            double[][] a = new double[n][n];
            double[] b = new double[n];
            for (int c = 0; c < 2 * nc; c++) a[3 + c][3 + c] += RIDGE;
            int[] idx = new int[7];
            double[] val = new double[7];
            for (int i = 0; i < d.length; i++) {
                if (!use[i]) continue;
                idx[0] = 0; val[0] = d[i];
                idx[1] = 1; val[1] = 1;
                idx[2] = 3 + c1[i]; val[2] = 1;
                idx[3] = 3 + c2[i]; val[3] = 1;
                int used = 4;
                if (c1[i] != c2[i]) {
                    idx[4] = 2; val[4] = 1;
                    idx[5] = 3 + nc + c1[i]; val[5] = 1;
                    idx[6] = 3 + nc + c2[i]; val[6] = 1;
                    used = 7;
                }
                for (int j = 0; j < used; j++) {
                    b[idx[j]] += w[i] * val[j] * y[i];
                    for (int k = 0; k < used; k++) a[idx[j]][idx[k]] += w[i] * val[j] * val[k];
                }
            }
            x = gauss(a, b);
            double[] p = predict(x, d, c1, c2);
            for (int i = 0; i < d.length; i++) w[i] = 1 / Math.max(Math.abs(y[i] - p[i]), 1.0);
        }
        return x;
    }

    /** Gaussian elimination with partial pivoting; the ridge keeps the system regular. */
    private static double[] gauss(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] t = a[col]; a[col] = a[piv]; a[piv] = t;
            double tb = b[col]; b[col] = b[piv]; b[piv] = tb;
            if (Math.abs(a[col][col]) < 1e-12) continue;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                if (f == 0) continue;
                for (int k = col; k < n; k++) a[r][k] -= f * a[col][k];
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
        }
        return x;
    }

    static Error error(double[] pred, double[] y) {
        double[] abs = new double[y.length], rel = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            abs[i] = Math.abs(pred[i] - y[i]);
            rel[i] = abs[i] / y[i];
        }
        Arrays.sort(abs);
        Arrays.sort(rel);
        return new Error(pct(abs, 0.5), pct(abs, 0.9), pct(rel, 0.5), pct(rel, 0.9));
    }

    private static double pct(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** The error of an already fitted model over the pairs the procedure uses (the test checks the shipped constants). */
    public static Error errorOf(RttModel model, List<Pair> all, List<Probe> probes) {
        Map<String, double[][]> where = probeSample(probes);
        List<Double> pred = new ArrayList<>(), obs = new ArrayList<>();
        for (Pair p : all) {
            if (p.count() < MIN_COUNT || !(p.avg() > 0) || !where.containsKey(p.cty1()) || !where.containsKey(p.cty2())) continue;
            pred.add(model.meanMs(meanDistance(where.get(p.cty1()), where.get(p.cty2())), p.cty1(), p.cty2()));
            obs.add(p.avg());
        }
        return error(pred.stream().mapToDouble(Double::doubleValue).toArray(), obs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The fit as the Java source of {@link FittedConstants}. */
    public static String javaSource(Fit fit, String command) {
        StringBuilder b = new StringBuilder();
        b.append("package net.nsglobal.te.world.rtt;\n\nimport java.util.Map;\n\n");
        b.append("/**\n * The RTT model's constants as {@link Calibration} fitted them; generated, do not edit. Refit with\n");
        b.append(" * {@code ").append(command).append("}\n");
        b.append(" * (it prints this file). ").append(fit.pairs()).append(" country pairs; in sample: ").append(fit.inSample())
                .append(";\n * cross-validated: ").append(fit.crossValidated()).append(".\n */\n");
        b.append("final class FittedConstants {\n    private FittedConstants() {}\n\n");
        b.append("    /** RTT per km of great-circle distance; fibre (200 km/ms, there and back) is 0.01 ms/km, so stretch = this × 100. */\n");
        b.append(String.format(Locale.ROOT, "    static final double MS_PER_KM = %s;%n", fit.msPerKm()));
        b.append("    /** Access latency of a country without a fitted value (the common base of the fit). */\n");
        b.append(String.format(Locale.ROOT, "    static final double BASE_ACCESS_MS = %s;%n", fit.baseAccessMs()));
        b.append("    /** Median rtt_std / rtt_avg of the pairs with at least 10 measurements. */\n");
        b.append(String.format(Locale.ROOT, "    static final double PATH_SIGMA = %s;%n", fit.pathSigma()));
        b.append("    /** Border cost of a country without a fitted value (the common base of the fit). */\n");
        b.append(String.format(Locale.ROOT, "    static final double BASE_BORDER_MS = %s;%n", fit.baseBorderMs()));
        b.append("    /** Access latency (ms) per ISO 3166 country, one end's share of every round trip. */\n");
        map(b, "ACCESS_MS", fit.accessMs());
        b.append("    /** Border cost (ms) per country, one end's share of a round trip that leaves the country. */\n");
        map(b, "BORDER_MS", fit.borderMs());
        b.append("}\n");
        return b.toString();
    }

    private static void map(StringBuilder b, String name, Map<String, Double> m) {
        b.append("    static final Map<String, Double> ").append(name).append(" = Map.ofEntries(");
        int i = 0;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            b.append(i++ % 6 == 0 ? "\n            " : " ");
            b.append("Map.entry(\"").append(e.getKey()).append("\", ").append(e.getValue()).append(")");
            if (i < m.size()) b.append(",");
        }
        b.append(");\n");
    }
}
