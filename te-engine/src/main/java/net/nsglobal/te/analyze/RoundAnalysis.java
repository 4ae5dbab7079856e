package net.nsglobal.te.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;

/**
 * One round's snapshot against any {@link Oracle}: the measured one ({@link Analysis#of}) or the speed-of-light
 * bound where there are no unicast pings.
 *
 * <p>Rules, in the order applied:
 * <ul>
 * <li>Every probe with a catchment sample in the round gets one row, in probe-id order. A probe that sampled more
 * than once counts by its earliest sample that names a site, else its earliest answer, else its earliest sample.
 * A probe missing from {@code probes} still gets a row (no AS, country, region or coordinates): nothing is lost.</li>
 * <li>A row without a site (timeout, error, or an answer naming no known site) has no inflation, is not at the
 * optimal site, not polarized and not flipped; it is left out of every summary's figures (those count probes
 * that answered) and shows up in {@link Analysis#health} instead.</li>
 * <li>inflation = anycast RTT − oracle RTT; it can come out negative (the anycast answer beat every unicast
 * ping), and is kept so. atOptimal: anycast RTT ≤ oracle + max(5 ms, 10% of the oracle).</li>
 * <li>polarized: the probe's continent and its site's continent are both known and differ.</li>
 * <li>flipped: the probe named a site in the previous snapshot too, and another one.</li>
 * </ul>
 */
public final class RoundAnalysis {
    /** "Within 5 ms or 10%": the larger of the two slacks. */
    static final double SLACK_MS = 5.0;
    static final double SLACK_SHARE = 0.10;

    private RoundAnalysis() {}

    public static CatchmentSnapshot of(Round round, List<ProbeInfo> probes, List<CatchmentSample> catchment,
                                       Oracle oracle, List<Site> sites, Optional<CatchmentSnapshot> previous) {
        Map<Integer, ProbeInfo> info = new HashMap<>();
        for (ProbeInfo p : probes) info.put(p.id(), p);
        Map<String, String> siteRegion = new HashMap<>();
        for (Site s : sites) siteRegion.put(s.id(), Regions.orNull(s.country()));
        Map<Integer, String> before = new HashMap<>();
        previous.ifPresent(prev -> prev.probes().forEach(r -> {
            if (r.site() != null) before.put(r.probeId(), r.site());
        }));

        List<ProbeRound> rows = new ArrayList<>();
        for (Map.Entry<Integer, CatchmentSample> e : counted(catchment).entrySet()) {
            ProbeInfo p = info.getOrDefault(e.getKey(), new ProbeInfo(e.getKey(), null, null, Double.NaN, Double.NaN));
            rows.add(row(p, e.getValue(), oracle.best(p), siteRegion, before.get(p.id())));
        }
        int flips = (int) rows.stream().filter(ProbeRound::flipped).count();
        return new CatchmentSnapshot(round.id(), round.started(), rows, Summaries.regions(rows),
                Summaries.countries(rows), Summaries.networks(rows), Polarization.networks(rows, siteRegion), flips);
    }

    /** The sample each probe counts by (see the class comment). */
    static Map<Integer, CatchmentSample> counted(List<CatchmentSample> catchment) {
        Comparator<CatchmentSample> preference = Comparator
                .comparing((CatchmentSample s) -> s.site() == null)
                .thenComparing(s -> s.error() != null)
                .thenComparing(CatchmentSample::time);
        Map<Integer, CatchmentSample> out = new TreeMap<>();
        for (CatchmentSample s : catchment) {
            out.merge(s.probeId(), s, (a, b) -> preference.compare(b, a) < 0 ? b : a);
        }
        return out;
    }

    static ProbeRound row(ProbeInfo p, CatchmentSample s, Optional<Oracle.Best> best, Map<String, String> siteRegion,
                          String previousSite) {
        String region = Regions.orNull(p.country());
        String site = s.site();
        double rtt = s.error() == null ? s.rttMs() : Double.NaN;
        String oracleSite = best.map(Oracle.Best::site).orElse(null);
        double oracleMs = best.map(Oracle.Best::rttMs).orElse(Double.NaN);
        double inflation = site != null ? rtt - oracleMs : Double.NaN; // NaN in, NaN out
        boolean atOptimal = !Double.isNaN(inflation) && rtt <= oracleMs + Math.max(SLACK_MS, SLACK_SHARE * oracleMs);
        String there = site == null ? null : siteRegion.get(site);
        boolean polarized = region != null && there != null && !region.equals(there);
        boolean flipped = site != null && previousSite != null && !site.equals(previousSite);
        return new ProbeRound(p.id(), p.asn(), p.country(), region, p.lat(), p.lon(), site, rtt, oracleSite, oracleMs,
                inflation, atOptimal, polarized, flipped);
    }
}
