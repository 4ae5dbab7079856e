package net.nsglobal.dashboard.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.signup.ConfirmService;
import net.nsglobal.control.signup.Outcome;
import net.nsglobal.control.signup.SignupService;
import net.nsglobal.control.status.StatusService;
import net.nsglobal.control.status.ZoneStatus;
import net.nsglobal.control.store.Confirmation;
import net.nsglobal.control.store.PendingRequest;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.RequestProof;
import net.nsglobal.control.validate.DomainName;

/**
 * The public web pages (server-rendered, no JavaScript) and the JSON API, on one Javalin server. Every POST from a
 * page carries the CSRF token; every response forbids framing and referrers (the confirmation token is in the URL).
 */
public final class WebApp implements AutoCloseable {
    private final ControlPlaneConfig config;
    private final SignupService signups;
    private final ConfirmService confirms;
    private final StatusService statuses;
    private final Supplier<List<DemoMail>> demoMailbox;
    private final Views views = new Views();
    private final Api api;
    private final Javalin app;
    private final byte[] css;
    private final ProofStore proofs;
    private final Ops ops;

    public WebApp(ControlPlaneConfig config, SignupService signups, ConfirmService confirms, StatusService statuses,
                  Supplier<List<DemoMail>> demoMailbox, ProofStore proofs) {
        this.proofs = proofs;
        this.ops = new Ops(proofs);
        this.config = config;
        this.signups = signups;
        this.confirms = confirms;
        this.statuses = statuses;
        this.demoMailbox = demoMailbox;
        this.api = new Api(signups, statuses, proofs);
        this.css = resource("/static/style.css");
        this.app = Javalin.create(c -> {
            c.http.maxRequestSize = config.limits().maxRequestBytes();
            c.jetty.host = config.http().getHostString();
            c.jetty.port = config.http().getPort();
            c.startup.showJavalinBanner = false;
            c.routes.before(this::guard);
            c.routes.get("/static/style.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "max-age=300").result(css));
            c.routes.get("/", this::signupForm);
            c.routes.post("/signup", this::signupPost);
            c.routes.get("/confirm/{token}", this::confirmPage);
            c.routes.post("/confirm/{token}", this::confirmPost);
            c.routes.get("/zones", this::lookup);
            c.routes.get("/zones/{domain}", this::statusPage);
            c.routes.get("/manage", this::managePage);
            c.routes.post("/manage/change", this::changePost);
            c.routes.post("/manage/remove", this::removePost);
            if (demoMailbox != null) c.routes.get("/demo/mailbox", this::mailboxPage);
            c.routes.post("/api/v1/signups", api::signup);
            c.routes.get("/api/v1/zones/{domain}", api::zone);
            c.routes.get("/api/v1/ops/undelegated", ops::undelegated);
            c.routes.exception(Halt.class, this::halted);
            c.routes.error(404, "html", ctx -> page(ctx, 404, "Page not found",
                    "There is nothing at this address.", "/", "Add a zone"));
        });
    }

    /** Serves the pages and API of a started control plane (closing the web app leaves the control plane running). */
    public static WebApp serve(net.nsglobal.control.ControlPlane plane, Supplier<List<DemoMail>> demoMailbox) {
        return new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), demoMailbox,
                plane.proofs()).start();
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

