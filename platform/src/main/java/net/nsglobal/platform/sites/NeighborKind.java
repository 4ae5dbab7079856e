package net.nsglobal.platform.sites;

/** What a BGP neighbour is to the site: who it passes our anycast routes on to. */
public enum NeighborKind {
    /** Sells us transit: announces our prefixes to the whole Internet. */
    TRANSIT("transit"),
    /** A bilateral peer: announces our prefixes to its customers only. */
    PEER("peer"),
    /** An IXP route server (RFC 7947): passes our prefixes to the IXP members it peers with. */
    ROUTE_SERVER("route-server");

    private final String yaml;

    NeighborKind(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling in {@code sites/*.yaml}. */
    @Override
    public String toString() { return yaml; }
}
