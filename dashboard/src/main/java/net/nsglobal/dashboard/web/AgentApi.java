package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.nsglobal.te.announce.AgentLog;
import net.nsglobal.te.announce.AgentReportJson;
import net.nsglobal.te.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site agents' reports in and their state out, as JSON. Guard: an operator's API token ({@code Authorization:
 * Bearer}) or session ({@link OperatorAuth}); 401 otherwise.
 * <pre>
 * POST /api/v1/te/agents/{site}/events  one report (te-engine announce.AgentReportJson: a transition or a status)
 *                                       → 200 {"site","event","stored": true} | 400 {"error"} naming the field |
 *                                         415 (not JSON) | 503 {"error"} (store down: the agent tries again)
 * GET  /api/v1/te/agents                → 200 {"sites": [{"site","state","since","reason","drain","healthy_in_a_row",
 *                                         "failed_in_a_row","rise","fall","checks","last_check","applied",
 *                                         "apply_error","reported"}], "events": [{"site","event","time","from","to",
 *                                         "reason","checks"}, …newest first]}
 * </pre>
 * POST bodies must be {@code application/json}, which a cross-site HTML form cannot send. The site code is the
 * path's, checked against the sites' naming rule; the body never names another site.
 */
final class AgentApi implements WebModule {
    private static final Logger log = LoggerFactory.getLogger(AgentApi.class);
    /** Site codes as sites/*.yaml spells them (ams1, fra1, lab-2). */
    static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    static final int HISTORY = 200;

    private final Optional<AgentLog> agents;
    private final OperatorAuth auth;

    AgentApi(Optional<AgentLog> agents, OperatorAuth auth) {
        this.agents = agents;
        this.auth = auth;
    }

    static AgentLog log(Optional<AgentLog> agents) {
        return agents.orElseThrow(() -> new Halt(503, "No site agent store configured", "This NS-Global runs without "
                + "a store for the site agents' reports (the launcher configured none)."));
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(auth::requireBearerOrSession);
        r.get("/api/v1/te/agents", this::list);
        r.post("/api/v1/te/agents/{site}/events", this::report);
    }

    private void list(Context ctx) {
        AgentLog l = log(agents);
        List<Map<String, Object>> sites = new ArrayList<>();
        try {
            for (AgentLog.Site s : l.sites()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("site", s.state().site());
                Map<String, Object> st = AgentReportJson.map(s.state());
                st.remove("event");
                m.putAll(st);
                m.put("reported", s.reported().toString());
                sites.add(m);
            }
            List<Map<String, Object>> events = new ArrayList<>();
            for (AgentLog.Entry e : l.history(HISTORY)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("site", e.site());
                m.putAll(AgentReportJson.map(e.event()));
                events.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sites", sites);
            out.put("events", events);
            Api.json(ctx, 200, out);
        } catch (StoreException e) {
            throw new Halt(503, "Store unavailable", "The site agents' store cannot be read now: " + e.getMessage());
        }
    }

    private void report(Context ctx) {
        AgentLog l = log(agents);
        String site = ctx.pathParam("site");
        if (!SITE.matcher(site).matches()) {
            throw new Halt(400, "Bad request", "site: '" + site + "' is not a site code (lower-case letters, digits, "
                    + "'-', at most 32)");
        }
        String ct = ctx.contentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new Halt(415, "Unsupported media type", "Send the report as application/json.");
        }
        AgentReportJson.Report r;
        try {
            r = AgentReportJson.parse(site, ctx.body());
        } catch (IllegalArgumentException e) {
            throw new Halt(400, "Bad request", e.getMessage());
        }
        String event;
        try {
            if (r instanceof AgentReportJson.Report.Transition t) {
                l.record(site, t.event());
                event = t.event().event();
            } else {
                l.status(((AgentReportJson.Report.Status) r).state());
                event = "status";
            }
        } catch (StoreException e) {
            log.error("component=dashboard-agents site={} event=store-failed error=\"{}\"", site, e.getMessage());
            throw new Halt(503, "Store unavailable", "The report was not stored (" + e.getMessage() + "); send it again.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site", site);
        out.put("event", event);
        out.put("stored", true);
        Api.json(ctx, 200, out);
    }
}
