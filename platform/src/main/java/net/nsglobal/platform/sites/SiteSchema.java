package net.nsglobal.platform.sites;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.nsglobal.config.Cidr;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;
import net.nsglobal.config.Section;
import net.nsglobal.config.Setting;

/**
 * The schema of {@code sites/<id>.yaml}, declared with the config kit: every key, its kind, default and meaning.
 * {@link #reference()} writes the table that sites/README.md carries (a test keeps the two equal).
 */
public final class SiteSchema {
    private SiteSchema() {}

    static final String NEIGHBORS = "neighbors";
    static final String ACTIONS = "action_communities";

    static final Setting<String> ID = Setting.required("id", SiteKinds.matching("[a-z][a-z0-9]{1,15}", "site code: lower-case letters and digits, e.g. ams1"),
            "site code; must equal the file name without .yaml");
    static final Setting<String> CITY = Setting.required("city", Kind.string(), "city, for people");
    static final Setting<String> COUNTRY = Setting.required("country", SiteKinds.matching("[A-Z]{2}", "ISO 3166-1 alpha-2 code, e.g. NL"),
            "country code");
    static final Setting<Double> LATITUDE = Setting.required("latitude", SiteKinds.decimal(-90, 90), "degrees north (WGS 84)");
    static final Setting<Double> LONGITUDE = Setting.required("longitude", SiteKinds.decimal(-180, 180), "degrees east (WGS 84)");
    static final Setting<Inet4Address> UNICAST_V4 = Setting.required("unicast_v4", SiteKinds.ipv4(),
            "the site's dns-node, reached directly (latency measurements); BIRD's router id");
    static final Setting<Inet6Address> UNICAST_V6 = Setting.optional("unicast_v6", SiteKinds.ipv6(), null,
            "the same over IPv6 (quote it)");
    static final Setting<List<Cidr>> ANYCAST_PREFIXES = Setting.required("anycast_prefixes", Kind.listOf(SiteKinds.prefix()),
            "prefixes this site announces");
    static final Setting<Long> LOCAL_AS = Setting.required("local_as", SiteKinds.asn(), "our AS number at this site");

    static final Setting<String> N_NAME = Setting.required("name", SiteKinds.matching("[a-z][a-z0-9-]{0,30}",
            "lower-case letters, digits and dashes, e.g. transit-a"), "session name, unique within the site");
    static final Setting<Long> N_PEER_AS = Setting.required("peer_as", SiteKinds.asn(), "the neighbour's AS number");
    static final Setting<InetAddress> N_ADDRESS = Setting.required("address", SiteKinds.address(0),
            "the neighbour's address; its family is the family of the routes on the session");
    static final Setting<NeighborKind> N_KIND = Setting.optional("kind", Kind.oneOf(NeighborKind.class), NeighborKind.TRANSIT,
            "what the neighbour is to us");
    static final Setting<Integer> N_PREPEND = Setting.optional("prepend", Kind.integer(0, 3), 0,
            "extra copies of local_as in front of our path here (set by te-engine proposals)");
    static final Setting<List<Community>> N_COMMUNITIES = Setting.optional("communities", Kind.listOf(SiteKinds.community()), List.of(),
            "communities attached to our announcements here");

    static final Setting<Community> A_COMMUNITY = Setting.required("community", SiteKinds.community(), "the community");
    static final Setting<CommunityAction> A_ACTION = Setting.required("action", Kind.oneOf(CommunityAction.class),
            "what the neighbour does when it sees it (prepend-N: towards its peers)");
    static final Setting<Region> A_REGION = Setting.optional("region", Kind.oneOf(Region.class), null,
            "for no-export-to-region only (and required there): the region whose peers do not get the route");

    private static final List<Setting<?>> TOP = List.of(ID, CITY, COUNTRY, LATITUDE, LONGITUDE, UNICAST_V4, UNICAST_V6,
            ANYCAST_PREFIXES, LOCAL_AS);
    private static final List<Setting<?>> NEIGHBOR = List.of(N_NAME, N_PEER_AS, N_ADDRESS, N_KIND, N_PREPEND, N_COMMUNITIES);
    private static final List<Setting<?>> ACTION = List.of(A_COMMUNITY, A_ACTION, A_REGION);