    // ---- guards ------------------------------------------------------------------------------------------------

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'");
        long len = ctx.req().getContentLengthLong();
        if (len > config.limits().maxRequestBytes()) {
            throw new Halt(413, "Request too large", "The request is larger than " + config.limits().maxRequestBytes()
                    + " bytes.");
        }
        if (ctx.method().name().equals("POST") && !ctx.path().startsWith("/api/") && !Csrf.valid(ctx)) {
            throw new Halt(403, "Form expired", "The form was not sent from this site or has expired. Go back, reload "
                    + "the page and send it again.");
        }
    }

    private void halted(Halt h, Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            Api.json(ctx, h.status, Map.of("error", h.getMessage()));
        } else {
            page(ctx, h.status, h.title, h.getMessage(), "/", "Back to the start");
        }
    }

    // ---- sign-up -----------------------------------------------------------------------------------------------

    private void signupForm(Context ctx) {
        render(ctx, 200, "signup.jte", Map.of("form", FormView.empty("/signup", Csrf.token(ctx), ctx.queryParam("domain")),
                "txtProof", config.signup().txtProof()));
    }

    private void signupPost(Context ctx) {
        FormView typed = typed(ctx, "/signup", Map.of());
        Outcome o = signups.request(Kind.SIGNUP, ctx.ip(), typed.domain(), typed.primaries(), typed.tsigName(),
                typed.tsigAlgorithm(), typed.tsigSecret(), "txt".equals(ctx.formParam("proof")));
        respondToRequest(ctx, o, typed, "signup.jte", "Check your mail");
    }

    private void respondToRequest(Context ctx, Outcome o, FormView typed, String template, String heading) {
        if (o instanceof Outcome.Challenge ch) {
            render(ctx, 200, "challenge.jte", Map.of("c", ch));
        } else if (o instanceof Outcome.Sent s) {
            render(ctx, 200, "sent.jte", Map.of("heading", heading, "domain", s.domain(),
                    "maskedMailbox", s.maskedMailbox(), "allow", s.allowOnPrimary()));
        } else if (o instanceof Outcome.Invalid i) {
            formAgain(ctx, 400, template, typed, i.errors());
        } else if (o instanceof Outcome.Unverifiable u) {
            formAgain(ctx, 422, template, typed, u.errors());
        } else if (o instanceof Outcome.Limited l) {
            formAgain(ctx, 429, template, typed, Map.of(typed.action().equals("/manage/remove") ? "remove" : "domain", l.message()));
        } else if (o instanceof Outcome.MailFailed m) {
            formAgain(ctx, 503, template, typed, Map.of(typed.action().equals("/manage/remove") ? "remove" : "domain", m.message()));
        }
    }

    private void formAgain(Context ctx, int status, String template, FormView typed, Map<String, String> errors) {
        FormView f = new FormView(typed.action(), typed.csrf(), typed.domain(), typed.primaries(), typed.tsigName(),
                typed.tsigAlgorithm(), typed.tsigSecret(), errors);
        if (template.equals("manage.jte")) {
            boolean remove = typed.action().equals("/manage/remove");
            FormView blank = FormView.empty(remove ? "/manage/change" : "/manage/remove", typed.csrf(), "");
            render(ctx, status, template, Map.of("change", remove ? blank : f, "remove", remove ? f : blank));
        } else {
            render(ctx, status, template, Map.of("form", f, "txtProof", config.signup().txtProof()));
        }
    }

    private FormView typed(Context ctx, String action, Map<String, String> errors) {
        return new FormView(action, Csrf.token(ctx), nz(ctx.formParam("domain")), ctx.formParams("primary"),
                nz(ctx.formParam("tsigName")), nz(ctx.formParam("tsigAlgorithm")), nz(ctx.formParam("tsigSecret")),
                errors);
    }

    // ---- confirmation ------------------------------------------------------------------------------------------

    private void confirmPage(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<PendingRequest> p = confirms.preview(token);
        if (p.isEmpty()) {
            page(ctx, 404, "Link not valid", "This confirmation link is unknown, was already used, or has expired "
                    + "(links are valid for 24 hours). Start again to get a new one.", "/", "Add a zone");
            return;
        }
        if (confirms.keyNameTaken(p.get())) {
            keyNameTakenPage(ctx, p.get());
            return;
        }
        Optional<Confirmation> proof = confirms.recheck(token, p.get());
        if (proof.isPresent() && proof.get() instanceof Confirmation.ProofGone g) {
            proofGonePage(ctx, g);
            return;
        }
        Optional<Confirmation> refused = confirms.signupRefusal(p.get());
        if (refused.isPresent()) {
            signupRefusedPage(ctx, refused.get());
            return;
        }
        RequestProof how = confirms.proof(p.get());
        Map<String, Object> m = new HashMap<>();
        m.put("request", p.get());
        m.put("token", token);
        m.put("csrf", Csrf.token(ctx));
        m.put("proof", how);
        m.put("current", confirms.current(p.get()).orElse(null));
        m.put("challenge", how.method() == RequestProof.Method.TXT ? ConfirmService.challengeValue(token) : null);
        m.put("waiting", proof.isPresent() && proof.get() instanceof Confirmation.ProofPending w ? w.why() : null);
        render(ctx, 200, "confirm.jte", m);
    }

    /** 410: the SOA contact changed since the link was mailed; the link is dead. */
    private void proofGonePage(Context ctx, Confirmation.ProofGone g) {
        page(ctx, 410, "Link no longer valid", "Nothing was changed. " + g.why(),
                g.request().kind() == Kind.DELETE ? "/manage" : "/?domain=" + g.request().domain(), "Ask again");
    }

    /** 409: since the request, another zone holds its TSIG key name with another secret; nothing was (or will be) changed. */
    private void keyNameTakenPage(Context ctx, PendingRequest r) {
        page(ctx, 409, "TSIG key name taken", "Nothing was changed. Since you asked, another zone at NS-Global "
                + "started using a TSIG key named " + r.tsigName() + " with a different secret or algorithm, and our "
                + "collector can hold only one secret per key name. " + SignupService.renameAdvice(r.tsigName(), r.domain()),
                r.kind() == Kind.SIGNUP ? "/?domain=" + r.domain() : "/manage",
                r.kind() == Kind.SIGNUP ? "Sign up again" : "Change the key");
    }

    /**
     * 409: a sign-up that other confirmations overtook (a zone cap is reached, or a zone now served above or below it
     * is not separated from it by a delegation). Nothing changed; the link stays valid, so it can be confirmed once
     * that is fixed.
     */
    private void signupRefusedPage(Context ctx, Confirmation c) {
        PendingRequest r;
        String title;
        String why;
        if (c instanceof Confirmation.ZoneCapReached z) {
            r = z.request();
            title = "Zone limit reached";
            why = z.why();
        } else if (c instanceof Confirmation.NestingRefused n) {
            r = n.request();
            title = "Not delegated by its parent zone";
            why = n.why();
        } else {
            r = ((Confirmation.NestingChanged) c).request();
            title = "Not confirmed yet";
            why = "Other zones around " + r.domain() + " were confirmed while we checked it.";
        }
        page(ctx, 409, title, "Nothing was changed. " + why + " This link stays valid until "
                + Format.time(r.expiresAt()) + ": press Confirm again once that is resolved.",
                "/confirm/" + ctx.pathParam("token"), "Back to the confirmation");
    }

    private void confirmPost(Context ctx) {
        Confirmation c = confirms.confirm(ctx.pathParam("token"));
        if (c instanceof Confirmation.ZoneCapReached || c instanceof Confirmation.NestingRefused
                || c instanceof Confirmation.NestingChanged) {
            signupRefusedPage(ctx, c);
            return;
        }
        if (c instanceof Confirmation.KeyNameTaken t) {
            keyNameTakenPage(ctx, t.request());
            return;
        }
        if (c instanceof Confirmation.ProofGone g) {
            proofGonePage(ctx, g);
            return;
        }
        if (c instanceof Confirmation.ProofPending w) {
            page(ctx, 409, "Not confirmed yet", "Nothing was changed. " + w.why(), ctx.path(), "Back to the confirmation");
            return;
        }
        if (c instanceof Confirmation.ZoneExists z) {
            page(ctx, 409, z.request().domain() + " is already served", "Nothing was changed: " + z.request().domain()
                    + " was signed up meanwhile. To change its primaries or key, use the change form; its "
                    + "confirmation page shows the current and the new settings side by side.", "/manage?domain="
                    + z.request().domain(), "Change primaries");
            return;
        }
        if (!(c instanceof Confirmation.Applied applied)) {
            page(ctx, 404, "Link not valid", "This confirmation link is unknown, was already used, or has expired.",
                    "/", "Add a zone");
            return;
        }
        PendingRequest r = applied.request();
        if (r.kind() == Kind.DELETE) {
            page(ctx, 200, "Zone removed", r.domain() + " has been removed from our catalog; our sites stop serving it "
                    + "within seconds. Remember to remove our name servers from the delegation.", "/", "Add a zone");
        } else {
            ctx.redirect("/zones/" + r.domain() + "?confirmed=1", HttpStatus.SEE_OTHER);
        }
    }

    // ---- status ------------------------------------------------------------------------------------------------

    private void lookup(Context ctx) {
        String d = ctx.queryParam("domain");
        if (d == null) {
            Map<String, Object> m = new HashMap<>();
            m.put("csrf", Csrf.token(ctx));
            m.put("domain", "");
            m.put("error", null); // no error: the field renders without error styling
            render(ctx, 200, "lookup.jte", m);
            return;
        }
        try {
            ctx.redirect("/zones/" + DomainName.normalise(d), HttpStatus.SEE_OTHER);
        } catch (DomainName.Invalid e) {
            Map<String, Object> m = new HashMap<>();
            m.put("csrf", Csrf.token(ctx));
            m.put("domain", d);
            m.put("error", e.getMessage());
            render(ctx, 400, "lookup.jte", m);
        }
    }

    private void statusPage(Context ctx) {
        String domain;
        try {
            domain = DomainName.normalise(ctx.pathParam("domain"));
        } catch (DomainName.Invalid e) {
            page(ctx, 400, "Not a domain", e.getMessage(), "/zones", "Look up another zone");
            return;
        }
        Optional<ZoneStatus> s = statuses.status(domain);
        if (s.isEmpty()) {
            page(ctx, 404, domain + " is not served by NS-Global", "We have no confirmed zone " + domain
                    + ". If you signed it up, open the link in the confirmation mail first.", "/?domain=" +
                    URLEncoder.encode(domain, StandardCharsets.UTF_8), "Add " + domain);
            return;
        }
        boolean confirmed = "1".equals(ctx.queryParam("confirmed"));
        int refresh = confirmed && !s.get().inSync() ? 2 : 0;
        Map<String, Object> m = new HashMap<>(Map.of("s", s.get(), "confirmed", confirmed, "refresh", refresh,
                "tryIt", tryIt(domain)));
        m.put("undelegated", proofs.delegation(domain).filter(d -> !d.delegated()).orElse(null));
        render(ctx, 200, "status.jte", m);
    }

    /** In the demo, the dig line for each site, so the newcomer can ask every edge (sites are on loopback there). */
    private List<String> tryIt(String domain) {
        if (demoMailbox == null) return List.of();
        return config.edges().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "dig @" + e.getValue().getAddress().getHostAddress() + " -p " + e.getValue().getPort() + " "
                        + domain + " SOA +nsid    # " + e.getKey())
                .toList();
    }

    // ---- changes and removal -----------------------------------------------------------------------------------

    private void managePage(Context ctx) {
        String csrf = Csrf.token(ctx);
        String d = nz(ctx.queryParam("domain"));
        render(ctx, 200, "manage.jte", Map.of("change", FormView.empty("/manage/change", csrf, d),
                "remove", FormView.empty("/manage/remove", csrf, d)));
    }

    private void changePost(Context ctx) {
        FormView typed = typed(ctx, "/manage/change", Map.of());
        Outcome o = signups.request(Kind.CHANGE, ctx.ip(), typed.domain(), typed.primaries(), typed.tsigName(),
                typed.tsigAlgorithm(), typed.tsigSecret());
        respondToRequest(ctx, o, typed, "manage.jte", "Check your mail to confirm the change");
    }

    private void removePost(Context ctx) {
        FormView typed = typed(ctx, "/manage/remove", Map.of());
        Outcome o = signups.requestRemoval(ctx.ip(), typed.domain(), ctx.formParam("asParent") != null);
        if (o instanceof Outcome.Invalid i && i.errors().containsKey("domain")) {
            o = new Outcome.Invalid(Map.of("remove", i.errors().get("domain")));
        }
        respondToRequest(ctx, o, typed, "manage.jte", "Check your mail to confirm the removal");
    }

    // ---- demo --------------------------------------------------------------------------------------------------

    private void mailboxPage(Context ctx) {
        render(ctx, 200, "mailbox.jte", Map.of("mails", demoMailbox.get()));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void render(Context ctx, int status, String template, Map<String, Object> params) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(views.render(template, params));
    }

    private void page(Context ctx, int status, String title, String text, String href, String linkText) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("text", text);
        m.put("linkHref", href);
        m.put("linkText", linkText);
        render(ctx, status, "message.jte", m);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private static byte[] resource(String path) {
        try (InputStream in = WebApp.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("dashboard: missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("dashboard: cannot read " + path, e);
        }
    }
}
