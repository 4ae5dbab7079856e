package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import net.nsglobal.control.operator.LogIn;
import net.nsglobal.control.store.Operator;
import net.nsglobal.control.store.ProofStore;

/**
 * The operators' pages under {@code /ops}: the log-in form ({@code GET/POST /ops/login}), log-out
 * ({@code POST /ops/logout}) and the home page ({@code GET /ops}: the zones whose parent no longer delegates them).
 * Guards: CSRF on every POST; a live session for everything but the log-in form (else 303 to it).
 */
final class OpsPages implements WebModule {
    private final ProofStore proofs;
    private final OperatorAuth auth;
    private final Pages pages;

    OpsPages(ProofStore proofs, OperatorAuth auth, Pages pages) {
        this.proofs = proofs;
        this.auth = auth;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        Mount open = routes.guarded(ctx -> ctx.header("Cache-Control", "no-store")).guarded(Pages::csrfOnPost);
        open.get("/ops/login", ctx -> loginForm(ctx, 200, "", null));
        open.post("/ops/login", this::loginPost);
        Mount operator = open.guarded(auth::requireSession);
        operator.get("/ops", this::home);
        operator.post("/ops/logout", this::logout);
    }

    private void loginForm(Context ctx, int status, String name, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("csrf", Csrf.token(ctx));
        m.put("name", name);
        m.put("error", error);
        pages.render(ctx, status, "ops/login.jte", m);
    }

    private void loginPost(Context ctx) {
        String name = ctx.formParam("name");
        LogIn r = auth.operators().logIn(ctx.ip(), name, ctx.formParam("password"));
        String typed = name == null ? "" : name;
        if (r instanceof LogIn.LoggedIn in) {
            auth.setCookie(ctx, in.sessionId());
            ctx.redirect("/ops", HttpStatus.SEE_OTHER);
        } else if (r instanceof LogIn.Refused f) {
            loginForm(ctx, 401, typed, f.message());
        } else if (r instanceof LogIn.Disabled d) {
            loginForm(ctx, 403, typed, d.message());
        } else if (r instanceof LogIn.Limited l) {
            ctx.header("Retry-After", String.valueOf(auth.operators().settings().attemptWindow().toSeconds()));
            loginForm(ctx, 429, typed, l.message());
        }
    }

    private void logout(Context ctx) {
        auth.operators().logOut(ctx.cookie(OperatorAuth.COOKIE));
        auth.clearCookie(ctx);
        ctx.redirect("/ops/login", HttpStatus.SEE_OTHER);
    }

    private void home(Context ctx) {
        Operator op = ctx.attribute(OperatorAuth.ATTRIBUTE);
        pages.render(ctx, 200, "ops/home.jte", Map.of("operator", op.name(), "csrf", Csrf.token(ctx),
                "undelegated", proofs.undelegated()));
    }
}
