package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.analyze.ProbeHealth;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import org.jfree.chart.JFreeChart;

/**
 * The observatory's operator pages, read from {@link Observatory} only:
 * <pre>
 * GET  /ops/te                           catchment map (?region=EU&amp;site=ams1), region summary, polarized networks
 * GET  /ops/te/map.svg                   the map alone, same filters
 * GET  /ops/te/charts                    share per site over time (?hours=48) with configuration changes; latency CDF
 * GET  /ops/te/charts/{share|cdf}.{png|svg}
 * GET  /ops/te/jobs                      jobs, probe health, RIPE Atlas credits and spend per job
 * POST /ops/te/jobs/{job}/{pause|resume|trigger}
 * </pre>
 * Guards: a live operator session (else 303 to the log-in); CSRF on every POST. Without an observatory (the launcher
 * configured none) every page says so with 503.
 */
final class ObservatoryPages implements WebModule {
    private static final int MAX_HOURS = 24 * 90;

    private final Optional<Observatory> observatory;
    private final MapSvg map;
    private final OperatorAuth auth;
    private final Pages pages;
    private final Clock clock;

    ObservatoryPages(Optional<Observatory> observatory, MapSvg map, OperatorAuth auth, Pages pages, Clock clock) {
        this.observatory = observatory;
        this.map = map;
        this.auth = auth;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(Pages::csrfOnPost).guarded(auth::requireSession);
        r.get("/ops/te", this::mapPage);
        r.get("/ops/te/map.svg", this::mapSvg);
        r.get("/ops/te/charts", this::chartsPage);
        r.get("/ops/te/charts/{file}", this::chartFile);
        r.get("/ops/te/jobs", this::jobsPage);
        r.post("/ops/te/jobs/{job}/{action}", this::jobAction);
    }

    private Observatory observatory() {
        return observatory.orElseThrow(() -> new Halt(503, "No observatory configured", "This NS-Global runs "
                + "without the observatory (no measurement backend is configured), so there is no catchment to show."));
    }

    // ---- the map ----

    private void mapPage(Context ctx) {
        Observatory o = observatory();
        MapSvg.Filter f = filter(ctx, o.sites());
        Optional<CatchmentSnapshot> snap = o.latest();
        List<ProbeRound> shown = snap.map(s -> s.probes().stream().filter(f::keeps).toList()).orElse(List.of());
        Map<String, Double> share = share(snap, f, shown);
        Palette palette = new Palette(o.sites());
        Map<String, Object> m = base(ctx);
        m.put("round", snap.orElse(null));
        m.put("region", f.region() == null ? "" : f.region());
        m.put("site", f.site() == null ? "" : f.site());
        m.put("regions", Figures.REGIONS);
        m.put("sites", o.sites().stream().map(Site::id).sorted().toList());
        m.put("colours", colours(o.sites(), palette));
        m.put("share", share);
        m.put("shown", shown.size());
        m.put("flipped", (int) shown.stream().filter(ProbeRound::flipped).count());
        m.put("svg", map.render(shown, o.sites(), share, palette));
        m.put("summaries", snap.map(CatchmentSnapshot::regions).orElse(List.of()));
        m.put("polarized", snap.map(CatchmentSnapshot::polarized).orElse(List.of()));
        m.put("query", ctx.queryString() == null ? "" : "?" + ctx.queryString());
        pages.render(ctx, 200, "ops/te/map.jte", m);
    }

    private void mapSvg(Context ctx) {
        Observatory o = observatory();
        MapSvg.Filter f = filter(ctx, o.sites());
        Optional<CatchmentSnapshot> snap = o.latest();
        List<ProbeRound> shown = snap.map(s -> s.probes().stream().filter(f::keeps).toList()).orElse(List.of());
        ctx.contentType("image/svg+xml; charset=utf-8")
                .result(map.render(shown, o.sites(), share(snap, f, shown), new Palette(o.sites())));
    }

    /** {@code ?region=} a continent code and {@code ?site=} a site id, each optional; anything else is refused. */
    private static MapSvg.Filter filter(Context ctx, List<Site> sites) {
        String region = blankToNull(ctx.queryParam("region"));
        String site = blankToNull(ctx.queryParam("site"));
        if (region != null && !Figures.REGIONS.contains(region)) {
            throw new Halt(400, "Unknown region", "Region must be one of " + String.join(", ", Figures.REGIONS)
                    + " (a continent code), not '" + region + "'.");
        }
        if (site != null && sites.stream().noneMatch(s -> s.id().equals(site))) {
            throw new Halt(400, "Unknown site", "There is no site '" + site + "' in the fleet.");
        }
        return new MapSvg.Filter(region, site);
    }

    /**
     * The share per site that the sites' labels show: the analysis's own figures for the region (or the whole world),
     * which a site filter does not change; counted from the probes drawn if the analysis has no row for it.
     */
    private static Map<String, Double> share(Optional<CatchmentSnapshot> snap, MapSvg.Filter f, List<ProbeRound> shown) {
        if (snap.isEmpty()) return Map.of();
        String key = f.region() == null ? "ALL" : f.region();
        Optional<RegionSummary> row = snap.get().regions().stream().filter(r -> r.key().equals(key)).findFirst();
        if (row.isPresent()) return row.get().sharePerSite();
        Map<String, Double> counted = new HashMap<>();
        long answered = shown.stream().filter(p -> p.site() != null).count();
        for (ProbeRound p : shown) if (p.site() != null) counted.merge(p.site(), 1.0 / answered, Double::sum);
        return counted;
    }

