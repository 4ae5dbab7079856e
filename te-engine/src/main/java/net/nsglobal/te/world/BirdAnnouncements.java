package net.nsglobal.te.world;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.Site;

/**
 * The fleet's announcements as the BIRD configurations on disk make them: for every site that lists the prefix, its
 * rendered {@code <id>.conf} (te-engine's {@code apply.BirdConfig}, {@code sites/templates/bird.conf.ftl}), and in it
 * each session's export filter {@code export_<session>}:
 * <pre>
 * filter export_cogent {
 *   if net ~ [ 198.51.100.0/24 ] then {
 *     bgp_path.prepend(64500);            ← one extra copy of our AS per line
 *     bgp_community.add((174,3001));      ← attached communities (bgp_large_community for large ones)
 *     include "anycast-state.con[f]";     ← the site agent's file, if it exists (below)
 *     accept;                             ← announced; "reject;" withdrawn
 *   }
 *   reject;
 * }
 * </pre>
 * A session whose filter does not match the prefix, or rejects it, is withdrawn. Which sessions exist, the
 * neighbours' AS numbers, kinds, action communities and the sites' places come from the {@link Site} records;
 * everything the TE engine turns comes from the file, so an applied change moves the simulated catchment.
 *
 * <p>The site agent's state file ({@code announce.AnycastStateFile}) is read where BIRD would read it: the include's
 * pattern is a name with its last character as a class, resolved against the configuration's folder when relative.
 * No file: nothing included, as for BIRD. A file holding {@code reject;} withdraws the session's prefix (the agent
 * withdrew the site); one holding {@code bgp_community.add((65535, 0));} attaches GRACEFUL_SHUTDOWN (draining), which
 * the simulated neighbours pass on like any community they do not act on: the world has no LOCAL_PREF, so a draining
 * site keeps its catchment until the agent withdraws it.
 *
 * <p>The reader knows only the template's own shape: anything else inside a filter, a missing filter or file, or a
 * prepend of another AS is an {@link IOException} naming the file and line — never a guess.
 */
public final class BirdAnnouncements {
    private BirdAnnouncements() {}

