package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.store.DelegationState;
import net.nsglobal.control.store.ProofStore;

/**
 * The operators' JSON API. Guard: an operator's API token ({@code Authorization: Bearer TOKEN}) or session
 * ({@link OperatorAuth}); 401 otherwise.
 * <pre>
 * GET /api/v1/ops/undelegated → 200 {"zones": [{"domain","parent","since","checkedAt","detail"}, …]} | 401 {"error"}
 * </pre>
 */
final class OpsApi implements WebModule {
    private final ProofStore proofs;
    private final OperatorAuth auth;

    OpsApi(ProofStore proofs, OperatorAuth auth) {
        this.proofs = proofs;
        this.auth = auth;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(auth::requireBearerOrSession);
        r.get("/api/v1/ops/undelegated", this::undelegated);
    }

    /** Served zones whose parent no longer delegates to them (the periodic check's flags), longest-flagged first. */
    private void undelegated(Context ctx) {
        List<Map<String, Object>> zones = proofs.undelegated().stream().map(OpsApi::row).toList();
        Api.json(ctx, 200, Map.of("zones", zones));
    }

    static Map<String, Object> row(DelegationState d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.domain());
        m.put("parent", d.parent());
        m.put("since", d.since().toString());
        m.put("checkedAt", d.checkedAt().toString());
        m.put("detail", d.detail());
        return m;
    }
}