    // ---- the charts ----

    private void chartsPage(Context ctx) {
        Observatory o = observatory();
        int hours = hours(ctx);
        Figures.ShareTable shares = shares(o, hours);
        Map<String, Object> m = base(ctx);
        m.put("hours", hours);
        m.put("shares", shares);
        m.put("colours", colours(o.sites(), new Palette(o.sites())));
        Instant to = clock.instant();
        m.put("changes", o.configChanges(to.minus(Duration.ofHours(hours)), to));
        Optional<CatchmentSnapshot> snap = o.latest();
        m.put("round", snap.orElse(null));
        m.put("cdf", snap.map(s -> Figures.cdf(s.probes())).orElse(List.of()));
        m.put("percentiles", java.util.Arrays.stream(Figures.PERCENTILES).boxed().toList());
        pages.render(ctx, 200, "ops/te/charts.jte", m);
    }

    private void chartFile(Context ctx) {
        Observatory o = observatory();
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        if (!ext.equals("png") && !ext.equals("svg")) throw notFound();
        JFreeChart chart = switch (name) {
            case "share" -> {
                int hours = hours(ctx);
                Instant to = clock.instant();
                yield Charts.share(shares(o, hours), o.configChanges(to.minus(Duration.ofHours(hours)), to),
                        new Palette(o.sites()));
            }
            case "cdf" -> Charts.cdf(o.latest().map(s -> Figures.cdf(s.probes())).orElse(List.of()));
            default -> throw notFound();
        };
        if (ext.equals("png")) ctx.contentType("image/png").result(Charts.png(chart));
        else ctx.contentType("image/svg+xml; charset=utf-8").result(Charts.svg(chart));
    }

    private Figures.ShareTable shares(Observatory o, int hours) {
        Duration bucket = hours <= 48 ? Duration.ofHours(1) : hours <= 24 * 14 ? Duration.ofHours(6) : Duration.ofDays(1);
        Instant to = clock.instant();
        return Figures.shares(o.shareOverTime(to.minus(Duration.ofHours(hours)), to, bucket));
    }

    private static int hours(Context ctx) {
        String h = ctx.queryParam("hours");
        if (h == null || h.isBlank()) return 48;
        try {
            int v = Integer.parseInt(h.trim());
            if (v >= 1 && v <= MAX_HOURS) return v;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Halt(400, "Bad time window", "hours must be a whole number from 1 to " + MAX_HOURS + ", not '" + h + "'.");
    }

    private static Halt notFound() {
        return new Halt(404, "Page not found", "There is no such chart: the charts are share and cdf, as .png or .svg.");
    }

    // ---- jobs, probe health, credits ----

    private void jobsPage(Context ctx) {
        Observatory o = observatory();
        Map<String, Object> m = base(ctx);
        m.put("jobs", o.jobs());
        m.put("credits", o.credits());
        m.put("spent", new java.util.TreeMap<>(o.credits().spentPerJob24h()));
        List<ProbeHealth> health = new ArrayList<>(o.probeHealth());
        // The probes that answer least first: the ones an operator may want to drop from the measurement.
        health.sort(Comparator.comparingDouble((ProbeHealth h) -> h.expected() == 0 ? 1.0 : h.answered() / (double) h.expected())
                .thenComparingInt(ProbeHealth::probeId));
        m.put("healthTotal", health.size());
        m.put("healthy", (int) health.stream().filter(h -> h.expected() > 0 && h.answered() == h.expected()).count());
        m.put("health", health.subList(0, Math.min(100, health.size())));
        m.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done"));
        pages.render(ctx, 200, "ops/te/jobs.jte", m);
    }

    private void jobAction(Context ctx) {
        Observatory o = observatory();
        String job = ctx.pathParam("job");
        String action = ctx.pathParam("action");
        boolean known = switch (action) {
            case "pause" -> o.pause(job);
            case "resume" -> o.resume(job);
            case "trigger" -> o.trigger(job);
            default -> throw new Halt(404, "Page not found", "Jobs can be paused, resumed or triggered, not '" + action + "'.");
        };
        if (!known) throw new Halt(404, "No such job", "There is no job '" + job + "'.");
        String done = switch (action) {
            case "pause" -> "paused";
            case "resume" -> "resumed";
            default -> "triggered";
        };
        ctx.redirect("/ops/te/jobs?done=" + java.net.URLEncoder.encode(job + " " + done,
                java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    // ---- helpers ----

    private static Map<String, Object> base(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("csrf", Csrf.token(ctx));
        return m;
    }

    private static Map<String, String> colours(List<Site> sites, Palette palette) {
        Map<String, String> m = new LinkedHashMap<>();
        sites.stream().map(Site::id).sorted().forEach(id -> m.put(id, palette.hex(id)));
        return m;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
