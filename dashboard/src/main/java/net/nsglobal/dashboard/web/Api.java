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
import net.nsglobal.control.signup.Outcome;
import net.nsglobal.control.signup.SignupService;
import net.nsglobal.control.status.ZoneStatus;
import net.nsglobal.control.status.StatusService;
import net.nsglobal.control.store.DelegationState;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.validate.DomainName;

/**
 * The JSON API: the sign-up flow for automation. Confirmation stays by the mailed link (the mail to the SOA contact
 * is the proof of ownership, which an API key could not replace).
 * <pre>
 * POST /api/v1/signups {"domain": "...", "primaries": ["ADDR[:PORT]", ...], "tsig": {"name","algorithm","secret"}}
 *   → 202 {"domain","mailedTo","allowOnPrimary"} | 400/422 {"errors": {field: message}} | 429 {"error"} | 503 {"error"}
 * GET /api/v1/zones/{domain} → 200 status | 404 {"error"}
 * GET /api/v1/ops/undelegated → see {@link OpsApi} (its own module: operators only)
 * </pre>
 * Only {@code application/json} bodies are accepted, which a cross-site HTML form cannot send without CORS preflight,
 * so the API needs no CSRF token (it uses no cookies either). Guard: none (public, limited by the sign-up's limits).
 */
final class Api implements WebModule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignupService signups;
    private final StatusService statuses;
    private final ProofStore proofs;

    Api(SignupService signups, StatusService statuses, ProofStore proofs) {
        this.signups = signups;
        this.statuses = statuses;
        this.proofs = proofs;
    }

    @Override
    public void mount(Mount routes) {
        routes.post("/api/v1/signups", this::signup);
        routes.get("/api/v1/zones/{domain}", this::zone);
    }

    void signup(Context ctx) {
        String ct = ctx.contentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            json(ctx, 415, Map.of("error", "Send the request as application/json."));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            json(ctx, 400, Map.of("error", "The body is not valid JSON."));
            return;
        }
        if (body == null || !body.isObject()) {
            json(ctx, 400, Map.of("error", "The body must be a JSON object."));
            return;
        }
        List<String> primaries = new ArrayList<>();
        JsonNode p = body.path("primaries");
        if (p.isArray()) p.forEach(n -> primaries.add(n.asText("")));
        else if (p.isTextual()) primaries.add(p.asText());
        JsonNode t = body.path("tsig");
        String proof = text(body, "proof");
        if (proof != null && !proof.equals("txt") && !proof.equals("rname")) {
            json(ctx, 400, Map.of("errors", Map.of("proof", "proof is \"rname\" (the default: a mail to the SOA "
                    + "contact) or \"txt\" (a TXT record in the zone).")));
            return;
        }
        Outcome o = signups.request(Kind.SIGNUP, ctx.ip(), body.path("domain").asText(""), primaries,
                text(t, "name"), text(t, "algorithm"), text(t, "secret"), "txt".equals(proof));
        if (o instanceof Outcome.Challenge c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", c.domain());
            m.put("proof", "txt");
            m.put("txt", Map.of("name", c.recordName(), "value", c.recordValue()));
            m.put("confirmUrl", c.confirmUrl());
            m.put("soaNote", c.soaNote());
            m.put("allowOnPrimary", c.allowOnPrimary());
            m.put("confirm", "Publish the TXT record in the zone, then open confirmUrl and press Confirm; it expires "
                    + "in 24 hours.");
            json(ctx, 202, m);
        } else if (o instanceof Outcome.Sent s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", s.domain());
            m.put("mailedTo", s.maskedMailbox());
            m.put("allowOnPrimary", s.allowOnPrimary());
            m.put("confirm", "Open the link in the mail and press Confirm; the link expires in 24 hours.");
            json(ctx, 202, m);
        } else if (o instanceof Outcome.Invalid i) {
            json(ctx, 400, Map.of("errors", i.errors()));
        } else if (o instanceof Outcome.Unverifiable u) {
            json(ctx, 422, Map.of("errors", u.errors()));
        } else if (o instanceof Outcome.Limited l) {
            ctx.header("Retry-After", "3600");
            json(ctx, 429, Map.of("error", l.message()));
        } else if (o instanceof Outcome.MailFailed f) {
            json(ctx, 503, Map.of("error", f.message()));
        }
    }

    void zone(Context ctx) {
        String domain;
        try {
            domain = DomainName.normalise(ctx.pathParam("domain"));
        } catch (DomainName.Invalid e) {
            json(ctx, 400, Map.of("errors", Map.of("domain", e.getMessage())));
            return;
        }
        Optional<ZoneStatus> s = statuses.status(domain);
        if (s.isEmpty()) {
            json(ctx, 404, Map.of("error", domain + " is not served by NS-Global."));
            return;
        }
        json(ctx, 200, toMap(s.get(), proofs.delegation(domain)));
    }

    /** @param parentCheck the periodic check of the parent's delegation (the status page's flag); empty = not run yet */
    static Map<String, Object> toMap(ZoneStatus s, Optional<DelegationState> parentCheck) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", s.domain());
        m.put("served", s.served());
        m.put("since", String.valueOf(s.since()));
        m.put("inSync", s.inSync());
        m.put("checkedAt", s.checkedAt() == null ? null : s.checkedAt().toString());
        m.put("primaries", s.primaries().stream().map(Api::server).toList());
        m.put("collector", server(s.collector()));
        m.put("sites", s.sites().stream().map(Api::server).toList());
        m.put("lastTransferAt", s.lastTransferAt() == null ? null : s.lastTransferAt().toString());
        Map<String, Object> err = null;
        if (s.lastError() != null) {
            err = new LinkedHashMap<>();
            err.put("error", s.lastError());
            err.put("fix", s.lastErrorFix());
        }
        m.put("lastError", err);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("checked", s.delegation().checked());
        d.put("source", s.delegation().atParent() ? "parent" : "zone");
        d.put("listsOurNameServers", s.delegation().complete());
        d.put("missing", s.delegation().missing());
        // The status page's "Not delegated by its parent": resolvers no longer reach our servers for the zone.
        d.put("delegatedByParent", parentCheck.map(DelegationState::delegated).orElse(null));
        d.put("parentCheck", parentCheck.map(Api::parentCheck).orElse(null));
        m.put("delegation", d);
        return m;
    }

    private static Map<String, Object> parentCheck(DelegationState p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent", p.parent());
        m.put("checkedAt", p.checkedAt().toString());
        m.put("since", p.since().toString());
        m.put("detail", p.detail());
        return m;
    }

    private static Map<String, Object> server(ZoneStatus.ServerSerial s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("serial", s.serial());
        m.put("problem", s.problem());
        return m;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard api: cannot serialise response", e);
        }
    }
}
