package net.nsglobal.te.world;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.nsglobal.atlas.probes.Probe;

/**
 * Probes by the site their AS reaches: a probe's AS is {@link Probe#asnV4()} ({@code asn_v4}, falling back to the
 * data set's approximate {@code asn_v4_derived}). A probe lands in {@link #NO_ASN} without an AS, in
 * {@link #NOT_IN_GRAPH} if its AS is on no link of the graph, in {@link #NO_ROUTE} if its AS holds no route. Its
 * coordinates ({@code geometry}) make the hot-potato choice among tied sessions.
 */
public final class ProbeCatchment {
    public static final String NO_ASN = "(no asn)", NOT_IN_GRAPH = "(as not in graph)", NO_ROUTE = "(no route)";

    private ProbeCatchment() {}

    /** Probe counts by site id (every site of the catchment listed, 0 if none) and the three buckets above. */
    public static Map<String, Integer> perSite(Catchment c, List<Probe> probes) {
        Map<String, Integer> out = new TreeMap<>();
        for (String site : c.asesPerSite().keySet()) out.put(site, 0);
        for (Probe p : probes) out.merge(siteOf(c, p), 1, Integer::sum);
        return out;
    }

    /**
     * The site a probe's traffic reaches, or one of the buckets. Where the probe's AS ties over sessions at several
     * sites, the one nearest to the probe (hot potato, {@link Catchment#siteOf(long, double, double)}); a probe
     * without coordinates gets the first in session order.
     */
    public static String siteOf(Catchment c, Probe p) {
        Integer as = p.asnV4();
        if (as == null) return NO_ASN;
        long asn = Integer.toUnsignedLong(as);
        if (c.graph().index(asn) < 0) return NOT_IN_GRAPH;
        double lat = p.latitude() == null ? Double.NaN : p.latitude(), lon = p.longitude() == null ? Double.NaN : p.longitude();
        return c.siteOf(asn, lat, lon).orElse(NO_ROUTE);
    }
}
