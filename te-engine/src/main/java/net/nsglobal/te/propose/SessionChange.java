package net.nsglobal.te.propose;

import java.util.List;

import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.apply.Knobs;

/**
 * One session of a site set apart from the site's other sessions, as a session experiment tries it and the optimizer
 * may propose it: the session withdrawn (selective announcement: the site keeps announcing on its other sessions),
 * announced with one of the neighbour's action communities attached, or announced with its own prepend (the site's
 * other sessions keep theirs: AnyPro's per-neighbour prepend).
 *
 * @param peerAs      the neighbour's AS
 * @param announce    false: the session is withdrawn
 * @param communities the communities the session carries when announced (the base's plus the action community)
 * @param prepend     the session's own prepend (1…3), or −1: the site's, whatever it is
 * @param action      what it does, in words: {@code stops announcing to AS6939 (session he)}
 */
public record SessionChange(String site, String session, long peerAs, boolean announce, List<Community> communities,
                            int prepend, String action) {
    public SessionChange {
        communities = List.copyOf(communities);
        if (prepend < -1 || prepend > 3) throw new IllegalArgumentException("te-engine propose: session " + site + " " + session + ": prepend " + prepend + " is not 0…3");
    }

    /** A change that keeps the site's prepend (a withdrawal or a community). */
    public SessionChange(String site, String session, long peerAs, boolean announce, List<Community> communities, String action) {
        this(site, session, peerAs, announce, communities, -1, action);
    }

    /** The session's knobs under a site prepend of {@code sitePrepend}. */
    public Knobs.Session knobs(int sitePrepend) {
        return new Knobs.Session(announce, prepend < 0 ? sitePrepend : prepend, communities);
    }

    /**
     * Whether this change sets the session apart in {@code layout}: the site announces there and, for a session
     * prepend, prepends less (at the site's prepend or above, the session would be like its others).
     */
    public boolean appliesTo(Layout layout) {
        return layout.announces(site) && (prepend < 0 || prepend > layout.prepend(site));
    }

    /** {@code layout} with this change made (see {@link #appliesTo}). */
    public Layout on(Layout layout) {
        if (!layout.announces(site)) throw new IllegalArgumentException("te-engine propose: " + site + " is withdrawn; cannot set session " + session + " apart");
        if (!appliesTo(layout)) throw new IllegalArgumentException("te-engine propose: " + site + " already prepends " + layout.prepend(site) + "; session " + session + " prepending " + prepend + " would not differ");
        return layout.withSession(site, session, knobs(layout.prepend(site)));
    }

    /** Whether {@code layout} carries this change. */
    public boolean in(Layout layout) {
        Knobs.Session s = layout.sessions(site).get(session);
        return s != null && matches(s, layout.prepend(site));
    }

    /** Whether a session's knobs {@code s}, at a site prepending {@code sitePrepend}, are this change. */
    boolean matches(Knobs.Session s, int sitePrepend) {
        if (!announce) return !s.announce();
        return s.announce() && s.prepend() == (prepend < 0 ? sitePrepend : prepend) && s.communities().equals(communities);
    }
}
