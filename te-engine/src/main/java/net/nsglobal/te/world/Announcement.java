package net.nsglobal.te.world;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.NeighborKind;
import net.nsglobal.platform.sites.Site;

/**
 * One BGP session's announcement of the anycast prefix: which site, which session, to which neighbour AS, what the
 * neighbour is to us, how many extra copies of our AS are prepended, and whether it is announced or withdrawn.
 *
 * <p>The neighbour receives the AS path {@code originAs × (1 + prepend)}: path length {@code 1 + prepend}.
 */
public record Announcement(String site, String session, long neighborAs, NeighborKind kind, int prepend, boolean announced) {
    /** The order of the session tie-break: site id, then session name. */
    public static final Comparator<Announcement> SESSION_ORDER =
            Comparator.comparing(Announcement::site).thenComparing(Announcement::session);

    public Announcement {
        if (prepend < 0 || prepend > 3) throw new IllegalArgumentException("world: " + site + " " + session + ": prepend " + prepend + " is not 0…3");
        if (neighborAs < 1 || neighborAs > 4294967294L) throw new IllegalArgumentException("world: " + site + " " + session + ": AS " + neighborAs + " out of range");
    }

    public Announcement withPrepend(int p) { return new Announcement(site, session, neighborAs, kind, p, announced); }

    public Announcement withdrawn() { return new Announcement(site, session, neighborAs, kind, prepend, false); }

    /**
     * The fleet's announcements of {@code prefix}: every session, of every site that lists the prefix, whose
     * neighbour address is of the prefix's family (a session carries its own family's routes, as the BIRD
     * configuration does), with the session's configured prepend.
     */
    public static List<Announcement> of(List<Site> sites, Cidr prefix) {
        boolean v6 = prefix.network() instanceof Inet6Address;
        List<Announcement> out = new ArrayList<>();
        for (Site s : sites) {
            if (!s.anycastPrefixes().contains(prefix)) continue;
            for (Neighbor n : s.neighbors()) {
                if (n.ipv6() == v6) out.add(new Announcement(s.id(), n.name(), n.peerAs(), n.kind(), n.prepend(), true));
            }
        }
        return out;
    }
}
