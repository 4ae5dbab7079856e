package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.Regions;
import net.nsglobal.te.apply.Knobs;

/**
 * Greedy local search over the knobs the predictor can predict: per site, prepend 0…3 on all its sessions or
 * withdraw it (selective announcement), and per learned session change ({@link SessionChange}: one session
 * withdrawn, prepended on its own, or a neighbour's action community attached to it) making it or undoing it. Each step tries every single
 * change from the current layout, keeps those that respect the {@link Constraints} and leave neither the overall p90
 * inflation nor the overall share at the optimal site worse, and takes the one of least {@link Objective} cost; it
 * stops when no change lowers the cost or after {@code maxSteps} steps. The result is one {@link Candidate}: the
 * changed sites' knobs, predicted before and after per region, the networks it moves and why.
 *
 * <p>Besides the {@link Constraints}, a site is never withdrawn while it is the last announcing site of its region
 * (its continent): that region would have no site of its own left — a session of it may go, the site stays.
 *
 * <p>Per-session prepends are searched at the depth the session experiments learned ({@link SessionExperiments}),
 * not at the others, nor prepend communities: each lever costs one experiment, and a depth no experiment measured is
 * one the predictor refuses.
 */
public final class Optimizer {
    /** A step must lower the cost by this much (ms-equivalents): no change for the sake of a handful of probes. */
    static final double MIN_GAIN = 0.5;
    /** Flows of probes named in the reasons, largest first. */
    static final int FLOWS = 5;

    private final Predictor predictor;
    private final Objective objective;
    private final List<Site> sites;
    private final Constraints constraints;
    private final int maxSteps;
    private final double accuracy;
    private final int experiments;

    /**
     * @param accuracy    the predictor's measured accuracy on held-out changes (0…1, NaN if unmeasured)
     * @param experiments the controlled experiments its learning used
     */
    public Optimizer(Predictor predictor, List<Site> sites, Constraints constraints, int maxSteps, double accuracy, int experiments) {
        this.predictor = predictor;
        this.sites = List.copyOf(sites);
        this.objective = new Objective(predictor.probes(), predictor.rtt(), sites);
        this.constraints = constraints;
        this.maxSteps = maxSteps;
        this.accuracy = accuracy;
        this.experiments = experiments;
    }

    public Objective objective() { return objective; }

    /** The best change from {@code current} found by the search; empty if no change improves on it. */
    public Optional<Candidate> propose(Layout current) {
        List<String> ids = predictor.rtt().sites();
        int[] start = predictor.predictIndex(current), reference = predictor.predictIndex(predictor.baseline());
        Objective.Score startScore = objective.score(start);
        Layout layout = current;
        Objective.Score score = startScore;
        int[] at = start;
        for (int step = 0; step < maxSteps; step++) {
            Layout bestLayout = null;
            Objective.Score best = null;
            int[] bestAt = null;
            for (Layout l : neighbours(layout)) {
                int[] after = predictor.predictIndex(l);
                Objective.Score sc = objective.score(after);
                if (shortfall(sc, score).isPresent()) continue;
                if (best != null && sc.cost() >= best.cost()) continue;
                if (constraints.violation(objective, ids, reference, start, after).isPresent()) continue;
                best = sc;
                bestLayout = l;
                bestAt = after;
            }
            if (best == null) break;
            layout = bestLayout;
            score = best;
            at = bestAt;
        }
        if (layout.equals(current)) return Optional.empty();
        Map<String, Knobs> all = layout.knobs(predictor.base()), was = current.knobs(predictor.base()), changed = new LinkedHashMap<>();
        for (String s : ids) if (!all.get(s).equals(was.get(s))) changed.put(s, all.get(s));
        return Optional.of(new Candidate(changed, objective.summaries(start), objective.summaries(at), moved(start, at),
                reasons(current, layout, start, at), accuracy, experiments));
    }

