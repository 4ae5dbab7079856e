package net.nsglobal.te.analyze;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by the nearest-rank rule: of n values sorted ascending, the p-th percentile is the value at rank
 * ⌈p/100 · n⌉ (1-based), so it is always a measured value, never an interpolation. NaN values are left out; of
 * no values the percentile is NaN. Example: of 1, 2, 3, 4 the 50th is 2 (rank 2) and the 90th is 4 (rank 4).
 */
public final class Percentiles {
    private Percentiles() {}

    public static double nearestRank(Collection<Double> values, double p) {
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile " + p + " is not in (0, 100]");
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) return Double.NaN;
        Arrays.sort(v);
        // p · n first: exact for whole p, so 90 of 10 values is rank 9, not 10 by a rounding of 0.9 · 10.
        int rank = (int) Math.ceil(p * v.length / 100.0);
        return v[Math.max(1, rank) - 1];
    }
}
