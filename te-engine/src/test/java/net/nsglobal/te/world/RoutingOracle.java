package net.nsglobal.te.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.nsglobal.platform.sites.NeighborKind;

/**
 * An independent check that a catchment is the BGP equilibrium the model defines: for every AS, the route it holds
 * is the best of the routes its neighbours export to it (and of our own announcements to it), by class, then path
 * length, then next-hop AS, then session order — and it holds none only if nobody offers one. It asks the catchment
 * AS by AS, so it shares no code with {@link Routing}'s passes.
 */
final class RoutingOracle {
    private RoutingOracle() {}

    record Offer(Relation relation, int length, long nextHop, Announcement session) {}

    /** Returns one line per AS whose held route differs from the best offer; empty when the catchment is stable. */
    static List<String> violations(AsGraph g, long originAs, List<Announcement> anns, Catchment c) {
        List<Announcement> live = anns.stream().filter(Announcement::announced).sorted(Announcement.SESSION_ORDER).toList();
        List<String> out = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            long as = g.asn(v);
            if (as == originAs) continue;
            Offer best = null;
            for (int e = g.provOff()[v]; e < g.provOff()[v + 1]; e++) {
                best = better(best, fromNeighbour(g, c, g.prov()[e], Relation.PROVIDER, false), live);
            }
            for (int e = g.peerOff()[v]; e < g.peerOff()[v + 1]; e++) {
                best = better(best, fromNeighbour(g, c, g.peer()[e], Relation.PEER, true), live);
            }
            for (int e = g.custOff()[v]; e < g.custOff()[v + 1]; e++) {
                best = better(best, fromNeighbour(g, c, g.cust()[e], Relation.CUSTOMER, true), live);
            }
            for (Announcement a : live) {
                Relation rel = a.kind() == NeighborKind.TRANSIT ? Relation.CUSTOMER : Relation.PEER;
                boolean direct = a.neighborAs() == as;
                boolean member = a.kind() == NeighborKind.ROUTE_SERVER && g.index(a.neighborAs()) >= 0
                        && adjacent(g, g.index(a.neighborAs()), v);
                if (direct || member) best = better(best, new Offer(rel, 1 + a.prepend(), originAs, a), live);
            }
            Optional<Catchment.Route> held = c.route(as);
            String want = best == null ? "none" : best.relation + "/" + best.length + "/AS" + best.nextHop + "/" + best.session.site() + " " + best.session.session();
            String got = held.map(r -> r.relation() + "/" + r.pathLength() + "/AS" + r.nextHopAs() + "/" + r.site() + " " + r.session().session()).orElse("none");
            if (!want.equals(got)) out.add("AS" + as + ": holds " + got + ", best offer " + want);
        }
        return out;
    }

    private static Offer fromNeighbour(AsGraph g, Catchment c, int u, Relation asSeen, boolean onlyCustomerRoutes) {
        Optional<Catchment.Route> r = c.route(g.asn(u));
        if (r.isEmpty()) return null;
        // Valley-free export: to a provider or a peer, u passes on only routes it learned from its customers.
        if (onlyCustomerRoutes && r.get().relation() != Relation.CUSTOMER) return null;
        return new Offer(asSeen, r.get().pathLength() + 1, g.asn(u), r.get().session());
    }

    private static boolean adjacent(AsGraph g, int a, int b) {
        if (a == b) return true;
        for (int e = g.custOff()[a]; e < g.custOff()[a + 1]; e++) if (g.cust()[e] == b) return true;
        for (int e = g.provOff()[a]; e < g.provOff()[a + 1]; e++) if (g.prov()[e] == b) return true;
        for (int e = g.peerOff()[a]; e < g.peerOff()[a + 1]; e++) if (g.peer()[e] == b) return true;
        return false;
    }

    private static Offer better(Offer held, Offer o, List<Announcement> live) {
        if (o == null) return held;
        if (held == null) return o;
        int k = Integer.compare(o.relation.ordinal(), held.relation.ordinal());
        if (k == 0) k = Integer.compare(o.length, held.length);
        if (k == 0) k = Long.compare(o.nextHop, held.nextHop);
        if (k == 0) k = Announcement.SESSION_ORDER.compare(o.session, held.session);
        return k < 0 ? o : held;
    }
}
