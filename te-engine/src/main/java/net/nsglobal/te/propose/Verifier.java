package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;

/**
 * The arithmetic of a proposal's prediction and its verification, without storage: where each probe should go, the
 * per-region rows, the per-probe accuracy, whether a change is low risk and whether its outcome is worse.
 */
final class Verifier {
    private Verifier() {}

    /**
     * Each probe of the basis round with the site the candidate predicts: a probe of a moved network (origin AS and
     * country) at the network's {@code fromSite} goes to its {@code toSite}; every other probe stays.
     */
    static List<ProposalStore.ProbeSites> predict(CatchmentSnapshot basis, Candidate c) {
        List<ProposalStore.ProbeSites> out = new ArrayList<>();
        for (ProbeRound p : basis.probes()) {
            String predicted = p.site();
            for (MovedNetwork m : c.moved()) {
                if (p.asn() != null && p.asn() == m.asn() && m.country().equals(p.country()) && m.fromSite().equals(p.site())) {
                    predicted = m.toSite();
                    break;
                }
            }
            out.add(new ProposalStore.ProbeSites(p.probeId(), p.site(), predicted, null));
        }
        return out;
    }

    /** Per region ("ALL" first): measured in the basis round and predicted after the change. */
    static List<Proposal.RegionComparison> predicted(CatchmentSnapshot basis, Candidate c) {
        Map<String, RegionSummary> before = byKey(basis.regions());
        Map<String, RegionSummary> after = byKey(c.predictedAfter());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Proposal.RegionComparison> out = new ArrayList<>();
        for (String k : keys) {
            RegionSummary b = before.get(k);
            RegionSummary a = after.get(k);
            out.add(new Proposal.RegionComparison(k, b == null ? Double.NaN : b.p90InflationMs(),
                    a == null ? Double.NaN : a.p90InflationMs(), Double.NaN, b == null ? Double.NaN : b.shareAtOptimal(),
                    a == null ? Double.NaN : a.shareAtOptimal(), Double.NaN));
        }
        return out;
    }

    /** The rows of {@link #predicted} with the measured figures of {@code measured} filled in. */
    static List<Proposal.RegionComparison> measured(List<Proposal.RegionComparison> rows, CatchmentSnapshot measured) {
        Map<String, RegionSummary> m = byKey(measured.regions());
        List<Proposal.RegionComparison> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Proposal.RegionComparison r : rows) {
            RegionSummary s = m.get(r.region());
            seen.add(r.region());
            out.add(new Proposal.RegionComparison(r.region(), r.beforeP90InflationMs(), r.predictedP90InflationMs(),
                    s == null ? Double.NaN : s.p90InflationMs(), r.beforeShareAtOptimal(), r.predictedShareAtOptimal(),
                    s == null ? Double.NaN : s.shareAtOptimal()));
        }
        for (RegionSummary s : measured.regions()) {
            if (seen.add(s.key())) {
                out.add(new Proposal.RegionComparison(s.key(), Double.NaN, Double.NaN, s.p90InflationMs(), Double.NaN,
                        Double.NaN, s.shareAtOptimal()));
            }
        }
        return out;
    }

    /** Each measured probe's site, by probe id (null: no answer). */
    static Map<Integer, String> sites(CatchmentSnapshot measured) {
        Map<Integer, String> m = new HashMap<>();
        for (ProbeRound p : measured.probes()) m.put(p.probeId(), p.site());
        return m;
    }

    /** Accuracy over the probes that answered in both rounds: [share whose measured site is the predicted, count]. */
    static double[] accuracy(List<ProposalStore.ProbeSites> predicted, Map<Integer, String> measured) {
        int compared = 0;
        int right = 0;
        for (ProposalStore.ProbeSites p : predicted) {
            String site = measured.get(p.probeId());
            if (site == null || p.predictedSite() == null) continue;
            compared++;
            if (site.equals(p.predictedSite())) right++;
        }
        return new double[]{compared == 0 ? Double.NaN : right / (double) compared, compared};
    }

    /**
     * Why the measured outcome is worse than the basis round beyond the thresholds (the "ALL" row: p90 inflation up,
     * or share at optimal down); empty if it is not, or if either round has no figure to compare.
     */
    static Optional<String> worse(List<Proposal.RegionComparison> rows, LifecycleSettings s) {
        for (Proposal.RegionComparison r : rows) {
            if (!r.region().equals("ALL")) continue;
            double infl = r.measuredP90InflationMs() - r.beforeP90InflationMs();
            if (infl > s.rollbackInflationMs()) {
                return Optional.of(String.format(java.util.Locale.ROOT, "p90 inflation of all probes rose %.1f ms "
                        + "(%.1f → %.1f ms; threshold %.1f ms)", infl, r.beforeP90InflationMs(),
                        r.measuredP90InflationMs(), s.rollbackInflationMs()));
            }
            double opt = r.beforeShareAtOptimal() - r.measuredShareAtOptimal();
            if (opt > s.rollbackOptimalShare()) {
                return Optional.of(String.format(java.util.Locale.ROOT, "share of probes at their optimal site fell "
                        + "%.1f points (%.1f%% → %.1f%%; threshold %.1f)", 100 * opt, 100 * r.beforeShareAtOptimal(),
                        100 * r.measuredShareAtOptimal(), 100 * s.rollbackOptimalShare()));
            }
        }
        return Optional.empty();
    }

    /** Why {@code c} is not low risk, or empty if it is: few probes moved and no region predicted worse. */
    static Optional<String> notLowRisk(Candidate c, LifecycleSettings s) {
        int moved = c.moved().stream().mapToInt(MovedNetwork::probes).sum();
        if (moved > s.autoApplyMaxProbesMoved()) {
            return Optional.of("it moves " + moved + " probes (auto-apply allows " + s.autoApplyMaxProbesMoved() + ")");
        }
        Map<String, RegionSummary> before = byKey(c.predictedBefore());
        for (RegionSummary a : c.predictedAfter()) {
            RegionSummary b = before.get(a.key());
            if (b == null || Double.isNaN(a.p90InflationMs()) || Double.isNaN(b.p90InflationMs())
                    || Double.isNaN(a.shareAtOptimal()) || Double.isNaN(b.shareAtOptimal())) {
                return Optional.of("region " + a.key() + " has no predicted figures to compare");
            }
            if (a.p90InflationMs() > b.p90InflationMs() || a.shareAtOptimal() < b.shareAtOptimal()) {
                return Optional.of("region " + a.key() + " is predicted worse");
            }
        }
        return Optional.empty();
    }

    private static Map<String, RegionSummary> byKey(List<RegionSummary> rows) {
        Map<String, RegionSummary> m = new LinkedHashMap<>();
        for (RegionSummary r : rows) m.put(r.key(), r);
        return m;
    }
}
