package net.nsglobal.te.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.nsglobal.platform.sites.NeighborKind;

/**
 * Every AS's best route to the anycast prefix, under the standard model of BGP over business relationships
 * (Gao &amp; Rexford 2001; the three-phase computation is the one used by BGP simulators such as Gill, Schapira and
 * Goldberg's): each AS prefers a route learned from a customer to one from a peer to one from a provider, then the
 * shorter AS path (prepends count), then the tie-break below; and exports valley-free: a route learned from a
 * customer (or originated) to everyone, a route learned from a peer or provider to its customers only.
 *
 * <p>Because preference depends only on the class of the first link, the routes can be computed in three passes,
 * each linear in the graph (a breadth-first search with one bucket per path length, since announcements start with
 * different lengths 1…4):
 * <ol>
 *   <li><b>customer routes, upwards</b>: our transit providers hold a customer route of length {@code 1 + prepend};
 *       every AS holding a customer route offers it, one longer, to its providers;</li>
 *   <li><b>peer routes, one step sideways</b>: every AS holding a customer route offers it to its peers; our
 *       bilateral peers hold a peer route from us; a route server's members hold one too, of the length we sent
 *       (a route server does not put its AS in the path, RFC 7947 §2.2.2.1). An AS with a customer route ignores
 *       them. The members are the route server's AS and its neighbours in the graph — the graph knows no member
 *       lists, and CAIDA removes most route-server ASes from its paths, so such a session may reach few ASes;</li>
 *   <li><b>provider routes, downwards</b>: every AS with a route offers it, one longer, to its customers, shortest
 *       first; an AS takes one only if it holds no customer or peer route.</li>
 * </ol>
 *
 * <p><b>Tie-break</b> among routes of the same class and length, so the output is deterministic: the lowest next-hop
 * AS number (for a route straight from us, the next hop is our own AS, {@code originAs}), then the session that
 * comes first by site id, then session name. The same rule is the hot-potato choice of an AS with sessions at
 * several sites: with equal prepends it picks the site whose id sorts first (a geographic choice can refine this).
 *
 * <p>Our own AS, if it is in the graph, takes no route (it would reject paths carrying its own AS).
 */
public final class Routing {
    static final byte NONE = 0, CUST = 1, PEER = 2, PROV = 3;

    private final AsGraph graph;

    public Routing(AsGraph graph) {
        this.graph = graph;
    }

    public AsGraph graph() { return graph; }

    /**
     * Computes the catchment of {@code announcements} originated by {@code originAs}. Withdrawn announcements are
     * ignored; an announcement to an AS that is not in the graph reaches nobody.
     */
    public Catchment compute(long originAs, List<Announcement> announcements) {
        List<Announcement> live = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Announcement a : announcements) {
            if (!seen.add(a.site() + " " + a.session())) {
                throw new IllegalArgumentException("world: session " + a.site() + " " + a.session() + " is announced twice");
            }
            if (a.announced()) live.add(a);
        }
        live.sort(Announcement.SESSION_ORDER);
        int n = graph.size();
        byte[] cls = new byte[n];
        int[] len = new int[n], sess = new int[n], next = new int[n];
        State st = new State(graph, originAs, cls, len, sess, next);
        int origin = graph.index(originAs);

        // Phase 1: customer routes, upwards.
        Levels q = new Levels();
        for (int s = 0; s < live.size(); s++) {
            Announcement a = live.get(s);
            int v = graph.index(a.neighborAs());
            if (a.kind() != NeighborKind.TRANSIT || v < 0 || v == origin) continue;
            if (st.offer(v, CUST, 1 + a.prepend(), -1, s)) q.add(1 + a.prepend(), v);
        }
        int[] provOff = graph.provOff(), prov = graph.prov();
        boolean[] done = new boolean[n];
        for (int d = 0; d < q.size(); d++) {
            int[] lv = q.level(d);
            for (int k = 0, c = q.count(d); k < c; k++) {
                int u = lv[k];
                if (done[u] || len[u] != d || cls[u] != CUST) continue;
                done[u] = true;
                for (int e = provOff[u]; e < provOff[u + 1]; e++) {
                    int p = prov[e];
                    if (p != origin && st.offer(p, CUST, d + 1, u, sess[u])) q.add(d + 1, p);
                }
            }
        }

