package net.nsglobal.te.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The polarized networks of a round (Moura et al., IMC 2022: networks whose probes an anycast service sends to
 * another continent): the polarized rows grouped by origin AS, the probes' continent and the site they reach, so
 * an AS sending its African probes to London and its European ones to Johannesburg shows as two entries. Probes of
 * unknown AS are grouped under AS 0 (RFC 7607 reserves it; no route has it). {@code country} is the group's most
 * common probe country (ties: the first in code order). Ranked by probes, most first, then by median inflation,
 * worst first (unknown last), then AS and site.
 */
final class Polarization {
    private Polarization() {}

    static List<PolarizedNetwork> networks(List<ProbeRound> rows, Map<String, String> siteRegion) {
        Map<String, List<ProbeRound>> groups = new TreeMap<>();
        for (ProbeRound r : rows) {
            if (!r.polarized()) continue;
            long asn = r.asn() == null ? 0 : r.asn();
            groups.computeIfAbsent(asn + "|" + r.region() + "|" + r.site(), k -> new ArrayList<>()).add(r);
        }
        List<PolarizedNetwork> out = new ArrayList<>();
        for (List<ProbeRound> g : groups.values()) {
            ProbeRound first = g.get(0);
            long asn = first.asn() == null ? 0 : first.asn();
            out.add(new PolarizedNetwork(asn, commonestCountry(g), first.region(), g.size(), first.site(),
                    siteRegion.get(first.site()),
                    Percentiles.nearestRank(g.stream().map(ProbeRound::rttMs).toList(), 50),
                    Percentiles.nearestRank(g.stream().map(ProbeRound::inflationMs).toList(), 50)));
        }
        out.sort(Comparator.comparingInt(PolarizedNetwork::probes).reversed()
                .thenComparing(PolarizedNetwork::medianInflationMs, Polarization::worstFirstNaNLast)
                .thenComparingLong(PolarizedNetwork::asn)
                .thenComparing(PolarizedNetwork::site));
        return out;
    }

    private static int worstFirstNaNLast(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        return Double.compare(b, a);
    }

    private static String commonestCountry(List<ProbeRound> g) {
        Map<String, Integer> n = new TreeMap<>();
        g.stream().filter(r -> r.country() != null).forEach(r -> n.merge(r.country(), 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> e : n.entrySet()) {
            if (best == null || e.getValue() > n.get(best)) best = e.getKey();
        }
        return best; // null if no probe of the group has a country
    }
}
