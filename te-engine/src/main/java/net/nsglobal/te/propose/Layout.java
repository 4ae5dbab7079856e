package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.nsglobal.te.apply.Knobs;

/**
 * A configuration at the grain the predictor models: which sites announce, and each announcing site's prepend
 * (0…3, the same on all its sessions). Sites not in {@code prepends} are withdrawn everywhere. Per-session
 * differences (one session's prepend, one session withdrawn, an action community attached) are outside the model:
 * {@link #of} refuses them rather than guess, because a catchment measurement names the site, never the session,
 * so the experiments cannot tell a site's sessions apart.
 */
public record Layout(Map<String, Integer> prepends) {
    public Layout {
        for (Map.Entry<String, Integer> e : prepends.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 3) {
                throw new IllegalArgumentException("te-engine propose: site " + e.getKey() + ": prepend " + e.getValue() + " is not 0…3");
            }
        }
        prepends = java.util.Collections.unmodifiableMap(new TreeMap<>(prepends));
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

    public Layout with(String site, int prepend) {
        Map<String, Integer> m = new TreeMap<>(prepends);
        m.put(site, prepend);
        return new Layout(m);
    }

    public Layout without(String site) {
        Map<String, Integer> m = new TreeMap<>(prepends);
        m.remove(site);
        return new Layout(m);
    }

    /**
     * The sites' complete knobs: {@code base}'s communities on every session, every session of an announcing site
     * announced with the site's prepend, every session of a withdrawn site withdrawn.
     */
    public Map<String, Knobs> knobs(Map<String, Knobs> base) {
        for (String s : prepends.keySet()) {
            if (!base.containsKey(s)) throw new IllegalArgumentException("te-engine propose: layout names site " + s + ", not one of " + base.keySet());
        }
        Map<String, Knobs> out = new LinkedHashMap<>();
        base.forEach((site, k) -> {
            if (!announces(site)) {
                out.put(site, k.withdrawnEverywhere());
                return;
            }
            Map<String, Knobs.Session> m = new LinkedHashMap<>();
            k.sessions().forEach((name, s) -> m.put(name, new Knobs.Session(true, prepend(site), s.communities())));
            out.put(site, new Knobs(m));
        });
        return out;
    }

    /**
     * The layout of {@code config}, read against {@code base} (the knobs the experiments were run from).
     *
     * @throws IllegalArgumentException naming the site and session when the configuration is not site-uniform
     *                                  or carries communities other than the base's: the model cannot predict it
     */
    public static Layout of(Map<String, Knobs> config, Map<String, Knobs> base) {
        Map<String, Integer> m = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        config.forEach((site, k) -> {
            Knobs b = base.get(site);
            if (b == null) {
                problems.add("site " + site + " is not one of " + base.keySet());
                return;
            }
            Integer prepend = null;
            boolean any = false, all = true;
            for (Map.Entry<String, Knobs.Session> e : k.sessions().entrySet()) {
                Knobs.Session s = e.getValue();
                if (!b.sessions().containsKey(e.getKey())) {
                    problems.add("site " + site + " has no session " + e.getKey());
                    continue;
                }
                if (!s.communities().equals(b.session(e.getKey()).communities())) {
                    problems.add("site " + site + " session " + e.getKey() + ": communities " + s.communities()
                            + " differ from the learned " + b.session(e.getKey()).communities());
                }
                if (!s.announce()) {
                    all = false;
                    continue;
                }
                any = true;
                if (prepend == null) prepend = s.prepend();
                else if (prepend != s.prepend()) problems.add("site " + site + ": sessions prepend differently (" + k.sessions() + ")");
            }
            if (any && !all) problems.add("site " + site + ": some sessions withdrawn, others announced");
            if (any) m.put(site, prepend);
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("te-engine propose: the predictor models one prepend per site and the learned"
                    + " communities; cannot predict: " + String.join("; ", problems));
        }
        return new Layout(m);
    }

    @Override
    public String toString() {
        return prepends.toString();
    }
}
