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
    private final int[] len, sess, next;

    Catchment(AsGraph graph, long originAs, List<Announcement> sessions, List<String> sites, byte[] cls, int[] len, int[] sess, int[] next) {
        this.graph = graph;
        this.originAs = originAs;
        this.sessions = sessions;
        this.sites = sites;
        this.cls = cls;
        this.len = len;
        this.sess = sess;
        this.next = next;
    }

    /**
     * One AS's route.
     *
     * @param session    the announcement (site, session) the traffic reaches
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
        return Optional.of(new Route(as, sessions.get(sess[v]), Relation.values()[cls[v] - 1], len[v],
                next[v] < 0 ? originAs : graph.asn(next[v])));
    }

    /** The site whose catchment holds {@code as}, or empty if it has no route. */
    public Optional<String> siteOf(long as) {
        return route(as).map(Route::site);
    }

    /**
     * The AS path {@code as} holds, first hop first: the ASes it goes through, then our AS as often as the session
     * prepends it plus once. A route server is not in it (RFC 7947 §2.2.2.1).
     */
    public List<Long> asPath(long as) {
        int v = graph.index(as);
        if (v < 0 || cls[v] == Routing.NONE) return List.of();
        List<Long> path = new ArrayList<>();
        for (int u = next[v]; u >= 0; u = next[u]) path.add(graph.asn(u));
        path.addAll(Collections.nCopies(1 + sessions.get(sess[v]).prepend(), originAs));
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
        for (int v = 0; v < cls.length; v++) if (cls[v] != Routing.NONE) out.merge(sessions.get(sess[v]).site(), 1, Integer::sum);
        return out;
    }

    public AsGraph graph() { return graph; }
}
