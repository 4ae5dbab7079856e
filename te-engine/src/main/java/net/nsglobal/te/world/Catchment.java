package net.nsglobal.te.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of {@link Routing#compute}: for every AS of the graph, the route it holds to the anycast prefix, if any
 * — the session (so the site) its traffic ends at, the route's class, its AS-path length and its next hop.
 * Immutable once built.
 */
public final class Catchment {
    private final AsGraph graph;
    private final long originAs;
    private final List<Announcement> sessions;
    private final List<String> sites;
    private final byte[] cls;
    private final int[] len, next;
    /**
     * Per AS, the tied sessions of its route: bit {@code s} for {@code sessions.get(s)}, {@link #w} words per AS
     * (AS {@code v}'s at {@code v·w}).
     */
    private final long[] sess;
    private final int w;

    Catchment(AsGraph graph, long originAs, List<Announcement> sessions, List<String> sites, byte[] cls, int[] len, long[] sess, int[] next) {
        this.graph = graph;
        this.originAs = originAs;
        this.sessions = sessions;
        this.sites = sites;
        this.cls = cls;
        this.len = len;
        this.sess = sess;
        this.w = Routing.words(sessions.size());
        this.next = next;
    }

    /**
     * One AS's route.
     *
     * @param session    the announcement (site, session) the traffic reaches; of tied sessions (see
     *                   {@link #sessions(long)}), the first in {@link Announcement#SESSION_ORDER}
     * @param relation   whom the AS learned it from
     * @param pathLength AS-path length as the AS holds it (our prepends included, the AS itself not)
     * @param nextHopAs  the neighbour AS it learned it from; our own AS for a route learned straight from us
     */
    public record Route(long as, Announcement session, Relation relation, int pathLength, long nextHopAs) {
        public String site() { return session.site(); }
    }

    public Optional<Route> route(long as) {
        int v = graph.index(as);
        if (v < 0 || cls[v] == Routing.NONE) return Optional.empty();
        return Optional.of(new Route(as, sessions.get(first(v)), Relation.values()[cls[v] - 1], len[v],
                next[v] < 0 ? originAs : graph.asn(next[v])));
    }

    /** The first session of {@code v}'s set, or -1 if it holds none. */
    private int first(int v) {
        return next(v, 0);
    }

    /** The first session of {@code v}'s set at or after session {@code from}, or -1 if none. */
    private int next(int v, int from) {
        int at = v * w;
        for (int i = from >>> 6; i < w; i++) {
            long b = sess[at + i];
            if (i == from >>> 6) b &= -1L << from;
            if (b != 0) return (i << 6) + Long.numberOfTrailingZeros(b);
        }
        return -1;
    }

    /**
     * The site whose catchment holds {@code as}, or empty if it has no route. Where the route ties over several
     * sessions, the first in session order stands for them; {@link #siteOf(long, double, double)} chooses by place.
     */
    public Optional<String> siteOf(long as) {
        return route(as).map(Route::site);
    }

    /**
     * The site that traffic from a source in {@code as} at {@code lat}, {@code lon} reaches: of the sessions the AS's
     * route ties over, the one whose site is nearest to the source (great-circle), as the neighbour's hot-potato
     * routing hands the traffic over at the exit nearest to where it entered. Equal distances, unknown site
     * locations or a {@code NaN} source fall back to session order.
     */
    public Optional<String> siteOf(long as, double lat, double lon) {
        int v = graph.index(as);
        if (v < 0 || cls[v] == Routing.NONE) return Optional.empty();
        int s0 = first(v);
        Announcement best = sessions.get(s0);
        int s = next(v, s0 + 1);
        if (s < 0 || Double.isNaN(lat) || Double.isNaN(lon)) return Optional.of(best.site());
        double bestKm = best.located() ? GreatCircle.km(lat, lon, best.latitude(), best.longitude()) : Double.POSITIVE_INFINITY;
        for (; s >= 0; s = next(v, s + 1)) {
            Announcement a = sessions.get(s);
            if (!a.located()) continue;
            double km = GreatCircle.km(lat, lon, a.latitude(), a.longitude());
            if (km < bestKm) {
                bestKm = km;
                best = a;
            }
        }
        return Optional.of(best.site());
    }

    /** The sessions {@code as}'s route ties over (the neighbour's hot-potato choices), in session order. */
    public List<Announcement> sessions(long as) {
        int v = graph.index(as);
        if (v < 0 || cls[v] == Routing.NONE) return List.of();
        List<Announcement> out = new ArrayList<>();
        for (int s = first(v); s >= 0; s = next(v, s + 1)) out.add(sessions.get(s));
        return out;
    }

    /**
     * The AS path {@code as} holds, first hop first: the ASes it goes through (a neighbour that prepends itself on
     * an action community as often as it does), then our AS as often as the session prepends it plus once. A route
     * server is not in it (RFC 7947 §2.2.2.1); its prepends are copies of our AS.
     */
    public List<Long> asPath(long as) {
        int v = graph.index(as);
        if (v < 0 || cls[v] == Routing.NONE) return List.of();
        List<Long> path = new ArrayList<>();
        int w = v;
        for (int u = next[v]; u >= 0; w = u, u = next[u]) path.addAll(Collections.nCopies(len[w] - len[u], graph.asn(u)));
        path.addAll(Collections.nCopies(len[w], originAs));
        return path;
    }

    /** Number of ASes holding a route. */
    public int reached() {
        int r = 0;
        for (byte c : cls) if (c != Routing.NONE) r++;
        return r;
    }

    /** ASes per site, by site id; a site that catches no AS (or whose sessions are all withdrawn) is listed with 0. */
    public Map<String, Integer> asesPerSite() {
        Map<String, Integer> out = new TreeMap<>();
        for (String s : sites) out.put(s, 0);
        for (int v = 0; v < cls.length; v++) if (cls[v] != Routing.NONE) out.merge(sessions.get(first(v)).site(), 1, Integer::sum);
        return out;
    }

    public AsGraph graph() { return graph; }
}
