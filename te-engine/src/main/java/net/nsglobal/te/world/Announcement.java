package net.nsglobal.te.world;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.ActionCommunity;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.NeighborKind;
import net.nsglobal.platform.sites.Site;

/**
 * One BGP session's announcement of the anycast prefix: which site, which session, to which neighbour AS, what the
 * neighbour is to us, how many extra copies of our AS are prepended, whether it is announced or withdrawn, the
 * communities attached to it, the action communities the neighbour defines (from the site's record) and where the
 * site is (for the hot-potato choice; {@code NaN} when unknown).
 *
 * <p>The neighbour receives the AS path {@code originAs × (1 + prepend)}: path length {@code 1 + prepend}. It acts
 * on those of its action communities the announcement carries ({@link #actions()}); an attached community the
 * neighbour does not define is passed along and changes nothing.
 */
public record Announcement(String site, String session, long neighborAs, NeighborKind kind, int prepend, boolean announced,
                           List<Community> communities, List<ActionCommunity> actionCommunities,
                           double latitude, double longitude) {
    /** The order of the session tie-break: site id, then session name. */
    public static final Comparator<Announcement> SESSION_ORDER =
            Comparator.comparing(Announcement::site).thenComparing(Announcement::session);

    public Announcement {
        if (prepend < 0 || prepend > 3) throw new IllegalArgumentException("world: " + site + " " + session + ": prepend " + prepend + " is not 0…3");
        if (neighborAs < 1 || neighborAs > 4294967294L) throw new IllegalArgumentException("world: " + site + " " + session + ": AS " + neighborAs + " out of range");
        communities = List.copyOf(communities);
        actionCommunities = List.copyOf(actionCommunities);
        if (Double.isNaN(latitude) != Double.isNaN(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw new IllegalArgumentException("world: " + site + " " + session + ": bad coordinates " + latitude + ", " + longitude);
        }
    }

    /** A session without communities and without a known location. */
    public Announcement(String site, String session, long neighborAs, NeighborKind kind, int prepend, boolean announced) {
        this(site, session, neighborAs, kind, prepend, announced, List.of(), List.of(), Double.NaN, Double.NaN);
    }

    public Announcement withPrepend(int p) {
        return new Announcement(site, session, neighborAs, kind, p, announced, communities, actionCommunities, latitude, longitude);
    }

    public Announcement withdrawn() {
        return new Announcement(site, session, neighborAs, kind, prepend, false, communities, actionCommunities, latitude, longitude);
    }

    /** The same session with {@code attached} as its communities. */
    public Announcement withCommunities(List<Community> attached) {
        return new Announcement(site, session, neighborAs, kind, prepend, announced, attached, actionCommunities, latitude, longitude);
    }

    /** The same session with the neighbour's action communities {@code defined}. */
    public Announcement withActionCommunities(List<ActionCommunity> defined) {
        return new Announcement(site, session, neighborAs, kind, prepend, announced, communities, defined, latitude, longitude);
    }

    /** The same session at a site located at {@code lat}, {@code lon} (degrees, WGS 84). */
    public Announcement at(double lat, double lon) {
        return new Announcement(site, session, neighborAs, kind, prepend, announced, communities, actionCommunities, lat, lon);
    }

    /** The neighbour's action communities this announcement carries, i.e. what the neighbour will do with it. */
    public List<ActionCommunity> actions() {
        if (communities.isEmpty() || actionCommunities.isEmpty()) return List.of();
        return actionCommunities.stream().filter(a -> communities.contains(a.community())).toList();
    }

    /** Whether the site's location is known. */
    public boolean located() { return !Double.isNaN(latitude); }

    /**
     * The fleet's announcements of {@code prefix}: every session, of every site that lists the prefix, whose
     * neighbour address is of the prefix's family (a session carries its own family's routes, as the BIRD
     * configuration does), with the session's configured prepend and communities, the neighbour's action
     * communities and the site's location.
     */
    public static List<Announcement> of(List<Site> sites, Cidr prefix) {
        boolean v6 = prefix.network() instanceof Inet6Address;
        List<Announcement> out = new ArrayList<>();
        for (Site s : sites) {
            if (!s.anycastPrefixes().contains(prefix)) continue;
            for (Neighbor n : s.neighbors()) {
                if (n.ipv6() == v6) out.add(of(s, n, n.prepend(), n.communities(), true));
            }
        }
        return out;
    }

    /** One session of {@code site} with the given knobs (the record's own for the neighbour's definitions and place). */
    public static Announcement of(Site site, Neighbor n, int prepend, List<Community> communities, boolean announced) {
        return new Announcement(site.id(), n.name(), n.peerAs(), n.kind(), prepend, announced, communities,
                n.actionCommunities(), site.latitude(), site.longitude());
    }
}
