package net.nsglobal.dashboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.control.store.Operator;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.MovedNetwork;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.Proposals;

/**
 * The proposals as JSON, for operators' own tools. Guard: an operator's API token ({@code Authorization: Bearer}) or
 * session ({@link OperatorAuth}); 401 otherwise.
 * <pre>
 * GET  /api/v1/te/proposals       → 200 {"proposals": [{"id","created","state","sites","probes_moved","basis"}, …]}
 * GET  /api/v1/te/proposals/{id}  → 200 {"id","created","state","basis": {"round_id","config_version"},
 *                                   "knobs": {site: {session: {"announce","prepend","communities"}}}, "previous": …,
 *                                   "moved": […], "reasons": […], "regions": [{"region","p90_inflation_ms": {"before",
 *                                   "predicted","measured"},"share_at_optimal": {…}}], "prediction_accuracy",
 *                                   "verification": null | {"round_id","time","probe_accuracy","probes_compared",
 *                                   "rolled_back"}, "audit": [{"time","who","what","reason"}]} | 404 {"error"}
 * POST /api/v1/te/proposals/{id}/approve  {"reason": "…"} → 200 {"id","state"} | 409 {"error"} (refused) |
 * POST /api/v1/te/proposals/{id}/reject                     400 {"error"} (no JSON object) | 415 (not JSON)
 * </pre>
 * POST bodies must be {@code application/json}, which a cross-site HTML form cannot send (so a session cookie alone
 * cannot be ridden by another site). Unknown numbers are null: JSON has no NaN (RFC 8259 §6). "measured" is null
 * until the proposal is verified.
 */
final class ProposalApi implements WebModule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Proposals> proposals;
    private final OperatorAuth auth;

    ProposalApi(Optional<Proposals> proposals, OperatorAuth auth) {
        this.proposals = proposals;
        this.auth = auth;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(auth::requireBearerOrSession);
        r.get("/api/v1/te/proposals", this::list);
        r.get("/api/v1/te/proposals/{id}", this::detail);
        r.post("/api/v1/te/proposals/{id}/{action}", this::decide);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Proposal p : ProposalPages.lifecycle(proposals).list(ProposalPages.LIST_LIMIT)) {
            Map<String, Object> m = head(p);
            m.put("sites", p.sites());
            m.put("probes_moved", p.probesMoved());
            out.add(m);
        }
        Api.json(ctx, 200, Map.of("proposals", out));
    }

    private void detail(Context ctx) {
        Proposal p = ProposalPages.find(ProposalPages.lifecycle(proposals), ProposalPages.id(ctx));
        Map<String, Object> m = head(p);
        m.put("knobs", knobs(p.candidate().knobs()));
        m.put("previous", knobs(p.previous()));
        List<Map<String, Object>> moved = new ArrayList<>();
        for (MovedNetwork n : p.candidate().moved()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("asn", n.asn());
            x.put("country", n.country());
            x.put("probes", n.probes());
            x.put("from_site", n.fromSite());
            x.put("to_site", n.toSite());
            moved.add(x);
        }
        m.put("moved", moved);
        m.put("reasons", p.candidate().reasons());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Proposal.RegionComparison r : p.regions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("region", r.region());
            x.put("p90_inflation_ms", triple(r.beforeP90InflationMs(), r.predictedP90InflationMs(), r.measuredP90InflationMs()));
            x.put("share_at_optimal", triple(r.beforeShareAtOptimal(), r.predictedShareAtOptimal(), r.measuredShareAtOptimal()));
            regions.add(x);
        }
        m.put("regions", regions);
        m.put("prediction_accuracy", number(p.candidate().predictionAccuracy()));
        m.put("verification", p.verification().map(v -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("round_id", v.roundId());
            x.put("time", v.at().toString());
            x.put("probe_accuracy", number(v.probeAccuracy()));
            x.put("probes_compared", v.probesCompared());
            x.put("rolled_back", v.rolledBack());
            return x;
        }).orElse(null));
        List<Map<String, Object>> audit = new ArrayList<>();
        for (Proposal.AuditEntry a : p.audit()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("time", a.at().toString());
            x.put("who", a.who());
            x.put("what", a.what());
            x.put("reason", a.reason());
            audit.add(x);
        }
        m.put("audit", audit);
        Api.json(ctx, 200, m);
    }

    private void decide(Context ctx) {
        Proposals lifecycle = ProposalPages.lifecycle(proposals);
        long id = ProposalPages.id(ctx);
        String action = ctx.pathParam("action");
        if (!action.equals("approve") && !action.equals("reject")) {
            throw new Halt(404, "Not found", "A proposal can be approved or rejected, not '" + action + "'.");
        }
        String ct = ctx.contentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new Halt(415, "Unsupported media type", "Send {\"reason\": \"…\"} as application/json.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new Halt(400, "Bad request", "The body is not valid JSON.");
        }
        if (body == null || !body.isObject()) throw new Halt(400, "Bad request", "The body must be a JSON object.");
        ProposalPages.find(lifecycle, id);
        JsonNode r = body.path("reason");
        String reason = r.isTextual() ? r.asText() : null;
        Operator op = ctx.attribute(OperatorAuth.ATTRIBUTE);
        ProposalState.Transition t = action.equals("approve") ? lifecycle.approve(id, op.name(), reason)
                : lifecycle.reject(id, op.name(), reason);
        if (t instanceof ProposalState.Transition.Refused refused) {
            Api.json(ctx, 409, Map.of("error", refused.reason()));
            return;
        }
        Api.json(ctx, 200, Map.of("id", id, "state", ((ProposalState.Transition.Moved) t).to().name().toLowerCase()));
    }

    private static Map<String, Object> head(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("created", p.created().toString());
        m.put("state", p.state().name().toLowerCase());
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("round_id", p.basis().roundId());
        basis.put("config_version", p.basis().configVersion());
        m.put("basis", basis);
        return m;
    }

    private static Map<String, Object> knobs(Map<String, Knobs> bySite) {
        Map<String, Object> out = new java.util.TreeMap<>();
        bySite.forEach((site, k) -> {
            Map<String, Object> sessions = new LinkedHashMap<>();
            k.sessions().forEach((name, s) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("announce", s.announce());
                x.put("prepend", s.prepend());
                x.put("communities", s.communities().stream().map(Community::toString).toList());
                sessions.put(name, x);
            });
            out.put(site, sessions);
        });
        return out;
    }

    private static Map<String, Object> triple(double before, double predicted, double measured) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", number(before));
        m.put("predicted", number(predicted));
        m.put("measured", number(measured));
        return m;
    }

    private static Double number(double v) { return Double.isNaN(v) || Double.isInfinite(v) ? null : v; }
}
