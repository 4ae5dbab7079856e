package net.nsglobal.platform.sites;

import java.net.InetAddress;
import java.util.List;

/**
 * One BGP session of a site.
 *
 * @param name              unique within the site; lower case, digits, dashes (BIRD protocol names use {@code _})
 * @param peerAs            the neighbour's AS number
 * @param address           the neighbour's address (IPv4 or IPv6: the session carries that family's prefixes)
 * @param kind              transit, peer or route-server
 * @param prepend           extra copies of our AS we put in front of the path announced here (0…3)
 * @param communities       communities attached to our announcements here
 * @param actionCommunities communities the neighbour offers to act on
 */
public record Neighbor(String name, long peerAs, InetAddress address, NeighborKind kind, int prepend,
                       List<Community> communities, List<ActionCommunity> actionCommunities) {
    public Neighbor {
        communities = List.copyOf(communities);
        actionCommunities = List.copyOf(actionCommunities);
    }

    /** The name as a BIRD symbol ({@code transit-a} → {@code transit_a}). */
    public String birdName() { return name.replace('-', '_'); }

    public boolean ipv6() { return address.getAddress().length == 16; }
}
