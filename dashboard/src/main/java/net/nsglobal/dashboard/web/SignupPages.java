package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.Map;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.signup.Outcome;
import net.nsglobal.control.signup.SignupService;
import net.nsglobal.control.store.PendingRequest.Kind;

/**
 * The public forms that ask for a confirmation mail: sign-up ({@code /}, {@code POST /signup}) and change or removal
 * ({@code /manage}, {@code POST /manage/change}, {@code POST /manage/remove}). Guard: CSRF on every POST.
 */
final class SignupPages implements WebModule {
    private final ControlPlaneConfig config;
    private final SignupService signups;
    private final Pages pages;

    SignupPages(ControlPlaneConfig config, SignupService signups, Pages pages) {
        this.config = config;
        this.signups = signups;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(Pages::csrfOnPost);
        r.get("/", this::signupForm);
        r.post("/signup", this::signupPost);
        r.get("/manage", this::managePage);
        r.post("/manage/change", this::changePost);
        r.post("/manage/remove", this::removePost);
    }

    private void signupForm(Context ctx) {
        pages.render(ctx, 200, "signup.jte", Map.of("form", FormView.empty("/signup", Csrf.token(ctx),
                ctx.queryParam("domain")), "txtProof", config.signup().txtProof()));
    }

    private void signupPost(Context ctx) {
        FormView typed = typed(ctx, "/signup");
        Outcome o = signups.request(Kind.SIGNUP, ctx.ip(), typed.domain(), typed.primaries(), typed.tsigName(),
                typed.tsigAlgorithm(), typed.tsigSecret(), "txt".equals(ctx.formParam("proof")));
        respondToRequest(ctx, o, typed, "signup.jte", "Check your mail");
    }

    private void managePage(Context ctx) {
        String csrf = Csrf.token(ctx);
        String d = nz(ctx.queryParam("domain"));
        pages.render(ctx, 200, "manage.jte", Map.of("change", FormView.empty("/manage/change", csrf, d),
                "remove", FormView.empty("/manage/remove", csrf, d)));
    }

    private void changePost(Context ctx) {
        FormView typed = typed(ctx, "/manage/change");
        Outcome o = signups.request(Kind.CHANGE, ctx.ip(), typed.domain(), typed.primaries(), typed.tsigName(),
                typed.tsigAlgorithm(), typed.tsigSecret());
        respondToRequest(ctx, o, typed, "manage.jte", "Check your mail to confirm the change");
    }

    private void removePost(Context ctx) {
        FormView typed = typed(ctx, "/manage/remove");
        Outcome o = signups.requestRemoval(ctx.ip(), typed.domain(), ctx.formParam("asParent") != null);
        if (o instanceof Outcome.Invalid i && i.errors().containsKey("domain")) {
            o = new Outcome.Invalid(Map.of("remove", i.errors().get("domain")));
        }
        respondToRequest(ctx, o, typed, "manage.jte", "Check your mail to confirm the removal");
    }

    private void respondToRequest(Context ctx, Outcome o, FormView typed, String template, String heading) {
        if (o instanceof Outcome.Challenge ch) {
            pages.render(ctx, 200, "challenge.jte", Map.of("c", ch));
        } else if (o instanceof Outcome.Sent s) {
            pages.render(ctx, 200, "sent.jte", Map.of("heading", heading, "domain", s.domain(),
                    "maskedMailbox", s.maskedMailbox(), "allow", s.allowOnPrimary()));
        } else if (o instanceof Outcome.Invalid i) {
            formAgain(ctx, 400, template, typed, i.errors());
        } else if (o instanceof Outcome.Unverifiable u) {
            formAgain(ctx, 422, template, typed, u.errors());
        } else if (o instanceof Outcome.Limited l) {
            formAgain(ctx, 429, template, typed, Map.of(errorField(typed), l.message()));
        } else if (o instanceof Outcome.MailFailed m) {
            formAgain(ctx, 503, template, typed, Map.of(errorField(typed), m.message()));
        }
    }

    private static String errorField(FormView typed) {
        return typed.action().equals("/manage/remove") ? "remove" : "domain";
    }

    private void formAgain(Context ctx, int status, String template, FormView typed, Map<String, String> errors) {
        FormView f = new FormView(typed.action(), typed.csrf(), typed.domain(), typed.primaries(), typed.tsigName(),
                typed.tsigAlgorithm(), typed.tsigSecret(), errors);
        if (template.equals("manage.jte")) {
            boolean remove = typed.action().equals("/manage/remove");
            FormView blank = FormView.empty(remove ? "/manage/change" : "/manage/remove", typed.csrf(), "");
            pages.render(ctx, status, template, Map.of("change", remove ? blank : f, "remove", remove ? f : blank));
        } else {
            pages.render(ctx, status, template, Map.of("form", f, "txtProof", config.signup().txtProof()));
        }
    }

    private static FormView typed(Context ctx, String action) {
        return new FormView(action, Csrf.token(ctx), nz(ctx.formParam("domain")), ctx.formParams("primary"),
                nz(ctx.formParam("tsigName")), nz(ctx.formParam("tsigAlgorithm")), nz(ctx.formParam("tsigSecret")),
                Map.of());
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