        // Phase 2: peer routes, one step sideways.
        int[] peerOff = graph.peerOff(), peer = graph.peer();
        for (int u = 0; u < n; u++) {
            if (cls[u] != CUST) continue;
            for (int e = peerOff[u]; e < peerOff[u + 1]; e++) {
                int p = peer[e];
                if (p != origin) st.offer(p, PEER, len[u] + 1, u, sess[u]);
            }
        }
        int[] custOff = graph.custOff(), cust = graph.cust();
        for (int s = 0; s < live.size(); s++) {
            Announcement a = live.get(s);
            int v = graph.index(a.neighborAs());
            if (a.kind() == NeighborKind.TRANSIT || v < 0 || v == origin) continue;
            st.offer(v, PEER, 1 + a.prepend(), -1, s);
            if (a.kind() == NeighborKind.ROUTE_SERVER) {
                for (int[][] adj : new int[][][] {{custOff, cust}, {provOff, prov}, {peerOff, peer}}) {
                    for (int e = adj[0][v]; e < adj[0][v + 1]; e++) {
                        int m = adj[1][e];
                        if (m != origin) st.offer(m, PEER, 1 + a.prepend(), -1, s);
                    }
                }
            }
        }

        // Phase 3: provider routes, downwards, shortest first.
        q = new Levels();
        for (int u = 0; u < n; u++) if (cls[u] != NONE) q.add(len[u], u);
        Arrays.fill(done, false);
        for (int d = 0; d < q.size(); d++) {
            int[] lv = q.level(d);
            for (int k = 0, c = q.count(d); k < c; k++) {
                int u = lv[k];
                if (done[u] || len[u] != d) continue;
                done[u] = true;
                for (int e = custOff[u]; e < custOff[u + 1]; e++) {
                    int c2 = cust[e];
                    if (c2 != origin && st.offer(c2, PROV, d + 1, u, sess[u])) q.add(d + 1, c2);
                }
            }
        }
        List<String> sites = announcements.stream().map(Announcement::site).distinct().sorted().toList();
        return new Catchment(graph, originAs, List.copyOf(live), sites, cls, len, sess, next);
    }

    /** The routes being built, and the one rule that decides whether an offered route replaces the held one. */
    private record State(AsGraph graph, long originAs, byte[] cls, int[] len, int[] sess, int[] next) {
        /** Installs the offered route at {@code v} if it is better; {@code from} is the next-hop node, -1 for us. */
        boolean offer(int v, byte c, int l, int from, int s) {
            byte held = cls[v];
            if (held != NONE) {
                if (held < c) return false;
                if (held == c) {
                    if (l > len[v]) return false;
                    if (l == len[v]) {
                        long a = from < 0 ? originAs : graph.asn(from), b = next[v] < 0 ? originAs : graph.asn(next[v]);
                        if (a > b || (a == b && s >= sess[v])) return false;
                    }
                }
            }
            cls[v] = c;
            len[v] = l;
            sess[v] = s;
            next[v] = from;
            return true;
        }
    }

    /** Bucket queue: one growable list of nodes per path length. */
    private static final class Levels {
        private int[][] nodes = new int[8][];
        private int[] counts = new int[8];
        private int size;

        void add(int level, int v) {
            if (level >= nodes.length) {
                int cap = Math.max(level + 1, nodes.length * 2);
                nodes = Arrays.copyOf(nodes, cap);
                counts = Arrays.copyOf(counts, cap);
            }
            int[] lv = nodes[level];
            if (lv == null) lv = nodes[level] = new int[64];
            else if (counts[level] == lv.length) lv = nodes[level] = Arrays.copyOf(lv, lv.length * 2);
            lv[counts[level]++] = v;
            size = Math.max(size, level + 1);
        }

        int size() { return size; }

        int count(int level) { return counts[level]; }

        int[] level(int level) { return nodes[level] == null ? new int[0] : nodes[level]; }
    }
}