    /**
     * What keeps {@code sc} from being a step from {@code now}: a gain under {@link #MIN_GAIN}, or a worse overall
     * p90 inflation or share at the optimal site; empty if it gains.
     */
    private static Optional<String> shortfall(Objective.Score sc, Objective.Score now) {
        if (sc.cost() > now.cost() - MIN_GAIN) {
            return Optional.of(String.format(Locale.ROOT, "cost %.1f, not %.1f below %.1f", sc.cost(), MIN_GAIN, now.cost()));
        }
        if (sc.p90InflationMs() > now.p90InflationMs()) {
            return Optional.of(String.format(Locale.ROOT, "p90 inflation %.1f ms above %.1f", sc.p90InflationMs(), now.p90InflationMs()));
        }
        if (sc.shareAtOptimal() < now.shareAtOptimal()) {
            return Optional.of(String.format(Locale.ROOT, "share at optimal %.1f%% below %.1f%%", 100 * sc.shareAtOptimal(),
                    100 * now.shareAtOptimal()));
        }
        return Optional.empty();
    }

    /**
     * Why {@link #propose} found nothing from {@code current}: the {@code n} single changes of least predicted cost,
     * each with what stopped it (too small a gain, a worse overall p90 or share at optimal, or the constraint it
     * breaks), so an operator can tell "nothing to gain" from "held back by a limit".
     */
    public String whyNothing(Layout current, int n) {
        List<String> ids = predictor.rtt().sites();
        int[] start = predictor.predictIndex(current), reference = predictor.predictIndex(predictor.baseline());
        Objective.Score now = objective.score(start);
        record Refused(double cost, String line) {}
        List<Refused> refused = new ArrayList<>();
        for (Layout l : neighbours(current)) {
            int[] after = predictor.predictIndex(l);
            Objective.Score sc = objective.score(after);
            String why = shortfall(sc, now).or(() -> constraints.violation(objective, ids, reference, start, after))
                    .orElse("none (would be taken)");
            refused.add(new Refused(sc.cost(), change(current, l) + ": " + why));
        }
        refused.sort(Comparator.comparingDouble(Refused::cost));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "cost now %.1f; of %d single changes the cheapest:", now.cost(), refused.size()));
        for (int i = 0; i < Math.min(n, refused.size()); i++) b.append(i == 0 ? " " : "; ").append(refused.get(i).line());
        return b.toString();
    }

    /** {@code to} as a change from {@code from}, in words: the sites and sessions whose knobs differ. */
    private static String change(Layout from, Layout to) {
        List<String> parts = new ArrayList<>();
        for (String s : new TreeSet<>(to.prepends().keySet())) {
            if (!Objects.equals(from.prepends().get(s), to.prepends().get(s))) parts.add(s + " prepend " + to.prepends().get(s));
            Map<String, Knobs.Session> was = from.sessions(s), now = to.sessions(s);
            for (String n : new TreeSet<>(now.keySet())) {
                if (!now.get(n).equals(was.get(n))) parts.add(s + " session " + n + " " + Layout.describe(now.get(n)));
            }
            for (String n : was.keySet()) if (!now.containsKey(n)) parts.add(s + " session " + n + " as the site");
        }
        for (String s : from.prepends().keySet()) if (!to.prepends().containsKey(s)) parts.add(s + " withdrawn");
        return String.join(", ", parts);
    }

    /** Every layout one change away from {@code layout} (see the class comment). */
    private List<Layout> neighbours(Layout layout) {
        List<Layout> out = new ArrayList<>();
        for (String s : predictor.rtt().sites()) {
            for (int option = -1; option <= 3; option++) {
                if (option == layout.prepend(s)) continue;
                if (option < 0 && lastOfRegion(layout, s)) continue;
                Layout l = option < 0 ? layout.without(s) : layout.with(s, option);
                if (!l.prepends().isEmpty()) out.add(l);
            }
        }
        for (SessionChange c : predictor.levers()) {
            if (!layout.announces(c.site())) continue;
            if (c.in(layout)) out.add(layout.withSession(c.site(), c.session(), null));
            else if (!layout.sessions(c.site()).containsKey(c.session()) && c.appliesTo(layout)) out.add(c.on(layout));
        }
        return out;
    }

    /** Whether {@code site} is the only site of its continent announcing in {@code layout}. */
    private boolean lastOfRegion(Layout layout, String site) {
        Optional<String> region = sites.stream().filter(x -> x.id().equals(site)).findFirst().flatMap(Regions::of);
        if (region.isEmpty() || !layout.announces(site)) return false;
        return sites.stream().noneMatch(x -> !x.id().equals(site) && layout.announces(x.id()) && Regions.of(x).equals(region));
    }

    private List<MovedNetwork> moved(int[] before, int[] after) {
        List<String> ids = predictor.rtt().sites();
        Map<List<Object>, Integer> count = new HashMap<>();
        for (int p = 0; p < before.length; p++) {
            if (before[p] == after[p] || before[p] < 0 || after[p] < 0) continue;
            Probe pr = predictor.probes().get(p);
            long asn = pr.asnV4() == null ? 0 : Integer.toUnsignedLong(pr.asnV4());
            count.merge(List.of(asn, String.valueOf(pr.countryCode()), ids.get(before[p]), ids.get(after[p])), 1, Integer::sum);
        }
        List<MovedNetwork> out = new ArrayList<>();
        count.forEach((k, n) -> out.add(new MovedNetwork((Long) k.get(0), (String) k.get(1), n, (String) k.get(2), (String) k.get(3))));
        out.sort(Comparator.comparingInt(MovedNetwork::probes).reversed().thenComparingLong(MovedNetwork::asn)
                .thenComparing(MovedNetwork::fromSite).thenComparing(MovedNetwork::toSite));
        return out;
    }

    /**
     * One sentence per change, then one per flow of probes (from site, to site, region) with at least 1% of the
     * moved probes, largest first: which site's routes now win where, over which, after what, and what the
     * experiments showed about those networks' routes.
     */
    private List<String> reasons(Layout from, Layout to, int[] before, int[] after) {
        List<String> ids = predictor.rtt().sites();
        List<String> out = new ArrayList<>();
        for (String s : ids) {
            if (from.prepend(s) == to.prepend(s)) continue;
            out.add(lever(s, from, to) + " at " + s + " (" + sessions(s) + ")"
                    + (from.announces(s) ? ", was " + (from.prepend(s) == 0 ? "no prepend" : "prepend " + from.prepend(s)) : ", was withdrawn") + ".");
        }
        for (SessionChange c : predictor.levers()) {
            if (c.in(from) == c.in(to)) continue;
            out.add(sessionReason(c, c.in(to), ids.indexOf(c.site()), before, after));
        }
        Map<List<String>, List<Integer>> flows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.toString()));
        int moved = 0;
        for (int p = 0; p < before.length; p++) {
            if (before[p] == after[p] || before[p] < 0 || after[p] < 0) continue;
            moved++;
            String region = objective.region(p);
            flows.computeIfAbsent(List.of(ids.get(before[p]), ids.get(after[p]), region == null ? "unknown regions" : region),
                    k -> new ArrayList<>()).add(p);
        }
        int total = moved;
        List<Map.Entry<List<String>, List<Integer>>> ranked = flows.entrySet().stream()
                .filter(e -> e.getValue().size() * 100 >= total)
                .limit(FLOWS)
                .sorted(Comparator.comparingInt((Map.Entry<List<String>, List<Integer>> e) -> e.getValue().size()).reversed())
                .toList();
        for (Map.Entry<List<String>, List<Integer>> e : ranked) {
            String fromSite = e.getKey().get(0), toSite = e.getKey().get(1), region = e.getKey().get(2);
            List<Integer> ps = e.getValue();
            Map<String, Long> byNet = ps.stream().collect(Collectors.groupingBy(p -> {
                Probe pr = predictor.probes().get(p);
                return "AS" + (pr.asnV4() == null ? "?" : Integer.toUnsignedLong(pr.asnV4())) + " " + pr.countryCode();
            }, TreeMap::new, Collectors.counting()));
            Map.Entry<String, Long> top = byNet.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            Optional<SessionChange> session = predictor.levers().stream()
                    .filter(c -> c.in(from) != c.in(to) && (c.site().equals(fromSite) || c.site().equals(toSite))).findFirst();
            String cause, why;
            if (from.prepend(fromSite) != to.prepend(fromSite) || session.isEmpty()) {
                cause = from.prepend(fromSite) != to.prepend(fromSite) ? lever(fromSite, from, to) + " at " + fromSite
                        : lever(toSite, from, to) + " at " + toSite;
                why = margin(fromSite, toSite, from, to);
            } else {
                SessionChange c = session.get();
                cause = c.site() + (c.in(to) ? " " + c.action() : " undoing \"" + c.action() + "\"");
                why = "the session experiment measured them at " + (c.in(to) ? toSite : fromSite) + ".";
            }
            out.add(String.format("%s (%s) now wins %d %s probes (largest network %s, %d) over %s (%s) after %s: %s",
                    toSite, sessions(toSite), ps.size(), region, top.getKey(), top.getValue(), fromSite, sessions(fromSite),
                    cause, why));
        }
        return out;
    }

    /**
     * One session change in words, with what it does to the site's catchment: {@code nrt1 stops announcing to AS6939
     * (session he), keeping AS2914 ntt: 1,934 probes that reached nrt1 (1,802 of them in EU) go to fra1 (1,020), …}.
     */
    private String sessionReason(SessionChange c, boolean made, int site, int[] before, int[] after) {
        List<String> ids = predictor.rtt().sites();
        Map<String, Integer> dest = new TreeMap<>(), region = new TreeMap<>();
        int n = 0;
        for (int p = 0; p < before.length; p++) {
            boolean moved = made ? before[p] == site && after[p] != site && after[p] >= 0
                    : after[p] == site && before[p] != site && before[p] >= 0;
            if (!moved) continue;
            n++;
            dest.merge(ids.get(made ? after[p] : before[p]), 1, Integer::sum);
            String r = objective.region(p);
            region.merge(r == null ? "unknown regions" : r, 1, Integer::sum);
        }
        String others = sites.stream().filter(x -> x.id().equals(c.site())).findFirst()
                .map(x -> x.neighbors().stream().filter(nb -> !nb.name().equals(c.session()))
                        .map(nb -> "AS" + nb.peerAs() + " " + nb.name()).collect(Collectors.joining(", "))).orElse("?");
        String dests = dest.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(4).map(e -> String.format("%s (%,d)", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        Map.Entry<String, Integer> topRegion = region.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        if (!made) {
            return String.format("%s undoes \"%s\": %,d probes return to %s from %s.", c.site(), c.action(), n, c.site(),
                    n == 0 ? "nowhere" : dests);
        }
        return String.format("%s %s%s: %,d probes that reached %s%s go to %s.", c.site(), c.action(),
                c.prepend() >= 0 ? "" : ", keeping " + others, n,
                c.site(), topRegion == null ? "" : String.format(" (%,d of them in %s)", topRegion.getValue(), topRegion.getKey()),
                n == 0 ? "no other site" : dests);
    }

    private static String lever(String site, Layout from, Layout to) {
        if (!to.announces(site)) return "withdrawal";
        if (!from.announces(site)) return "announcing again with prepend " + to.prepend(site);
        return to.prepend(site) == 0 ? "removing the prepend" : "prepend " + to.prepend(site);
    }

    /** What the experiments showed about the flow's networks, in the terms of the lever that moves them. */
    private static String margin(String fromSite, String toSite, Layout from, Layout to) {
        if (from.prepend(fromSite) != to.prepend(fromSite)) {
            if (!to.announces(fromSite)) return "the withdrawal experiments showed " + toSite + " as their next choice.";
            return "the prepend sweep showed their route to " + toSite + " within " + to.prepend(fromSite) + " AS hops of " + fromSite + "'s.";
        }
        return "their route to " + toSite + " is at most as long as " + fromSite + "'s once " + toSite + " carries prepend " + Math.max(0, to.prepend(toSite)) + ".";
    }

    private String sessions(String site) {
        return sites.stream().filter(s -> s.id().equals(site)).findFirst()
                .map(s -> s.neighbors().stream().map(n -> "AS" + n.peerAs() + " " + n.name()).collect(Collectors.joining(", ")))
                .orElse("?");
    }
}
