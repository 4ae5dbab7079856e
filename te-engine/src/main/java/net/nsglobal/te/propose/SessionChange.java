package net.nsglobal.te.propose;

import java.util.List;

import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.apply.Knobs;

/**
 * One session of a site set apart from the site's other sessions, as a session experiment tries it and the optimizer
 * may propose it: the session withdrawn (selective announcement: the site keeps announcing on its other sessions),
 * or announced with one of the neighbour's action communities attached.
 *
 * @param peerAs      the neighbour's AS
 * @param announce    false: the session is withdrawn
 * @param communities the communities the session carries when announced (the base's plus the action community)
 * @param action      what it does, in words: {@code stops announcing to AS6939 (session he)}
 */
public record SessionChange(String site, String session, long peerAs, boolean announce, List<Community> communities,
                            String action) {
    public SessionChange {
        communities = List.copyOf(communities);
    }

    /** The session's knobs under a site prepend of {@code prepend}. */
    public Knobs.Session knobs(int prepend) {
        return new Knobs.Session(announce, prepend, communities);
    }

    /** {@code layout} with this change made (the site must announce there). */
    public Layout on(Layout layout) {
        if (!layout.announces(site)) throw new IllegalArgumentException("te-engine propose: " + site + " is withdrawn; cannot set session " + session + " apart");
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
        return s.announce() && s.prepend() == sitePrepend && s.communities().equals(communities);
    }
}
