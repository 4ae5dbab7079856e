package net.nsglobal.dashboard.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.control.operator.Operators;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.signup.ConfirmService;
import net.nsglobal.control.signup.SignupService;
import net.nsglobal.control.status.StatusService;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.announce.AgentLog;
import net.nsglobal.te.propose.Proposals;

/**
 * The web server's shell: one Javalin server with the headers every response carries, the request size limit, the
 * error pages, and the {@link WebModule}s mounted on it, each with its own routes and its own guard:
 * <pre>
 * SignupPages   /  /signup  /manage  /manage/change  /manage/remove    CSRF on POST
 * ConfirmPages  /confirm/{token}                                      CSRF on POST
 * StatusPages   /zones  /zones/{domain}                               (no POST)
 * Api           /api/v1/signups  /api/v1/zones/{domain}               JSON only, no cookies
 * OpsApi        /api/v1/ops/...                                       operator's API token or session
 * OpsPages      /ops/login  /ops/logout  /ops                         CSRF on POST; session (but the log-in form)
 * ObservatoryPages /ops/te  /ops/te/charts  /ops/te/jobs ...          CSRF on POST; session
 * ObservatoryApi   /api/v1/te/catchment  /api/v1/te/summary           operator's API token or session
 * ProposalPages /ops/te/proposals  /ops/te/proposals/{id} (+ approve/reject)  CSRF on POST; session
 * ProposalApi   /api/v1/te/proposals  /api/v1/te/proposals/{id} (+ approve/reject)  API token or session; JSON POST
 * AgentPages    /ops/te/agents                                        session
 * AgentApi      /api/v1/te/agents  /api/v1/te/agents/{site}/events     API token or session; JSON POST
 * DemoPages     /demo/mailbox                                         only when the demo gives a mailbox
 * </pre>
 * Every response forbids framing, sniffing and referrers (the confirmation token is in the URL), and the CSP allows
 * no script at all.
 */
public final class WebApp implements AutoCloseable {
    /** No script, no inline style, nothing from elsewhere; forms post only here; never framed. */
    static final String CSP =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";

    private final ControlPlaneConfig config;
    private final Pages pages = new Pages();
    private final Javalin app;

    /** @param demoMailbox the demo's mailbox (mounts {@code /demo/mailbox}); null outside the demo */
    public WebApp(ControlPlaneConfig config, SignupService signups, ConfirmService confirms, StatusService statuses,
                  Supplier<List<DemoMail>> demoMailbox, ProofStore proofs, Operators operators) {
        this(config, signups, confirms, statuses, demoMailbox, proofs, operators, Optional.empty(), null);
    }

    /**
     * @param observatory      the observatory the operator pages read (empty: they say none is configured)
     * @param countriesGeoJson the map's countries (Natural Earth GeoJSON, e.g. {@code countries-110m.geojson}); read
     *                         once here, required when there is an observatory
     */
    public WebApp(ControlPlaneConfig config, SignupService signups, ConfirmService confirms, StatusService statuses,
                  Supplier<List<DemoMail>> demoMailbox, ProofStore proofs, Operators operators,
                  Optional<Observatory> observatory, Path countriesGeoJson) {
        this(config, signups, confirms, statuses, demoMailbox, proofs, operators, observatory, countriesGeoJson,
                Optional.empty());
    }

    /** @param proposals the route-change proposals the operator pages list and decide (empty: they say none) */
    public WebApp(ControlPlaneConfig config, SignupService signups, ConfirmService confirms, StatusService statuses,
                  Supplier<List<DemoMail>> demoMailbox, ProofStore proofs, Operators operators,
                  Optional<Observatory> observatory, Path countriesGeoJson, Optional<Proposals> proposals) {
        this(config, signups, confirms, statuses, demoMailbox, proofs, operators, observatory, countriesGeoJson,
                proposals, Optional.empty());
    }

