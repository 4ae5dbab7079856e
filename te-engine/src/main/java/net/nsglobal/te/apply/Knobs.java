package net.nsglobal.te.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.Site;

/**
 * The traffic-engineering knobs of one site, per BGP session (by the neighbour's name in {@code sites/<id>.yaml}):
 * whether the anycast prefixes are announced there, how many extra copies of our AS are prepended, and which
 * communities are attached — among them the neighbour's action communities the engine chose. Immutable;
 * {@link #of(Site)} is the site's configured state, the {@code with…} methods make changed copies.
 */
public record Knobs(Map<String, Session> sessions) {
    /**
     * One session's knobs.
     *
     * @param announce    false: the session announces none of the anycast prefixes (the export filter rejects them)
     * @param prepend     extra copies of our AS, 0…3
     * @param communities attached to the announcement (standard RFC 1997 or large RFC 8092)
     */
    public record Session(boolean announce, int prepend, List<Community> communities) {
        public Session {
            if (prepend < 0 || prepend > 3) throw new IllegalArgumentException("te-engine apply: prepend " + prepend + " is not 0…3");
            communities = List.copyOf(communities);
        }
    }

    public Knobs {
        sessions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sessions));
    }

    /** The site's configured knobs: every session announced, with the prepend and communities of its yaml. */
    public static Knobs of(Site site) {
        Map<String, Session> m = new LinkedHashMap<>();
        for (Neighbor n : site.neighbors()) m.put(n.name(), new Session(true, n.prepend(), n.communities()));
        return new Knobs(m);
    }

    /** The knobs of the session with neighbour {@code name}. */
    public Session session(String name) {
        Session s = sessions.get(name);
        if (s == null) throw new IllegalArgumentException("te-engine apply: no knobs for session '" + name + "' (have " + sessions.keySet() + ")");
        return s;
    }

    public Knobs with(String name, Session s) {
        session(name);
        Map<String, Session> m = new LinkedHashMap<>(sessions);
        m.put(name, s);
        return new Knobs(m);
    }

    public Knobs withPrepend(String name, int prepend) {
        Session s = session(name);
        return with(name, new Session(s.announce(), prepend, s.communities()));
    }

    public Knobs withCommunities(String name, List<Community> communities) {
        Session s = session(name);
        return with(name, new Session(s.announce(), s.prepend(), communities));
    }

    public Knobs withAnnounce(String name, boolean announce) {
        Session s = session(name);
        return with(name, new Session(announce, s.prepend(), s.communities()));
    }

    /** Every session withdrawn (the site stops announcing; its prepends and communities are kept for later). */
    public Knobs withdrawnEverywhere() {
        Map<String, Session> m = new LinkedHashMap<>();
        sessions.forEach((k, s) -> m.put(k, new Session(false, s.prepend(), s.communities())));
        return new Knobs(m);
    }

    /** Checks that the knobs name exactly the site's sessions. */
    void checkAgainst(Site site) {
        List<String> names = site.neighbors().stream().map(Neighbor::name).toList();
        if (!sessions.keySet().equals(new java.util.HashSet<>(names))) {
            throw new IllegalArgumentException("te-engine apply: site " + site.id() + ": knobs for sessions " + sessions.keySet()
                    + " but the site has " + names);
        }
    }
}
