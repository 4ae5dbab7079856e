package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.store.DelegationState;
import net.nsglobal.control.store.ProofStore;

/**
 * Operators' endpoints. There is no operator login yet, so they answer only clients on the loopback interface (an
 * operator on the host or through an SSH tunnel); anyone else gets 403. Behind a reverse proxy on the same host every
 * client looks local: do not route {@code /api/v1/ops/} through one.
 * <pre>
 * GET /api/v1/ops/undelegated → 200 {"zones": [{"domain","parent","since","checkedAt","detail"}, …]}
 * </pre>
 */
final class Ops {
    private final ProofStore proofs;

    Ops(ProofStore proofs) { this.proofs = proofs; }

    /** Served zones whose parent no longer delegates to them (the periodic check's flags), longest-flagged first. */
    void undelegated(Context ctx) {
        if (!local(ctx.ip())) {
            Api.json(ctx, 403, Map.of("error", "Operators' endpoints answer only on the loopback interface."));
            return;
        }
        List<Map<String, Object>> zones = proofs.undelegated().stream().map(Ops::row).toList();
        Api.json(ctx, 200, Map.of("zones", zones));
    }

    private static Map<String, Object> row(DelegationState d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.domain());
        m.put("parent", d.parent());
        m.put("since", d.since().toString());
        m.put("checkedAt", d.checkedAt().toString());
        m.put("detail", d.detail());
        return m;
    }

    private static boolean local(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