    /** @param agents the site agents' reports the operator pages show and the agents post to (empty: they say none) */
    public WebApp(ControlPlaneConfig config, SignupService signups, ConfirmService confirms, StatusService statuses,
                  Supplier<List<DemoMail>> demoMailbox, ProofStore proofs, Operators operators,
                  Optional<Observatory> observatory, Path countriesGeoJson, Optional<Proposals> proposals,
                  Optional<AgentLog> agents) {
        this.config = config;
        if (observatory.isPresent() && countriesGeoJson == null) {
            throw new IllegalArgumentException("dashboard: the observatory's map needs the countries GeoJSON file");
        }
        MapSvg map = observatory.isPresent() ? new MapSvg(countriesGeoJson) : null;
        byte[] css = resource("/static/style.css");
        OperatorAuth auth = new OperatorAuth(operators);
        List<WebModule> modules = new ArrayList<>(List.of(
                new SignupPages(config, signups, pages),
                new ConfirmPages(confirms, pages),
                new StatusPages(config, statuses, proofs, demoMailbox != null, pages),
                new Api(signups, statuses, proofs),
                new OpsApi(proofs, auth),
                new OpsPages(proofs, auth, pages),
                new ObservatoryApi(observatory, auth),
                new ObservatoryPages(observatory, map, auth, pages, Clock.systemUTC()),
                new ProposalApi(proposals, auth),
                new ProposalPages(proposals, new ProposalMaps(observatory, map), auth, pages),
                new AgentApi(agents, auth),
                new AgentPages(agents, auth, pages)));
        if (demoMailbox != null) modules.add(new DemoPages(demoMailbox, pages));
        this.app = Javalin.create(c -> {
            c.http.maxRequestSize = config.limits().maxRequestBytes();
            c.jetty.host = config.http().getHostString();
            c.jetty.port = config.http().getPort();
            c.startup.showJavalinBanner = false;
            c.routes.before(this::everyResponse);
            c.routes.get("/static/style.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "max-age=300").result(css));
            Mount root = new Mount(c.routes);
            for (WebModule m : modules) m.mount(root);
            c.routes.exception(Halt.class, this::halted);
            c.routes.error(404, "html", ctx -> pages.page(ctx, 404, "Page not found",
                    "There is nothing at this address.", "/", "Add a zone"));
        });
    }

    /** Serves the pages and API of a started control plane (closing the web app leaves the control plane running). */
    public static WebApp serve(ControlPlane plane, Supplier<List<DemoMail>> demoMailbox) {
        return new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), demoMailbox,
                plane.proofs(), plane.operators()).start();
    }

    /** As {@link #serve(ControlPlane, Supplier)}, with the observatory's pages over {@code observatory}. */
    public static WebApp serve(ControlPlane plane, Supplier<List<DemoMail>> demoMailbox, Observatory observatory,
                               Path countriesGeoJson) {
        return new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), demoMailbox,
                plane.proofs(), plane.operators(), Optional.of(observatory), countriesGeoJson).start();
    }

    /** As {@link #serve(ControlPlane, Supplier, Observatory, Path)}, with the proposals' pages over {@code proposals}. */
    public static WebApp serve(ControlPlane plane, Supplier<List<DemoMail>> demoMailbox, Observatory observatory,
                               Path countriesGeoJson, Proposals proposals) {
        return new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), demoMailbox,
                plane.proofs(), plane.operators(), Optional.of(observatory), countriesGeoJson,
                Optional.of(proposals)).start();
    }

    /**
     * As {@link #serve(ControlPlane, Supplier, Observatory, Path, Proposals)}, with the site agents' page and API
     * over {@code agents} (e.g. {@code PostgresAgentLog.open(plane.database(), clock)}).
     */
    public static WebApp serve(ControlPlane plane, Supplier<List<DemoMail>> demoMailbox, Observatory observatory,
                               Path countriesGeoJson, Proposals proposals, AgentLog agents) {
        return new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), demoMailbox,
                plane.proofs(), plane.operators(), Optional.of(observatory), countriesGeoJson,
                Optional.of(proposals), Optional.of(agents)).start();
    }

    /** The control plane's pages with the site agents' page and API over {@code agents}, no observatory. */
    public static WebApp serve(ControlPlane plane, Supplier<List<DemoMail>> demoMailbox, AgentLog agents) {
        return new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), demoMailbox,
                plane.proofs(), plane.operators(), Optional.empty(), null, Optional.empty(),
                Optional.of(agents)).start();
    }

    public WebApp start() {
        app.start();
        return this;
    }

    public int port() { return app.port(); }

    /** The base URL of the pages, as reachable on this machine. */
    public String url() {
        String h = config.http().getHostString();
        String host = h.contains(":") ? "[" + h + "]" : h;
        return "http://" + host + ":" + app.port();
    }

    @Override
    public void close() { app.stop(); }

    private void everyResponse(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        long len = ctx.req().getContentLengthLong();
        if (len > config.limits().maxRequestBytes()) {
            throw new Halt(413, "Request too large", "The request is larger than " + config.limits().maxRequestBytes()
                    + " bytes.");
        }
    }

    private void halted(Halt h, Context ctx) {
        if (h.location != null) {
            ctx.redirect(h.location, HttpStatus.SEE_OTHER);
        } else if (ctx.path().startsWith("/api/")) {
            Api.json(ctx, h.status, Map.of("error", h.getMessage()));
        } else {
            pages.page(ctx, h.status, h.title, h.getMessage(), "/", "Back to the start");
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = WebApp.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("dashboard: missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("dashboard: cannot read " + path, e);
        }
    }
}
