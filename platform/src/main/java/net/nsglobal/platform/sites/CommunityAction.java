package net.nsglobal.platform.sites;

/**
 * What a neighbour does with a route that carries one of its action communities, in the few kinds the TE engine
 * can use: make the path longer beyond the neighbour, or keep the route from the neighbour's peers (all of them, or
 * those in one region). Anything else a neighbour offers (local preference, blackholing, per-peer controls) is not
 * listed in the site files.
 */
public enum CommunityAction {
    /** The neighbour prepends its AS once on the route towards its peers. */
    PREPEND_1("prepend-1"),
    /** … twice. */
    PREPEND_2("prepend-2"),
    /** … three times. */
    PREPEND_3("prepend-3"),
    /** The neighbour does not pass the route to its peers (customers still get it; a route server: no member does). */
    NO_EXPORT_TO_PEERS("no-export-to-peers"),
    /** The neighbour does not pass the route to its peers in one region ({@code region} says which). */
    NO_EXPORT_TO_REGION("no-export-to-region");

    private final String yaml;

    CommunityAction(String yaml) {
        this.yaml = yaml;
    }

    /** How many extra copies of the neighbour's AS the route gets, 0 for the no-export actions. */
    public int prepends() {
        return switch (this) {
            case PREPEND_1 -> 1;
            case PREPEND_2 -> 2;
            case PREPEND_3 -> 3;
            default -> 0;
        };
    }

    /** The spelling in {@code sites/*.yaml}. */
    @Override
    public String toString() { return yaml; }
}
