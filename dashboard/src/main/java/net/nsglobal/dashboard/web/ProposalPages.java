package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.control.store.Operator;
import net.nsglobal.te.propose.KnobsDiff;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.Proposals;

/**
 * The proposals' operator pages, over {@link Proposals} only:
 * <pre>
 * GET  /ops/te/proposals                      list, newest first, with state, sites, probes moved, decision
 * GET  /ops/te/proposals/{id}                 detail: predicted and measured figures per region, moved networks,
 *                                             knobs diff per site, prediction accuracy, audit history; the forms
 * GET  /ops/te/proposals/{id}/map/{before|predicted|measured}  the catchment map of the proposal's probes: where they
 *                                             were (its basis round), where the prediction puts them, where they went
 * POST /ops/te/proposals/{id}/{approve|reject}  reason (required), csrf
 * </pre>
 * Guards: a live operator session (else 303 to the log-in); CSRF on every POST. The audit log names the operator of
 * the session, never a name from the form. Without a proposal lifecycle every page says so with 503.
 */
final class ProposalPages implements WebModule {
    static final int LIST_LIMIT = 200;

    private final Optional<Proposals> proposals;
    private final ProposalMaps maps;
    private final OperatorAuth auth;
    private final Pages pages;

    ProposalPages(Optional<Proposals> proposals, ProposalMaps maps, OperatorAuth auth, Pages pages) {
        this.proposals = proposals;
        this.maps = maps;
        this.auth = auth;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(Pages::csrfOnPost).guarded(auth::requireSession);
        r.get("/ops/te/proposals", this::list);
        r.get("/ops/te/proposals/{id}", this::detail);
        r.get("/ops/te/proposals/{id}/map/{which}", this::map);
        r.post("/ops/te/proposals/{id}/{action}", this::decide);
    }

    static Proposals lifecycle(Optional<Proposals> proposals) {
        return proposals.orElseThrow(() -> new Halt(503, "No proposal lifecycle configured", "This NS-Global runs "
                + "without traffic-engineering proposals (the launcher configured no route-change loop)."));
    }

    /** The id in the path: a positive whole number, else 404 (no such page). */
    static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Halt(404, "No such proposal", "Proposals are numbered 1, 2, 3, …; there is none called '"
                + ctx.pathParam("id") + "'.");
    }

    static Proposal find(Proposals p, long id) {
        return p.find(id).orElseThrow(() -> new Halt(404, "No such proposal", "There is no proposal #" + id + "."));
    }

    private void list(Context ctx) {
        Proposals p = lifecycle(proposals);
        Map<String, Object> m = new HashMap<>();
        m.put("proposals", p.list(LIST_LIMIT));
        m.put("autoApply", p.autoApply());
        pages.render(ctx, 200, "ops/te/proposals.jte", m);
    }

    private void detail(Context ctx) {
        Proposals p = lifecycle(proposals);
        Proposal proposal = find(p, id(ctx));
        render(ctx, 200, proposal, "", ctx.queryParam("done") == null ? "" : ctx.queryParam("done"), "");
    }

    private void map(Context ctx) {
        Proposals p = lifecycle(proposals);
        Proposal proposal = find(p, id(ctx));
        ProposalMaps.Which which = ProposalMaps.Which.parse(ctx.pathParam("which"));
        ctx.contentType("image/svg+xml; charset=utf-8").result(maps.render(proposal, p.probes(proposal.id()), which));
    }

    private void render(Context ctx, int status, Proposal proposal, String error, String done, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("csrf", Csrf.token(ctx));
        m.put("p", proposal);
        m.put("diff", KnobsDiff.lines(proposal.previous(), proposal.candidate().knobs()));
        m.put("decidable", proposal.state() == ProposalState.PROPOSED);
        m.put("error", error);
        m.put("done", done);
        m.put("reason", reason);
        m.put("probes", lifecycle(proposals).probes(proposal.id()).size());
        m.put("maps", maps.available());
        pages.render(ctx, status, "ops/te/proposal.jte", m);
    }

    private void decide(Context ctx) {
        Proposals p = lifecycle(proposals);
        long id = id(ctx);
        String action = ctx.pathParam("action");
        if (!action.equals("approve") && !action.equals("reject")) {
            throw new Halt(404, "Page not found", "A proposal can be approved or rejected, not '" + action + "'.");
        }
        Proposal proposal = find(p, id);
        Operator op = ctx.attribute(OperatorAuth.ATTRIBUTE);
        String reason = ctx.formParam("reason");
        ProposalState.Transition t = action.equals("approve") ? p.approve(id, op.name(), reason)
                : p.reject(id, op.name(), reason);
        if (t instanceof ProposalState.Transition.Refused r) {
            // The form again, with the refusal and the reason as typed (nothing the operator wrote is lost).
            Proposal now = p.find(id).orElse(proposal);
            render(ctx, 409, now, r.reason(), "", reason == null ? "" : reason);
            return;
        }
        String done = action.equals("approve") ? "approved" : "rejected";
        ctx.redirect("/ops/te/proposals/" + id + "?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }
}