    /** Reads {@code dir/<id>.conf} of every site listing {@code prefix}; the sessions in {@link Announcement#of} order. */
    public static List<Announcement> read(Path dir, List<Site> sites, Cidr prefix) throws IOException {
        boolean v6 = prefix.network() instanceof Inet6Address;
        List<Announcement> out = new ArrayList<>();
        for (Site s : sites) {
            if (!s.anycastPrefixes().contains(prefix)) continue;
            Path file = dir.resolve(s.id() + ".conf");
            if (!Files.isRegularFile(file)) {
                throw new IOException("world: BIRD configuration " + file + " of site " + s.id() + ": no such file");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (Neighbor n : s.neighbors()) {
                if (n.ipv6() == v6) out.add(session(file, lines, s, n, prefix));
            }
        }
        return out;
    }

    private static Announcement session(Path file, List<String> lines, Site site, Neighbor n, Cidr prefix) throws IOException {
        String head = "filter export_" + n.birdName() + " {";
        int i = lines.indexOf(head);
        if (i < 0) throw new IOException("world: " + file + ": no '" + head + "' for session " + n.name());
        String bind = "export filter export_" + n.birdName() + ";";
        if (lines.stream().noneMatch(l -> l.startsWith("  ") && l.contains(bind) && l.contains("{ import none;"))) {
            throw new IOException("world: " + file + ": session " + n.name() + " does not use '" + bind + "'");
        }
        int prepend = 0;
        List<Community> communities = new ArrayList<>();
        boolean inMatch = false, matches = false, accepted = false, agentRejected = false;
        for (int k = i + 1; ; k++) {
            if (k == lines.size()) throw new IOException("world: " + file + ": filter export_" + n.birdName() + " is not closed");
            String l = lines.get(k).trim();
            String where = file + ":" + (k + 1) + ": '" + l + "': ";
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (lines.get(k).equals("}")) break;
            if (!inMatch) {
                if (l.startsWith("if net ~ [") && l.endsWith("] then {")) {
                    inMatch = true;
                    for (String p : l.substring("if net ~ [".length(), l.length() - "] then {".length()).split(",")) {
                        if (p.isBlank()) continue;
                        try {
                            if (Cidr.of(p).equals(prefix)) matches = true;
                        } catch (IllegalArgumentException e) {
                            throw new IOException("world: " + where + e.getMessage(), e);
                        }
                    }
                } else if (!l.equals("reject;")) {
                    throw new IOException("world: " + where + "not a line of te-engine's export filter");
                }
                continue;
            }
            if (l.equals("}")) {
                inMatch = false;
            } else if (l.startsWith("bgp_path.prepend(") && l.endsWith(");")) {
                String as = l.substring("bgp_path.prepend(".length(), l.length() - 2);
                if (!as.equals(Long.toString(site.localAs()))) throw new IOException("world: " + where + "prepends AS " + as + ", not our " + site.localAs());
                prepend++;
            } else if (l.startsWith("bgp_community.add((") && l.endsWith("));")) {
                communities.add(community(where, l.substring("bgp_community.add((".length(), l.length() - 3), false));
            } else if (l.startsWith("bgp_large_community.add((") && l.endsWith("));")) {
                communities.add(community(where, l.substring("bgp_large_community.add((".length(), l.length() - 3), true));
            } else if (l.startsWith("include \"") && l.endsWith("\";")) {
                AgentInclude agent = agentInclude(file, where, l.substring("include \"".length(), l.length() - 2));
                if (agent.withdrawn() && !accepted) agentRejected = true;
                communities.addAll(agent.communities());
            } else if (l.equals("accept;")) {
                if (!agentRejected) accepted = true;
            } else if (!l.equals("reject;")) {
                throw new IOException("world: " + where + "not a line of te-engine's export filter");
            }
        }
        if (!matches) return Announcement.of(site, n, 0, List.of(), false);
        try {
            return Announcement.of(site, n, prepend, communities, accepted);
        } catch (IllegalArgumentException e) {
            throw new IOException("world: " + file + ": session " + n.name() + ": " + e.getMessage(), e);
        }
    }

    /** What the site agent's included file says: withdrawn ({@code reject;}) and communities to attach. */
    private record AgentInclude(boolean withdrawn, List<Community> communities) {}

    private static AgentInclude agentInclude(Path conf, String where, String pattern) throws IOException {
        int open = pattern.length() - 3;
        if (open < 1 || pattern.charAt(open) != '[' || pattern.charAt(pattern.length() - 1) != ']') {
            throw new IOException("world: " + where + "not the site agent's include pattern (NAME with its last character as [c])");
        }
        String name = pattern.substring(0, open) + pattern.charAt(open + 1);
        Path folder = conf.toAbsolutePath().getParent();
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) return new AgentInclude(false, List.of());
        boolean withdrawn = false;
        List<Community> communities = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k).trim();
            String at = file + ":" + (k + 1) + ": '" + l + "': ";
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.equals("reject;")) {
                withdrawn = true;
            } else if (l.startsWith("bgp_community.add((") && l.endsWith("));")) {
                if (!withdrawn) communities.add(community(at, l.substring("bgp_community.add((".length(), l.length() - 3), false));
            } else {
                throw new IOException("world: " + at + "not a line of the site agent's state file");
            }
        }
        return new AgentInclude(withdrawn, communities);
    }

    private static Community community(String where, String text, boolean large) throws IOException {
        String[] p = text.split(",", -1);
        if (p.length != (large ? 3 : 2)) throw new IOException("world: " + where + "expected " + (large ? 3 : 2) + " community parts");
        long max = large ? 0xFFFF_FFFFL : 0xFFFFL;
        long[] v = new long[3];
        for (int i = 0; i < p.length; i++) {
            try {
                v[i] = Long.parseLong(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IOException("world: " + where + "community part '" + p[i] + "' is not a number");
            }
            if (v[i] < 0 || v[i] > max) throw new IOException("world: " + where + "community part " + v[i] + " out of range 0…" + max);
        }
        return new Community(v[0], v[1], v[2], large);
    }
}
