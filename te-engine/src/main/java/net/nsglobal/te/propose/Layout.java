package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.nsglobal.te.apply.Knobs;

/**
 * A configuration at the grain the predictor models: which sites announce, each announcing site's prepend (0…3,
 * its sessions' common value), and the sessions that differ from their site's common value ({@code sessions}:
 * site → session name → that session's knobs, e.g. one session withdrawn or carrying a neighbour's action
 * community). Sites not in {@code prepends} are withdrawn everywhere and have no session entries.
 *
 * <p>A catchment measurement names the site, not the session, so a session's knobs are predictable only where a
 * session experiment learned them ({@link Experiments}): the {@link Predictor} refuses the others, naming them.
 */
public record Layout(Map<String, Integer> prepends, Map<String, Map<String, Knobs.Session>> sessions) {
    public Layout {
        for (Map.Entry<String, Integer> e : prepends.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 3) {
                throw new IllegalArgumentException("te-engine propose: site " + e.getKey() + ": prepend " + e.getValue() + " is not 0…3");
            }
        }
        Map<String, Integer> p = Collections.unmodifiableMap(new TreeMap<>(prepends));
        prepends = p;
        Map<String, Map<String, Knobs.Session>> s = new TreeMap<>();
        sessions.forEach((site, m) -> {
            if (!p.containsKey(site)) {
                throw new IllegalArgumentException("te-engine propose: site " + site + " is withdrawn; its sessions " + m.keySet() + " cannot differ");
            }
            if (!m.isEmpty()) s.put(site, Collections.unmodifiableMap(new TreeMap<>(m)));
        });
        sessions = Collections.unmodifiableMap(s);
    }

    /** Site-uniform: every session of an announcing site alike. */
    public Layout(Map<String, Integer> prepends) {
        this(prepends, Map.of());
    }

    /** Every one of {@code sites} announcing without prepend. */
    public static Layout all(Collection<String> sites) {
        Map<String, Integer> m = new TreeMap<>();
        for (String s : sites) m.put(s, 0);
        return new Layout(m);
    }

    public boolean announces(String site) { return prepends.containsKey(site); }

    /** The prepend of an announcing site; -1 if it is withdrawn. */
    public int prepend(String site) { return prepends.getOrDefault(site, -1); }

    /** The sessions of {@code site} that differ from its common value (name → knobs); empty if none. */
    public Map<String, Knobs.Session> sessions(String site) { return sessions.getOrDefault(site, Map.of()); }

    /**
     * The site announcing with {@code prepend}; of its differing sessions, the withdrawn ones stay so and the
     * announced ones that carried the old prepend take the new one (a community attached stays attached).
     */
    public Layout with(String site, int prepend) {
        Map<String, Integer> m = new TreeMap<>(prepends);
        Integer old = m.put(site, prepend);
        Map<String, Map<String, Knobs.Session>> s = new TreeMap<>(sessions);
        Map<String, Knobs.Session> own = new TreeMap<>();
        sessions(site).forEach((name, k) -> own.put(name, k.announce() && old != null && k.prepend() == old
                ? new Knobs.Session(true, prepend, k.communities()) : k));
        s.put(site, own);
        return new Layout(m, s);
    }

    /** The site withdrawn everywhere (its differing sessions go with it). */
    public Layout without(String site) {
        Map<String, Integer> m = new TreeMap<>(prepends);
        m.remove(site);
        Map<String, Map<String, Knobs.Session>> s = new TreeMap<>(sessions);
        s.remove(site);
        return new Layout(m, s);
    }

    /** One session of an announcing site set apart: {@code knobs}, or back to the site's common value if null. */
    public Layout withSession(String site, String session, Knobs.Session knobs) {
        Map<String, Map<String, Knobs.Session>> s = new TreeMap<>(sessions);
        Map<String, Knobs.Session> m = new TreeMap<>(sessions(site));
        if (knobs == null) m.remove(session);
        else m.put(session, knobs);
        s.put(site, m);
        return new Layout(prepends, s);
    }

    /** Without any differing session: the site-level part of this layout. */
    public Layout siteLevel() {
        return new Layout(prepends);
    }

    /**
     * The sites' complete knobs: {@code base}'s communities on every session, every session of an announcing site
     * announced with the site's prepend unless {@code sessions} says otherwise, every session of a withdrawn site
     * withdrawn.
     */
    public Map<String, Knobs> knobs(Map<String, Knobs> base) {
        for (String s : prepends.keySet()) {
            if (!base.containsKey(s)) throw new IllegalArgumentException("te-engine propose: layout names site " + s + ", not one of " + base.keySet());
        }
        sessions.forEach((site, m) -> m.keySet().forEach(name -> {
            if (!base.get(site).sessions().containsKey(name)) {
                throw new IllegalArgumentException("te-engine propose: layout names session " + name + " of site " + site + ", which has none such");
            }
        }));
        Map<String, Knobs> out = new LinkedHashMap<>();
        base.forEach((site, k) -> {
            if (!announces(site)) {
                out.put(site, k.withdrawnEverywhere());
                return;
            }
            Map<String, Knobs.Session> own = sessions(site);
            Map<String, Knobs.Session> m = new LinkedHashMap<>();
            k.sessions().forEach((name, s) -> m.put(name, own.getOrDefault(name, new Knobs.Session(true, prepend(site), s.communities()))));
            out.put(site, new Knobs(m));
        });
        return out;
    }

    /**
     * The layout of {@code config}, read against {@code base} (the knobs the experiments were run from): a site
     * announces if any session does, its prepend is the least of the sessions announced with the base's
     * communities (or of all announced ones if none is), and every session unlike that common value is kept apart.
     *
     * @throws IllegalArgumentException naming the site or session that {@code base} does not have
     */
    public static Layout of(Map<String, Knobs> config, Map<String, Knobs> base) {
        Map<String, Integer> m = new TreeMap<>();
        Map<String, Map<String, Knobs.Session>> apart = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        config.forEach((site, k) -> {
            Knobs b = base.get(site);
            if (b == null) {
                problems.add("site " + site + " is not one of " + base.keySet());
                return;
            }
            Integer plain = null, any = null;
            for (Map.Entry<String, Knobs.Session> e : k.sessions().entrySet()) {
                Knobs.Session s = e.getValue();
                if (!b.sessions().containsKey(e.getKey())) {
                    problems.add("site " + site + " has no session " + e.getKey());
                    continue;
                }
                if (!s.announce()) continue;
                any = any == null ? s.prepend() : Math.min(any, s.prepend());
                if (s.communities().equals(b.session(e.getKey()).communities())) {
                    plain = plain == null ? s.prepend() : Math.min(plain, s.prepend());
                }
            }
            if (any == null) return;
            int prepend = plain != null ? plain : any;
            m.put(site, prepend);
            Map<String, Knobs.Session> own = new TreeMap<>();
            k.sessions().forEach((name, s) -> {
                Knobs.Session bs = b.sessions().get(name);
                if (bs != null && !s.equals(new Knobs.Session(true, prepend, bs.communities()))) own.put(name, s);
            });
            if (!own.isEmpty()) apart.put(site, own);
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("te-engine propose: cannot read the configuration against the learned one: "
                    + String.join("; ", problems));
        }
        return new Layout(m, apart);
    }

    /** {@code {ams1=0, nrt1=0}} then, if any session differs, {@code nrt1 he: withdrawn}, one per session. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(prepends.toString());
        sessions.forEach((site, m) -> m.forEach((name, s) -> b.append("; ").append(site).append(' ').append(name).append(": ")
                .append(describe(s))));
        return b.toString();
    }

    static String describe(Knobs.Session s) {
        if (!s.announce()) return "withdrawn";
        return "prepend " + s.prepend() + (s.communities().isEmpty() ? "" : ", communities "
                + String.join(" ", s.communities().stream().map(Object::toString).toList()));
    }
}
