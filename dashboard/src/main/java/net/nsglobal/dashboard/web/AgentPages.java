package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.te.announce.AgentLog;
import net.nsglobal.te.store.StoreException;

/**
 * The site agents' operator page, over {@link AgentLog} only:
 * <pre>
 * GET /ops/te/agents   per site: state (announced, draining, withdrawn), since when and why, BIRD applied or its
 *                      error, the last check round's verdicts, when the agent last reported; then the history of
 *                      announce, drain and withdraw, newest first
 * </pre>
 * Guard: a live operator session (else 303 to the log-in). Without a store the page says so with 503.
 */
final class AgentPages implements WebModule {
    private final Optional<AgentLog> agents;
    private final OperatorAuth auth;
    private final Pages pages;

    AgentPages(Optional<AgentLog> agents, OperatorAuth auth, Pages pages) {
        this.agents = agents;
        this.auth = auth;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(Pages::csrfOnPost).guarded(auth::requireSession);
        r.get("/ops/te/agents", this::page);
    }

    private void page(Context ctx) {
        AgentLog l = AgentApi.log(agents);
        Map<String, Object> m = new HashMap<>();
        try {
            m.put("sites", l.sites());
            m.put("events", l.history(AgentApi.HISTORY));
        } catch (StoreException e) {
            throw new Halt(503, "Store unavailable", "The site agents' store cannot be read now: " + e.getMessage());
        }
        pages.render(ctx, 200, "ops/te/agents.jte", m);
    }
}
