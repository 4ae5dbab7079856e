package net.nsglobal.te.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.nsglobal.platform.sites.ActionCommunity;
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
 * <p><b>Ties and hot potato.</b> Among routes of the same class and length the one from the lowest next-hop AS
 * number wins (for a route straight from us, the next hop is our own AS, {@code originAs}), so the output is
 * deterministic. Routes of the same class, length <em>and next hop</em> differ only in the session they end at — e.g.
 * Cogent holding our announcements from Frankfurt and Reston, equal prepends — and are all kept: each AS holds the
 * set of tied sessions and passes it on with the route. The set is a bit set over the live sessions in
 * {@link Announcement#SESSION_ORDER}, {@code W = ⌈live / 64⌉} words per AS packed in one {@code long[]} (AS {@code v}'s
 * words at {@code v·W}), so any number of sessions is modelled — a fleet of a few dozen sessions takes one word, a
 * world built from public measurements (Cloudflare's 1,504 sessions) a few dozen. Which of them a packet takes is the neighbour's hot-potato choice, made per source:
 * {@link Catchment#siteOf(long, double, double)} picks the site nearest to the source; without a location, the first
 * session in session order stands for the set.
 *
 * <p><b>Action communities</b> are honoured by the neighbour that defines them (the site's
 * {@code action_communities} of that session), when that neighbour — holding our announcement straight from us —
 * exports it on (the semantics are those of the sources quoted in {@code sites/*.yaml}):
 * <ul>
 *   <li>{@code prepend-N}: towards its peers the neighbour puts its own AS N more times in the path (the peers see
 *       the path N longer); its customers and providers see the plain path;</li>
 *   <li>{@code no-export-to-peers}: the neighbour announces the route to its customers only (Lumen's "to customers but
 *       not to peers", NTT's "do not advertise to any peer"); a route server passes it to no member;</li>
 *   <li>{@code no-export-to-region R}: no peer of the neighbour in region R gets it ({@link AsRegions}); a route
 *       server passes it to no member in R.</li>
 * </ul>
 * The neighbour applies them per session: of the tied sessions it holds, it exports to each neighbour those that
 * survive the filter and are shortest after its prepends (a session whose route is blocked leaves the others). A
 * route server's prepend lengthens the path its members see by N copies of our AS.
 *
 * <p>Our own AS, if it is in the graph, takes no route (it would reject paths carrying its own AS).
 */
public final class Routing {
    static final byte NONE = 0, CUST = 1, PEER = 2, PROV = 3;

    private final AsGraph graph;
    private final int[] regionBits;

    /** A world without regions: regional no-export communities then keep the route from nobody. */
    public Routing(AsGraph graph) {
        this(graph, AsRegions.NONE);
    }

    public Routing(AsGraph graph, AsRegions regions) {
        this.graph = graph;
        this.regionBits = regions.bitsFor(graph);
    }

    public AsGraph graph() { return graph; }

    /**
     * Computes the catchment of {@code announcements} originated by {@code originAs}. Withdrawn announcements are
     * ignored; an announcement to an AS that is not in the graph reaches nobody.
     *
     * @throws IllegalArgumentException if a session is listed twice
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
        int[] len = new int[n], next = new int[n];
        int w = words(live.size());
        long[] sess = new long[n * w];
        State st = new State(graph, originAs, w, cls, len, sess, next);
        Actions act = new Actions(graph, live, regionBits, w);
        // Scratch sets: one session alone, and the filtered set a node exports (reused, so no allocation per node).
        long[] one = new long[w], out = new long[w];
        int origin = graph.index(originAs);

        // Phase 1: customer routes, upwards (a no-export-to-peers route stops at its neighbour).
        Levels q = new Levels();
        for (int s = 0; s < live.size(); s++) {
            Announcement a = live.get(s);
            int v = graph.index(a.neighborAs());
            if (a.kind() != NeighborKind.TRANSIT || v < 0 || v == origin) continue;
            if (st.offer(v, CUST, 1 + a.prepend(), -1, single(one, s), 0)) q.add(1 + a.prepend(), v);
        }
        int[] provOff = graph.provOff(), prov = graph.prov();
        boolean[] done = new boolean[n];
        for (int d = 0; d < q.size(); d++) {
            int[] lv = q.level(d);
            for (int k = 0, c = q.count(d); k < c; k++) {
                int u = lv[k];
                if (done[u] || len[u] != d || cls[u] != CUST) continue;
                done[u] = true;
                long[] up = sess;
                int upOff = u * w;
                if (act.actsAt(u, sess, upOff)) {
                    if (!act.toProvider(u, sess, upOff, out)) continue;
                    up = out;
                    upOff = 0;
                }
                for (int e = provOff[u]; e < provOff[u + 1]; e++) {
                    int p = prov[e];
                    if (p != origin && st.offer(p, CUST, d + 1, u, up, upOff)) q.add(d + 1, p);
                }
            }
        }

        // Phase 2: peer routes, one step sideways.
        int[] peerOff = graph.peerOff(), peer = graph.peer();
        for (int u = 0; u < n; u++) {
            if (cls[u] != CUST) continue;
            boolean plain = !act.actsAt(u, sess, u * w);
            for (int e = peerOff[u]; e < peerOff[u + 1]; e++) {
                int p = peer[e];
                if (p == origin) continue;
                if (plain) st.offer(p, PEER, len[u] + 1, u, sess, u * w);
                else if (act.toPeer(u, sess, u * w, p, out)) st.offer(p, PEER, len[u] + 1 + act.added, u, out, 0);
            }
        }
        int[] custOff = graph.custOff(), cust = graph.cust();
        for (int s = 0; s < live.size(); s++) {
            Announcement a = live.get(s);
            int v = graph.index(a.neighborAs());
            if (a.kind() == NeighborKind.TRANSIT || v < 0 || v == origin) continue;
            st.offer(v, PEER, 1 + a.prepend(), -1, single(one, s), 0);
            if (a.kind() == NeighborKind.ROUTE_SERVER && !act.noPeers[s]) {
                int l = 1 + a.prepend() + act.prepend[s];
                for (int[][] adj : new int[][][] {{custOff, cust}, {provOff, prov}, {peerOff, peer}}) {
                    for (int e = adj[0][v]; e < adj[0][v + 1]; e++) {
                        int m = adj[1][e];
                        if (m != origin && (act.noRegion[s] & regionBits[m]) == 0) st.offer(m, PEER, l, -1, one, 0);
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
                    if (c2 != origin && st.offer(c2, PROV, d + 1, u, sess, u * w)) q.add(d + 1, c2);
                }
            }
        }
        List<String> sites = announcements.stream().map(Announcement::site).distinct().sorted().toList();
        return new Catchment(graph, originAs, List.copyOf(live), sites, cls, len, sess, next);
    }

    /** Words of a session set over {@code live} sessions: one bit each, at least one word. */
    static int words(int live) {
        return Math.max(1, (live + 63) >>> 6);
    }

    /** Sets {@code set} to the one session {@code s}; returns it. */
    private static long[] single(long[] set, int s) {
        Arrays.fill(set, 0);
        set[s >>> 6] = 1L << s;
        return set;
    }

    /**
     * The live sessions' action communities, resolved once per computation: for session {@code s}, the node of the
     * neighbour that acts, its prepends towards peers, whether it keeps the route from all peers, and the regions
     * (bit set) whose peers it keeps it from. Session sets are {@code w} words from an offset, as in {@link Routing}.
     */
    private static final class Actions {
        final int[] actor, prepend, noRegion;
        final boolean[] noPeers;
        final int[] regionBits;
        /** The sessions some neighbour acts on. */
        final long[] acting;
        final int w;
        /** Extra prepends of the last {@link #toPeer} result. */
        int added;

        Actions(AsGraph graph, List<Announcement> live, int[] regionBits, int w) {
            int k = live.size();
            actor = new int[k];
            prepend = new int[k];
            noRegion = new int[k];
            noPeers = new boolean[k];
            this.regionBits = regionBits;
            this.w = w;
            acting = new long[w];
            for (int s = 0; s < k; s++) {
                Announcement a = live.get(s);
                actor[s] = graph.index(a.neighborAs());
                for (ActionCommunity ac : a.actions()) {
                    switch (ac.action()) {
                        case PREPEND_1, PREPEND_2, PREPEND_3 -> prepend[s] = Math.max(prepend[s], ac.action().prepends());
                        case NO_EXPORT_TO_PEERS -> noPeers[s] = true;
                        case NO_EXPORT_TO_REGION -> noRegion[s] |= 1 << ac.region().orElseThrow().ordinal();
                    }
                }
                if (actor[s] >= 0 && (prepend[s] > 0 || noPeers[s] || noRegion[s] != 0)) acting[s >>> 6] |= 1L << s;
            }
        }

        /** Whether node {@code u} acts on some session of the set at {@code set[off]} (if not, the fast path skips the filter). */
        boolean actsAt(int u, long[] set, int off) {
            for (int i = 0; i < w; i++) {
                for (long b = set[off + i] & acting[i]; b != 0; b &= b - 1) {
                    if (actor[(i << 6) + Long.numberOfTrailingZeros(b)] == u) return true;
                }
            }
            return false;
        }

        /** Writes to {@code out} the sessions of the set at {@code set[off]} that node {@code u} passes to its providers; true if any. */
        boolean toProvider(int u, long[] set, int off, long[] out) {
            long any = 0;
            for (int i = 0; i < w; i++) {
                long m = set[off + i];
                for (long b = m & acting[i]; b != 0; b &= b - 1) {
                    int s = (i << 6) + Long.numberOfTrailingZeros(b);
                    if (actor[s] == u && noPeers[s]) m &= ~(1L << s);
                }
                out[i] = m;
                any |= m;
            }
            return any != 0;
        }

        /**
         * Writes to {@code out} the sessions of the set at {@code set[off]} that node {@code u} passes to its peer
         * {@code p}, shortest after u's prepends (those go to {@link #added}); true if any.
         */
        boolean toPeer(int u, long[] set, int off, int p, long[] out) {
            Arrays.fill(out, 0);
            boolean any = false;
            int best = Integer.MAX_VALUE;
            for (int i = 0; i < w; i++) {
                for (long b = set[off + i]; b != 0; b &= b - 1) {
                    int s = (i << 6) + Long.numberOfTrailingZeros(b);
                    int add = 0;
                    if (actor[s] == u && (acting[i] & (1L << s)) != 0) {
                        if (noPeers[s] || (noRegion[s] & regionBits[p]) != 0) continue;
                        add = prepend[s];
                    }
                    if (add < best) {
                        best = add;
                        Arrays.fill(out, 0);
                    }
                    if (add == best) {
                        out[i] |= 1L << s;
                        any = true;
                    }
                }
            }
            added = any ? best : 0;
            return any;
        }
    }

    /** The routes being built, and the one rule that decides whether an offered route replaces the held one. */
    private record State(AsGraph graph, long originAs, int w, byte[] cls, int[] len, long[] sess, int[] next) {
        /**
         * Installs the offered route at {@code v} if it is better, or adds its sessions to the held route if it ties
         * (same class, length and next hop); {@code from} is the next-hop node, -1 for us; the offered sessions are
         * the {@code w} words at {@code sessions[off]}. True if anything changed.
         */
        boolean offer(int v, byte c, int l, int from, long[] sessions, int off) {
            int at = v * w;
            byte held = cls[v];
            if (held != NONE) {
                if (held < c) return false;
                if (held == c) {
                    if (l > len[v]) return false;
                    if (l == len[v]) {
                        long a = from < 0 ? originAs : graph.asn(from), b = next[v] < 0 ? originAs : graph.asn(next[v]);
                        if (a > b) return false;
                        if (a == b) {
                            if (w == 1) {
                                long mine = sess[v], union = mine | sessions[off];
                                sess[v] = union;
                                return union != mine;
                            }
                            boolean grew = false;
                            for (int i = 0; i < w; i++) {
                                long mine = sess[at + i], union = mine | sessions[off + i];
                                if (union != mine) {
                                    sess[at + i] = union;
                                    grew = true;
                                }
                            }
                            return grew;
                        }
                    }
                }
            }
            cls[v] = c;
            len[v] = l;
            if (w == 1) sess[v] = sessions[off];
            else System.arraycopy(sessions, off, sess, at, w);
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
