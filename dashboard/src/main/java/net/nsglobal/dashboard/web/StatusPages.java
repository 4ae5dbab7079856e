package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.status.StatusService;
import net.nsglobal.control.status.ZoneStatus;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.validate.DomainName;

/** The public zone status: the look-up form ({@code /zones}) and a zone's page ({@code /zones/{domain}}). No POST. */
final class StatusPages implements WebModule {
    private final ControlPlaneConfig config;
    private final StatusService statuses;
    private final ProofStore proofs;
    private final boolean demo;
    private final Pages pages;

    /** @param demo show the dig line for each (loopback) site, as the demo does */
    StatusPages(ControlPlaneConfig config, StatusService statuses, ProofStore proofs, boolean demo, Pages pages) {
        this.config = config;
        this.statuses = statuses;
        this.proofs = proofs;
        this.demo = demo;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        Mount r = routes.guarded(Pages::csrfOnPost);
        r.get("/zones", this::lookup);
        r.get("/zones/{domain}", this::statusPage);
    }

    private void lookup(Context ctx) {
        String d = ctx.queryParam("domain");
        if (d == null) {
            Map<String, Object> m = new HashMap<>();
            m.put("csrf", Csrf.token(ctx));
            m.put("domain", "");
            m.put("error", null); // no error: the field renders without error styling
            pages.render(ctx, 200, "lookup.jte", m);
            return;
        }
        try {
            ctx.redirect("/zones/" + DomainName.normalise(d), HttpStatus.SEE_OTHER);
        } catch (DomainName.Invalid e) {
            Map<String, Object> m = new HashMap<>();
            m.put("csrf", Csrf.token(ctx));
            m.put("domain", d);
            m.put("error", e.getMessage());
            pages.render(ctx, 400, "lookup.jte", m);
        }
    }

    private void statusPage(Context ctx) {
        String domain;
        try {
            domain = DomainName.normalise(ctx.pathParam("domain"));
        } catch (DomainName.Invalid e) {
            pages.page(ctx, 400, "Not a domain", e.getMessage(), "/zones", "Look up another zone");
            return;
        }
        Optional<ZoneStatus> s = statuses.status(domain);
        if (s.isEmpty()) {
            pages.page(ctx, 404, domain + " is not served by NS-Global", "We have no confirmed zone " + domain
                    + ". If you signed it up, open the link in the confirmation mail first.", "/?domain=" +
                    URLEncoder.encode(domain, StandardCharsets.UTF_8), "Add " + domain);
            return;
        }
        boolean confirmed = "1".equals(ctx.queryParam("confirmed"));
        int refresh = confirmed && !s.get().inSync() ? 2 : 0;
        Map<String, Object> m = new HashMap<>(Map.of("s", s.get(), "confirmed", confirmed, "refresh", refresh,
                "tryIt", tryIt(domain)));
        m.put("undelegated", proofs.delegation(domain).filter(d -> !d.delegated()).orElse(null));
        pages.render(ctx, 200, "status.jte", m);
    }

    /** In the demo, the dig line for each site, so the newcomer can ask every edge (sites are on loopback there). */
    private List<String> tryIt(String domain) {
        if (!demo) return List.of();
        return config.edges().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "dig @" + e.getValue().getAddress().getHostAddress() + " -p " + e.getValue().getPort() + " "
                        + domain + " SOA +nsid    # " + e.getKey())
                .toList();
    }
}
