package net.nsglobal.te.propose;

/**
 * The lifecycle's rules.
 *
 * @param autoApply               apply low-risk proposals without an operator (off unless the operator turns it on)
 * @param autoApplyMaxProbesMoved low risk: the change moves at most this many probes …
 *                                (… and no region's predicted p90 inflation or share at optimal gets worse)
 * @param rollbackInflationMs     roll back when the measured p90 inflation of all probes is this much (ms) worse than
 *                                in the basis round …
 * @param rollbackOptimalShare    … or the share of probes at their optimal site fell by more than this (0…1)
 */
public record LifecycleSettings(boolean autoApply, int autoApplyMaxProbesMoved, double rollbackInflationMs,
                                double rollbackOptimalShare) {
    public LifecycleSettings {
        if (autoApplyMaxProbesMoved < 0) {
            throw new IllegalArgumentException("te-engine proposals: auto-apply probe limit " + autoApplyMaxProbesMoved + " < 0");
        }
        if (!(rollbackInflationMs >= 0) || !(rollbackOptimalShare >= 0 && rollbackOptimalShare <= 1)) {
            throw new IllegalArgumentException("te-engine proposals: rollback thresholds must be ≥ 0 ms and 0…1, not "
                    + rollbackInflationMs + " ms and " + rollbackOptimalShare);
        }
    }

    /** Auto-apply off; at most 50 probes for low risk; roll back at +5 ms p90 inflation or −5 % at optimal. */
    public static LifecycleSettings defaults() { return new LifecycleSettings(false, 50, 5.0, 0.05); }

    public LifecycleSettings withAutoApply(boolean on) {
        return new LifecycleSettings(on, autoApplyMaxProbesMoved, rollbackInflationMs, rollbackOptimalShare);
    }
}
