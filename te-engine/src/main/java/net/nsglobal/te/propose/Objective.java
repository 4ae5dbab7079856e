package net.nsglobal.te.propose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.Oracle;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.analyze.RoundAnalysis;
import net.nsglobal.te.analyze.Regions;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;

/**
 * What the optimizer minimises, per region (continent) and over all probes: the p90 of inflation over the oracle
 * (the probe's least unicast RTT) and the share of probes not at their optimal site (within 5 ms or 10% of the
 * oracle, {@link RoundAnalysis}'s rule). One number for the search:
 * <pre>
 *   cost = ½ · term(ALL) + ½ · Σ_region (probes in region / probes) · term(region)
 *   term = p90 inflation in ms + 100 · (1 − share at optimal)      (one point of share weighs as 1 ms of p90)
 * </pre>
 * A probe's RTT is its unicast RTT to the site it reaches (predicted or measured). The figures shown with a proposal
 * are {@link RoundAnalysis}'s own ({@link #summaries}), so they read like the observatory's.
 */
public final class Objective {
    static final double SLACK_MS = 5.0, SLACK_SHARE = 0.10;

    private final List<Probe> probes;
    private final UnicastRtt rtt;
    private final List<Site> sites;
    private final List<String> regions;
    /** Per probe: index into {@link #regions}, −1 if its country has no continent. */
    private final int[] region;

    public Objective(List<Probe> probes, UnicastRtt rtt, List<Site> sites) {
        this.probes = List.copyOf(probes);
        this.rtt = rtt;
        this.sites = List.copyOf(sites);
        this.regions = Regions.CONTINENTS.stream().sorted().toList();
        this.region = new int[probes.size()];
        for (int p = 0; p < region.length; p++) region[p] = Regions.of(probes.get(p).countryCode()).map(regions::indexOf).orElse(-1);
    }

    /** The figures the search compares: the cost, ALL's p90 inflation and share at optimal, probes per site. */
    public record Score(double cost, double p90InflationMs, double shareAtOptimal, int[] perSite, int answered, double[] regionTerm) {}

    /** The continent of the probe at index {@code p}, null if unknown. */
    public String region(int p) { return region[p] < 0 ? null : regions.get(region[p]); }

    public Score score(int[] site) {
        int r = regions.size();
        double[][] infl = new double[r + 1][];
        int[] count = new int[r + 1], optimal = new int[r + 1];
        for (int i = 0; i <= r; i++) infl[i] = new double[site.length];
        int[] perSite = new int[rtt.sites().size()];
        int answered = 0;
        for (int p = 0; p < site.length; p++) {
            if (site[p] < 0) continue;
            answered++;
            perSite[site[p]]++;
            double oracle = rtt.oracleMs(p), ms = rtt.ms(p, site[p]);
            if (Double.isNaN(oracle) || Double.isNaN(ms)) continue;
            boolean opt = ms <= oracle + Math.max(SLACK_MS, SLACK_SHARE * oracle);
            for (int g : new int[] {r, region[p]}) {
                if (g < 0) continue;
                infl[g][count[g]++] = ms - oracle;
                if (opt) optimal[g]++;
            }
        }
        double all = term(infl[r], count[r], optimal[r]), regional = 0;
        int judged = count[r];
        double[] regionTerm = new double[r];
        for (int g = 0; g < r; g++) {
            regionTerm[g] = term(infl[g], count[g], optimal[g]);
            if (count[g] > 0 && judged > 0) regional += (double) count[g] / judged * regionTerm[g];
        }
        return new Score(0.5 * all + 0.5 * regional, p90(infl[r], count[r]), count[r] == 0 ? Double.NaN : (double) optimal[r] / count[r],
                perSite, answered, regionTerm);
    }

    /** A region's term: p90 inflation in ms + 100 · (1 − share at optimal); 0 for a region without probes. */
    static double term(double[] v, int n, int optimal) {
        return n == 0 ? 0 : p90(v, n) + 100.0 * (1 - (double) optimal / n);
    }

    /** Nearest rank, as {@code analyze.Percentiles}. */
    private static double p90(double[] v, int n) {
        if (n == 0) return Double.NaN;
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s[Math.max(1, (int) Math.ceil(90.0 * n / 100.0)) - 1];
    }

    /** Probes per site within each region: region → site index → probes (for the serving constraint). */
    public int[][] perRegionSite(int[] site) {
        int[][] out = new int[regions.size()][rtt.sites().size()];
        for (int p = 0; p < site.length; p++) if (site[p] >= 0 && region[p] >= 0) out[region[p]][site[p]]++;
        return out;
    }

    public List<String> regions() { return regions; }

    /** The observatory's summary rows ("ALL" first, then the continents) for an assignment of sites to probes. */
    public List<RegionSummary> summaries(int[] site) {
        List<ProbeInfo> info = new ArrayList<>();
        List<CatchmentSample> samples = new ArrayList<>();
        Map<Integer, Oracle.Best> best = new HashMap<>();
        Instant t = Instant.EPOCH;
        for (int p = 0; p < site.length; p++) {
            Probe pr = probes.get(p);
            info.add(new ProbeInfo(pr.id(), pr.asnV4() == null ? null : Integer.toUnsignedLong(pr.asnV4()), pr.countryCode(),
                    pr.latitude() == null ? Double.NaN : pr.latitude(), pr.longitude() == null ? Double.NaN : pr.longitude()));
            int b = rtt.best(p);
            if (b >= 0) best.put(pr.id(), new Oracle.Best(rtt.sites().get(b), rtt.ms(p, b)));
            if (site[p] < 0) continue;
            samples.add(new CatchmentSample(0, pr.id(), t, rtt.sites().get(site[p]), rtt.ms(p, site[p]), null));
        }
        Oracle oracle = probe -> Optional.ofNullable(best.get(probe.id()));
        return RoundAnalysis.of(new Round(0, t, "predicted", 0, Map.of()), info, samples, oracle, sites, Optional.empty()).regions();
    }
}
