package net.nsglobal.te.propose;

import java.util.List;
import java.util.Optional;

/**
 * What a change must respect, judged on the predicted catchment after it against the one before:
 * <ul>
 *   <li>capacity: no site takes more than {@code maxSiteShare} of the answering probes (or, if it already does,
 *       no more than before);</li>
 *   <li>resilience: every region keeps at least {@code minSitesPerRegion} serving sites — a site serves a region
 *       when it takes at least {@code servingShare} of that region's probes (or, if fewer served before, no fewer
 *       than before);</li>
 *   <li>blast radius: at most {@code maxMovedProbes} probes change site;</li>
 *   <li>no region pays for another: no region's {@link Objective} term (p90 inflation in ms + 100 · share not at
 *       optimal) is more than {@code maxRegionWorsening} above its value in the reference (the configuration the
 *       predictor learned from), so a series of changes cannot drift a region down step by step.</li>
 * </ul>
 */
public record Constraints(double maxSiteShare, int minSitesPerRegion, double servingShare, int maxMovedProbes,
                          double maxRegionWorsening) {
    public Constraints {
        if (!(maxSiteShare > 0 && maxSiteShare <= 1)) throw new IllegalArgumentException("te-engine propose: maxSiteShare " + maxSiteShare + " is not in (0, 1]");
        if (minSitesPerRegion < 1) throw new IllegalArgumentException("te-engine propose: minSitesPerRegion " + minSitesPerRegion + " is below 1");
        if (!(servingShare > 0 && servingShare < 1)) throw new IllegalArgumentException("te-engine propose: servingShare " + servingShare + " is not in (0, 1)");
        if (!(maxRegionWorsening >= 0)) throw new IllegalArgumentException("te-engine propose: maxRegionWorsening " + maxRegionWorsening + " is below 0");
        if (maxMovedProbes < 1) throw new IllegalArgumentException("te-engine propose: maxMovedProbes " + maxMovedProbes + " is below 1");
    }

    /** The first constraint {@code after} breaks, in words; empty if it keeps them all. */
    public Optional<String> violation(Objective objective, List<String> sites, int[] reference, int[] before, int[] after) {
        int moved = 0;
        for (int p = 0; p < before.length; p++) if (before[p] != after[p]) moved++;
        if (moved > maxMovedProbes) return Optional.of(moved + " probes move, more than " + maxMovedProbes);
        Objective.Score b = objective.score(before), a = objective.score(after);
        for (int s = 0; s < sites.size(); s++) {
            double was = b.answered() == 0 ? 0 : (double) b.perSite()[s] / b.answered();
            double now = a.answered() == 0 ? 0 : (double) a.perSite()[s] / a.answered();
            if (now > Math.max(maxSiteShare, was)) {
                return Optional.of(String.format("%s would take %.1f%% of the probes, above %.1f%%", sites.get(s), 100 * now, 100 * maxSiteShare));
            }
        }
        Objective.Score ref = objective.score(reference);
        for (int r = 0; r < a.regionTerm().length; r++) {
            if (a.regionTerm()[r] > ref.regionTerm()[r] + maxRegionWorsening) {
                return Optional.of(String.format("%s would be worse than the reference by %.1f (p90 ms + share points), more than %.1f",
                        objective.regions().get(r), a.regionTerm()[r] - ref.regionTerm()[r], maxRegionWorsening));
            }
        }
        int[][] rb = objective.perRegionSite(before), ra = objective.perRegionSite(after);
        for (int r = 0; r < rb.length; r++) {
            int need = Math.min(minSitesPerRegion, serving(rb[r])), have = serving(ra[r]);
            if (have < need) return Optional.of(objective.regions().get(r) + " would be served by " + have + " sites, fewer than " + need);
        }
        return Optional.empty();
    }

    private int serving(int[] perSite) {
        int total = 0, n = 0;
        for (int c : perSite) total += c;
        for (int c : perSite) if (total > 0 && (double) c / total >= servingShare) n++;
        return n;
    }
}
