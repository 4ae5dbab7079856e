package net.nsglobal.te.apply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.Site;

/**
 * The standard {@link HealthCheck}. On the site: every BGP session is Established (a configuration that drops a
 * session is unhealthy) and each session exports exactly the anycast prefixes its knobs announce. From the
 * neighbour's side, where a view exists (a looking glass, or the upstream router's control socket in the lab): the
 * neighbour holds our prefix with the AS path our knobs intend — our AS once plus one copy per prepend — and every
 * community the knobs attach, or does not hold it where the knobs withdraw it.
 */
public final class RouteHealth implements HealthCheck {
    private static final Pattern PAREN = Pattern.compile("\\([^)]*\\)");
    private final Map<String, Birdc> neighbourViews;

    /** {@code neighbourViews}: by neighbour name (as in sites/), a control connection showing that neighbour's routes. */
    public RouteHealth(Map<String, Birdc> neighbourViews) {
        this.neighbourViews = Map.copyOf(neighbourViews);
    }

    /** Only the site's own view: sessions up, exports as the knobs say. */
    public RouteHealth() {
        this(Map.of());
    }

    @Override
    public Optional<String> problem(Birdc siteBird, Site site, Knobs knobs) throws IOException {
        BirdReply protocols = siteBird.send("show protocols");
        if (!protocols.ok()) return Optional.of("show protocols failed: " + protocols.message());
        for (Neighbor n : site.neighbors()) {
            String row = protocols.lines().stream().map(BirdReply.Line::text)
                    .filter(t -> t.startsWith(n.birdName() + " ")).findFirst().orElse(null);
            if (row == null) return Optional.of("session " + n.name() + " (" + n.birdName() + ") is not configured");
            if (!row.contains("Established")) return Optional.of("session " + n.name() + " is not Established: " + row.strip());
        }
        for (Neighbor n : site.neighbors()) {
            Knobs.Session k = knobs.session(n.name());
            List<Cidr> mine = n.ipv6() ? site.anycastV6() : site.anycastV4();
            BirdReply exported = siteBird.send("show route export " + n.birdName());
            for (Cidr p : mine) {
                boolean there = exported.ok() && exported.text().contains(p.toString());
                if (there != k.announce()) {
                    return Optional.of("session " + n.name() + (k.announce() ? " does not export " : " still exports ") + p);
                }
            }
            Birdc view = neighbourViews.get(n.name());
            if (view == null) continue;
            for (Cidr p : mine) {
                Optional<String> seen = seenByNeighbour(view, n, p, site.localAs(), k);
                if (seen.isPresent()) return seen;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> seenByNeighbour(Birdc view, Neighbor n, Cidr prefix, long localAs, Knobs.Session k)
            throws IOException {
        List<Route> routes = routes(view.send("show route " + prefix + " all"));
        String wantPath = Collections.nCopies(1 + k.prepend(), Long.toString(localAs)).stream().collect(Collectors.joining(" "));
        if (!k.announce()) {
            return routes.stream().anyMatch(r -> r.path.split(" ")[0].equals(Long.toString(localAs)))
                    ? Optional.of(n.name() + " still has " + prefix + " from us after the withdrawal") : Optional.empty();
        }
        List<String> wantCommunities = k.communities().stream().map(Community::birdLiteral).toList();
        for (Route r : routes) {
            if (r.path.equals(wantPath) && r.communities.containsAll(wantCommunities)) return Optional.empty();
        }
        return Optional.of(n.name() + " sees " + prefix + " as " + (routes.isEmpty() ? "nothing" : routes)
                + ", not path [" + wantPath + "] with communities " + wantCommunities);
    }

    /** One route of a {@code show route … all} reply: its AS path and its communities as BIRD literals. */
    record Route(String path, List<String> communities) {
        @Override
        public String toString() {
            return "path [" + path + "] communities " + communities;
        }
    }

    /** The routes of a {@code show route … all} reply, in order (each starts at a line with {@code [protocol …]}). */
    static List<Route> routes(BirdReply reply) {
        List<Route> out = new ArrayList<>();
        if (!reply.ok()) return out;
        String path = null;
        List<String> communities = new ArrayList<>();
        boolean inRoute = false;
        for (BirdReply.Line l : reply.lines()) {
            String t = l.text();
            if (!t.startsWith("\t") && t.contains(" [")) {
                if (inRoute) out.add(new Route(path == null ? "" : path, communities));
                inRoute = true;
                path = null;
                communities = new ArrayList<>();
                continue;
            }
            String s = t.strip();
            if (s.startsWith("BGP.as_path:")) path = s.substring("BGP.as_path:".length()).strip();
            if (s.startsWith("BGP.community:") || s.startsWith("BGP.large_community:")) {
                Matcher m = PAREN.matcher(s);
                while (m.find()) communities.add(m.group().replace(" ", ""));
            }
        }
        if (inRoute) out.add(new Route(path == null ? "" : path, communities));
        return out;
    }
}
