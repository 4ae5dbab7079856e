package net.nsglobal.te.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A round's rows summed up per continent (with "ALL" first, then the continents in code order), per country and
 * per AS ("AS" + number), the last two by probes that answered, most first, then by key. A group is listed if any
 * of its probes took part in the round, even if none answered (then its figures are NaN and its share map empty).
 * Only probes that named a site count: in {@code probes}, the site shares and the RTT percentiles. Inflation
 * percentiles and the share at the optimal site are over the answered probes that also have an oracle (NaN if
 * none do). Percentiles are nearest-rank ({@link Percentiles}).
 */
final class Summaries {
    static final String ALL = "ALL";

    private Summaries() {}

    static List<RegionSummary> regions(List<ProbeRound> rows) {
        List<RegionSummary> out = new ArrayList<>();
        out.add(summary(ALL, rows));
        out.addAll(grouped(rows, ProbeRound::region, false));
        return out;
    }

    static List<RegionSummary> countries(List<ProbeRound> rows) {
        return grouped(rows, ProbeRound::country, true);
    }

    static List<RegionSummary> networks(List<ProbeRound> rows) {
        return grouped(rows, r -> r.asn() == null ? null : "AS" + r.asn(), true);
    }

    private static List<RegionSummary> grouped(List<ProbeRound> rows, Function<ProbeRound, String> key,
                                               boolean largestFirst) {
        Map<String, List<ProbeRound>> groups = new TreeMap<>();
        for (ProbeRound r : rows) {
            String k = key.apply(r);
            if (k != null) groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        List<RegionSummary> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(summary(k, g)));
        if (largestFirst) out.sort(Comparator.comparingInt(RegionSummary::probes).reversed()
                .thenComparing(RegionSummary::key));
        return out;
    }

    static RegionSummary summary(String key, List<ProbeRound> rows) {
        List<ProbeRound> answered = rows.stream().filter(r -> r.site() != null).toList();
        Map<String, Double> share = new LinkedHashMap<>();
        Map<String, Integer> count = new TreeMap<>();
        answered.forEach(r -> count.merge(r.site(), 1, Integer::sum));
        count.forEach((site, n) -> share.put(site, (double) n / answered.size()));
        List<Double> rtt = answered.stream().map(ProbeRound::rttMs).toList();
        List<ProbeRound> judged = answered.stream().filter(r -> !Double.isNaN(r.inflationMs())).toList();
        List<Double> inflation = judged.stream().map(ProbeRound::inflationMs).toList();
        double atOptimal = judged.isEmpty() ? Double.NaN
                : (double) judged.stream().filter(ProbeRound::atOptimal).count() / judged.size();
        return new RegionSummary(key, answered.size(), share, Percentiles.nearestRank(rtt, 50),
                Percentiles.nearestRank(rtt, 90), Percentiles.nearestRank(inflation, 50),
                Percentiles.nearestRank(inflation, 90), atOptimal);
    }
}
