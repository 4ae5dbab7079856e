package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;

/**
 * The observatory's figures as JSON, for operators' own tools. Guard: an operator's API token
 * ({@code Authorization: Bearer TOKEN}) or session ({@link OperatorAuth}); 401 otherwise.
 * <pre>
 * GET /api/v1/te/catchment → 200 {"round_id","time","probes": [{"prb_id","asn","country","lat","lon","site","rtt_ms",
 *                                  "oracle_ms","inflation_ms","at_optimal"}, …]}      (the latest round)
 * GET /api/v1/te/summary   → 200 {"round_id","time","regions": [{"region","probes","share_per_site","p50_rtt_ms",
 *                                  "p90_rtt_ms","p50_inflation_ms","p90_inflation_ms","share_at_optimal"}, …]}
 *                          → 503 {"error"} without an observatory
 * </pre>
 * Before the first complete round, {@code round_id} and {@code time} are null and the lists empty. Unknown numbers
 * (no answer, no oracle) are null: JSON has no NaN (RFC 8259 §6).
 */
final class ObservatoryApi implements WebModule {
    private final Optional<Observatory> observatory;
    private final OperatorAuth auth;

    ObservatoryApi(Optional<Observatory> observatory, OperatorAuth auth) {
        this.observatory = observatory;
        this.auth = auth;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(auth::requireBearerOrSession);
        r.get("/api/v1/te/catchment", this::catchment);
        r.get("/api/v1/te/summary", this::summary);
    }

    private Optional<CatchmentSnapshot> latest() {
        return observatory.orElseThrow(() -> new Halt(503, "No observatory configured",
                "This NS-Global runs without the observatory (no measurement backend is configured).")).latest();
    }

    private void catchment(Context ctx) {
        Optional<CatchmentSnapshot> snap = latest();
        List<Map<String, Object>> probes = new ArrayList<>();
        for (ProbeRound p : snap.map(CatchmentSnapshot::probes).orElse(List.of())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("prb_id", p.probeId());
            m.put("asn", p.asn());
            m.put("country", p.country());
            m.put("lat", number(p.lat()));
            m.put("lon", number(p.lon()));
            m.put("site", p.site());
            m.put("rtt_ms", number(p.rttMs()));
            m.put("oracle_ms", number(p.oracleMs()));
            m.put("inflation_ms", number(p.inflationMs()));
            m.put("at_optimal", p.atOptimal());
            probes.add(m);
        }
        Map<String, Object> body = round(snap);
        body.put("probes", probes);
        Api.json(ctx, 200, body);
    }

    private void summary(Context ctx) {
        Optional<CatchmentSnapshot> snap = latest();
        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegionSummary r : snap.map(CatchmentSnapshot::regions).orElse(List.of())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", r.key());
            m.put("probes", r.probes());
            Map<String, Object> share = new TreeMap<>();
            r.sharePerSite().forEach((site, v) -> share.put(site, number(v)));
            m.put("share_per_site", share);
            m.put("p50_rtt_ms", number(r.p50RttMs()));
            m.put("p90_rtt_ms", number(r.p90RttMs()));
            m.put("p50_inflation_ms", number(r.p50InflationMs()));
            m.put("p90_inflation_ms", number(r.p90InflationMs()));
            m.put("share_at_optimal", number(r.shareAtOptimal()));
            regions.add(m);
        }
        Map<String, Object> body = round(snap);
        body.put("regions", regions);
        Api.json(ctx, 200, body);
    }

    private static Map<String, Object> round(Optional<CatchmentSnapshot> snap) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round_id", snap.map(CatchmentSnapshot::roundId).orElse(null));
        m.put("time", snap.map(s -> s.time().toString()).orElse(null));
        return m;
    }

    private static Double number(double v) { return Double.isNaN(v) || Double.isInfinite(v) ? null : v; }
}