    /** Reads one site file's tree (checks within the file; cross-file checks are {@link Sites}'). */
    static Site read(Section top) throws ConfigException {
        String id = top.get(ID);
        String city = top.get(CITY);
        String country = top.get(COUNTRY);
        double lat = top.get(LATITUDE);
        double lon = top.get(LONGITUDE);
        Inet4Address v4 = top.get(UNICAST_V4);
        Inet6Address v6 = top.get(UNICAST_V6);
        List<Cidr> prefixes = top.get(ANYCAST_PREFIXES);
        if (prefixes.isEmpty()) throw new ConfigException(top.keyOf(ANYCAST_PREFIXES.key()), "must list at least one prefix");
        long localAs = top.get(LOCAL_AS);
        List<Section> ns = top.list(NEIGHBORS);
        if (ns.isEmpty()) throw new ConfigException(top.keyOf(NEIGHBORS), "is required: at least one BGP neighbour");
        List<Neighbor> neighbors = new ArrayList<>();
        for (Section n : ns) {
            Neighbor nb = neighbor(n);
            for (Neighbor earlier : neighbors) {
                if (earlier.name().equals(nb.name())) throw new ConfigException(n.keyOf(N_NAME.key()), "name '" + nb.name() + "' used twice in this site");
            }
            neighbors.add(nb);
        }
        top.finish();
        return new Site(id, city, country, lat, lon, v4, Optional.ofNullable(v6), prefixes, localAs, neighbors);
    }

    private static Neighbor neighbor(Section n) throws ConfigException {
        String name = n.get(N_NAME);
        long peerAs = n.get(N_PEER_AS);
        InetAddress address = n.get(N_ADDRESS);
        NeighborKind kind = n.get(N_KIND);
        int prepend = n.get(N_PREPEND);
        List<Community> communities = n.get(N_COMMUNITIES);
        List<ActionCommunity> actions = new ArrayList<>();
        for (Section a : n.list(ACTIONS)) {
            actions.add(action(a));
        }
        n.finish();
        return new Neighbor(name, peerAs, address, kind, prepend, communities, actions);
    }

    private static ActionCommunity action(Section a) throws ConfigException {
        Community community = a.get(A_COMMUNITY);
        CommunityAction action = a.get(A_ACTION);
        Region region = a.get(A_REGION);
        if (action == CommunityAction.NO_EXPORT_TO_REGION && region == null) {
            throw new ConfigException(a.keyOf(A_REGION.key()), "is required when action is " + action);
        }
        if (action != CommunityAction.NO_EXPORT_TO_REGION && region != null) {
            throw new ConfigException(a.keyOf(A_REGION.key()), "only goes with action " + CommunityAction.NO_EXPORT_TO_REGION + ", not " + action);
        }
        a.finish();
        return new ActionCommunity(community, action, Optional.ofNullable(region));
    }

    /** The reference table of every key (Markdown), as sites/README.md shows it. */
    public static String reference() {
        StringBuilder b = new StringBuilder("| key | kind | required / default | meaning |\n|---|---|---|---|\n");
        row(b, "", TOP);
        b.append("| `").append(NEIGHBORS).append("` | list of mappings (below) | required, at least one | BGP sessions |\n");
        row(b, NEIGHBORS + "[].", NEIGHBOR);
        b.append("| `").append(NEIGHBORS).append("[].").append(ACTIONS).append("` | list of mappings (below) | empty | communities the neighbour acts on |\n");
        row(b, NEIGHBORS + "[]." + ACTIONS + "[].", ACTION);
        return b.toString();
    }

    private static void row(StringBuilder b, String prefix, List<Setting<?>> settings) {
        for (Setting<?> s : settings) {
            String req = s.required() ? "required" : s.defaultValue() == null ? "optional"
                    : s.defaultValue() instanceof List<?> l && l.isEmpty() ? "empty" : "`" + s.defaultValue() + "`";
            b.append("| `").append(prefix).append(s.key()).append("` | ").append(s.kind().describe().replace("|", "\\|")).append(" | ")
                    .append(req).append(" | ").append(s.doc()).append(" |\n");
        }
    }
}
