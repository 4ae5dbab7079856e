package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.control.signup.ConfirmService;
import net.nsglobal.control.signup.SignupService;
import net.nsglobal.control.store.Confirmation;
import net.nsglobal.control.store.PendingRequest;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.RequestProof;

/**
 * The confirmation page behind the mailed link ({@code GET /confirm/{token}}) and its Confirm button
 * ({@code POST /confirm/{token}}). Guard: CSRF on the POST.
 */
final class ConfirmPages implements WebModule {
    private final ConfirmService confirms;
    private final Pages pages;

    ConfirmPages(ConfirmService confirms, Pages pages) {
        this.confirms = confirms;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(Pages::csrfOnPost);
        r.get("/confirm/{token}", this::confirmPage);
        r.post("/confirm/{token}", this::confirmPost);
    }

    private void confirmPage(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<PendingRequest> p = confirms.preview(token);
        if (p.isEmpty()) {
            pages.page(ctx, 404, "Link not valid", "This confirmation link is unknown, was already used, or has expired "
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
        pages.render(ctx, 200, "confirm.jte", m);
    }

    /** 410: the SOA contact changed since the link was mailed; the link is dead. */
    private void proofGonePage(Context ctx, Confirmation.ProofGone g) {
        pages.page(ctx, 410, "Link no longer valid", "Nothing was changed. " + g.why(),
                g.request().kind() == Kind.DELETE ? "/manage" : "/?domain=" + g.request().domain(), "Ask again");
    }

    /** 409: since the request, another zone holds its TSIG key name with another secret; nothing was (or will be) changed. */
    private void keyNameTakenPage(Context ctx, PendingRequest r) {
        pages.page(ctx, 409, "TSIG key name taken", "Nothing was changed. Since you asked, another zone at NS-Global "
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
        pages.page(ctx, 409, title, "Nothing was changed. " + why + " This link stays valid until "
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
            pages.page(ctx, 409, "Not confirmed yet", "Nothing was changed. " + w.why(), ctx.path(),
                    "Back to the confirmation");
            return;
        }
        if (c instanceof Confirmation.ZoneExists z) {
            pages.page(ctx, 409, z.request().domain() + " is already served", "Nothing was changed: "
                    + z.request().domain() + " was signed up meanwhile. To change its primaries or key, use the change "
                    + "form; its confirmation page shows the current and the new settings side by side.",
                    "/manage?domain=" + z.request().domain(), "Change primaries");
            return;
        }
        if (!(c instanceof Confirmation.Applied applied)) {
            pages.page(ctx, 404, "Link not valid", "This confirmation link is unknown, was already used, or has expired.",
                    "/", "Add a zone");
            return;
        }
        PendingRequest r = applied.request();
        if (r.kind() == Kind.DELETE) {
            pages.page(ctx, 200, "Zone removed", r.domain() + " has been removed from our catalog; our sites stop "
                    + "serving it within seconds. Remember to remove our name servers from the delegation.", "/",
                    "Add a zone");
        } else {
            ctx.redirect("/zones/" + r.domain() + "?confirmed=1", HttpStatus.SEE_OTHER);
        }
    }
}
