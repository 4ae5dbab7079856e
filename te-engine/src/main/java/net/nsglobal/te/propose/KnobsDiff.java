package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.apply.Knobs;

/**
 * A change of knobs as lines of text, per site and BGP session, for the operator pages and the {@code te show}
 * command: {@code ams1 ntt: prepend 0 → 2}, {@code … communities 2914:429 → (none)}, {@code … announce yes → no};
 * a site whose sessions are all unchanged says so.
 */
public final class KnobsDiff {
    private KnobsDiff() {}

    public static List<String> lines(Map<String, Knobs> before, Map<String, Knobs> after) {
        List<String> out = new ArrayList<>();
        for (String site : new TreeSet<>(after.keySet())) {
            Knobs a = after.get(site);
            Knobs b = before.get(site);
            Set<String> sessions = new LinkedHashSet<>(a.sessions().keySet());
            if (b != null) sessions.addAll(b.sessions().keySet());
            int changed = 0;
            for (String name : sessions) {
                Knobs.Session sa = a.sessions().get(name);
                Knobs.Session sb = b == null ? null : b.sessions().get(name);
                String at = site + " " + name + ": ";
                if (sb == null) {
                    out.add(at + "(new) " + describe(sa));
                    changed++;
                    continue;
                }
                if (sa == null) {
                    out.add(at + describe(sb) + " → (no knobs)");
                    changed++;
                    continue;
                }
                if (sa.announce() != sb.announce()) {
                    out.add(at + "announce " + yes(sb.announce()) + " → " + yes(sa.announce()));
                    changed++;
                }
                if (sa.prepend() != sb.prepend()) {
                    out.add(at + "prepend " + sb.prepend() + " → " + sa.prepend());
                    changed++;
                }
                if (!sa.communities().equals(sb.communities())) {
                    out.add(at + "communities " + communities(sb.communities()) + " → " + communities(sa.communities()));
                    changed++;
                }
            }
            if (changed == 0) out.add(site + ": no change");
        }
        return out;
    }

    private static String describe(Knobs.Session s) {
        return "announce " + yes(s.announce()) + ", prepend " + s.prepend() + ", communities " + communities(s.communities());
    }

    private static String yes(boolean b) { return b ? "yes" : "no"; }

    private static String communities(List<Community> c) {
        return c.isEmpty() ? "(none)" : String.join(" ", c.stream().map(Community::toString).toList());
    }
}
