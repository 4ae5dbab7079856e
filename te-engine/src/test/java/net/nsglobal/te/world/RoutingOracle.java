package net.nsglobal.te.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.nsglobal.platform.sites.ActionCommunity;
import net.nsglobal.platform.sites.CommunityAction;
import net.nsglobal.platform.sites.NeighborKind;
import net.nsglobal.platform.sites.Region;

/**
 * An independent check that a catchment is the BGP equilibrium the model defines: for every AS, the route it holds
 * is the best of the routes its neighbours export to it (and of our own announcements to it), by class, then path
 * length, then next-hop AS — holding every session tied on all three — and it holds none only if nobody offers one.
 * A neighbour that defines an action community the session carries applies it when it exports the route it got
 * straight from us. It asks the catchment AS by AS, so it shares no code with {@link Routing}'s passes.
 */
final class RoutingOracle {
    private RoutingOracle() {}

    record Offer(Relation relation, int length, long nextHop, TreeSet<String> sessions) {}

    static List<String> violations(AsGraph g, long originAs, List<Announcement> anns, Catchment c) {
        return violations(g, AsRegions.NONE, originAs, anns, c);
    }

    /** Returns one line per AS whose held route differs from the best offer; empty when the catchment is stable. */
    static List<String> violations(AsGraph g, AsRegions regions, long originAs, List<Announcement> anns, Catchment c) {
        List<Announcement> live = anns.stream().filter(Announcement::announced).toList();
        List<String> out = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            long as = g.asn(v);
            if (as == originAs) continue;
            Optional<Region> region = regions.regionOf(as);
            Offer best = null;
            for (int e = g.provOff()[v]; e < g.provOff()[v + 1]; e++) {
                best = better(best, fromNeighbour(g, c, g.prov()[e], Relation.PROVIDER, region));
            }
            for (int e = g.peerOff()[v]; e < g.peerOff()[v + 1]; e++) {
                best = better(best, fromNeighbour(g, c, g.peer()[e], Relation.PEER, region));
            }
            for (int e = g.custOff()[v]; e < g.custOff()[v + 1]; e++) {
                best = better(best, fromNeighbour(g, c, g.cust()[e], Relation.CUSTOMER, region));
            }
            for (Announcement a : live) {
                Relation rel = a.kind() == NeighborKind.TRANSIT ? Relation.CUSTOMER : Relation.PEER;
                if (a.neighborAs() == as) best = better(best, new Offer(rel, 1 + a.prepend(), originAs, set(a)));
                boolean member = a.kind() == NeighborKind.ROUTE_SERVER && a.neighborAs() != as && g.index(a.neighborAs()) >= 0
                        && adjacent(g, g.index(a.neighborAs()), v);
                if (member && !blocks(a, region)) best = better(best, new Offer(rel, 1 + a.prepend() + prepends(a), originAs, set(a)));
            }
            Optional<Catchment.Route> held = c.route(as);
            String want = best == null ? "none" : best.relation + "/" + best.length + "/AS" + best.nextHop + "/" + best.sessions;
            String got = held.map(r -> r.relation() + "/" + r.pathLength() + "/AS" + r.nextHopAs() + "/" + set(c.sessions(as))).orElse("none");
            if (!want.equals(got)) out.add("AS" + as + ": holds " + got + ", best offer " + want);
        }
        return out;
    }

    /**
     * What neighbour {@code u} exports to our AS {@code v}, which is its {@code asSeen}'s opposite: to a provider or a
     * peer only customer routes (valley-free); the neighbour's own action communities filter what it sends to a peer
     * (and no-export-to-peers what it sends to a provider).
     */
    private static Offer fromNeighbour(AsGraph g, Catchment c, int u, Relation asSeen, Optional<Region> region) {
        long uAs = g.asn(u);
        Optional<Catchment.Route> r = c.route(uAs);
        if (r.isEmpty()) return null;
        if (asSeen == Relation.PROVIDER) return new Offer(asSeen, r.get().pathLength() + 1, uAs, set(c.sessions(uAs)));
        if (r.get().relation() != Relation.CUSTOMER) return null;
        TreeSet<String> sent = new TreeSet<>();
        int least = Integer.MAX_VALUE;
        for (Announcement a : c.sessions(uAs)) {
            boolean mine = a.neighborAs() == uAs;
            int add = 0;
            if (mine && asSeen == Relation.PEER) {
                if (blocks(a, region)) continue;
                add = prepends(a);
            }
            if (mine && asSeen == Relation.CUSTOMER && a.actions().stream().anyMatch(x -> x.action() == CommunityAction.NO_EXPORT_TO_PEERS)) continue;
            if (add < least) {
                least = add;
                sent.clear();
            }
            if (add == least) sent.add(key(a));
        }
        if (sent.isEmpty()) return null;
        return new Offer(asSeen, r.get().pathLength() + 1 + least, uAs, sent);
    }

    /** Whether the session's neighbour keeps the route from a peer in {@code region}. */
    private static boolean blocks(Announcement a, Optional<Region> region) {
        for (ActionCommunity x : a.actions()) {
            if (x.action() == CommunityAction.NO_EXPORT_TO_PEERS) return true;
            if (x.action() == CommunityAction.NO_EXPORT_TO_REGION && region.isPresent() && x.region().equals(region)) return true;
        }
        return false;
    }

    private static int prepends(Announcement a) {
        return a.actions().stream().mapToInt(x -> x.action().prepends()).max().orElse(0);
    }

    private static String key(Announcement a) { return a.site() + " " + a.session(); }

    private static TreeSet<String> set(Announcement a) { return new TreeSet<>(List.of(key(a))); }

    private static TreeSet<String> set(List<Announcement> as) {
        TreeSet<String> s = new TreeSet<>();
        for (Announcement a : as) s.add(key(a));
        return s;
    }

    private static boolean adjacent(AsGraph g, int a, int b) {
        for (int e = g.custOff()[a]; e < g.custOff()[a + 1]; e++) if (g.cust()[e] == b) return true;
        for (int e = g.provOff()[a]; e < g.provOff()[a + 1]; e++) if (g.prov()[e] == b) return true;
        for (int e = g.peerOff()[a]; e < g.peerOff()[a + 1]; e++) if (g.peer()[e] == b) return true;
        return false;
    }

    /** The better offer; on a tie in class, length and next hop, one offer holding both's sessions. */
    private static Offer better(Offer held, Offer o) {
        if (o == null) return held;
        if (held == null) return o;
        int k = Integer.compare(o.relation.ordinal(), held.relation.ordinal());
        if (k == 0) k = Integer.compare(o.length, held.length);
        if (k == 0) k = Long.compare(o.nextHop, held.nextHop);
        if (k != 0) return k < 0 ? o : held;
        TreeSet<String> both = new TreeSet<>(held.sessions);
        both.addAll(o.sessions);
        return new Offer(held.relation, held.length, held.nextHop, both);
    }
}
