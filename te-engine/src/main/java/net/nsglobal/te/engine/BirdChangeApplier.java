package net.nsglobal.te.engine;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Applier;
import net.nsglobal.te.apply.ApplyOutcome;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.BirdParser;
import net.nsglobal.te.apply.BirdReply;
import net.nsglobal.te.apply.Birdc;
import net.nsglobal.te.apply.HealthCheck;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.apply.RouteHealth;
import net.nsglobal.te.apply.SiteHost;
import net.nsglobal.te.propose.ChangeApplier;

/**
 * The production {@link ChangeApplier}: a site's configuration rendered with the new knobs ({@link BirdConfig}) and
 * put into effect by the {@link Applier} over the site's control connection — {@code bird -p}, diff against the
 * running file, {@code configure check}, {@code configure "FILE" timeout N}, the health check, {@code configure
 * confirm} — on the host its {@code te.routers} item names (local socket, or SSH with a pinned host key). Each change
 * opens its own connection (an SSH session held for hours would go stale) and first asks BIRD for its status, so a
 * site that cannot be reached is refused before anything is written.
 *
 * <p>The answers are honest: Applied only when BIRD confirmed the configuration (or the running file already held
 * it); Refused when it stopped before BIRD switched (render, parse, check, configure, or the site out of reach);
 * Reverted when BIRD ran it and it was undone — also when the connection broke after the switch, since an unconfirmed
 * configuration is reverted by BIRD's own timeout.
 */
public final class BirdChangeApplier implements ChangeApplier {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BirdChangeApplier.class);
    /** Opens the host a router item names ({@link SiteHosts#open} in production). */
    @FunctionalInterface
    public interface HostOpener {
        SiteHost open(RouterConfig router) throws IOException;
    }

    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Map<String, RouterConfig> routers;
    private final BirdConfig config;
    private final BirdParser parser;
    private final HealthCheck health;
    private final Applier.Timing timing;
    private final HostOpener opener;

    public BirdChangeApplier(List<Site> sites, Map<String, RouterConfig> routers, BirdConfig config, BirdParser parser,
                             HealthCheck health, Applier.Timing timing, HostOpener opener) {
        sites.forEach(s -> this.sites.put(s.id(), s));
        this.routers = Map.copyOf(routers);
        this.config = config;
        this.parser = parser;
        this.health = health;
        this.timing = timing;
        this.opener = opener;
    }

    /** With the standard parser ({@code bird -p}), the site's own health view and {@link SiteHosts#open}. */
    public static BirdChangeApplier of(List<Site> sites, EngineSettings settings, BirdConfig config) {
        return new BirdChangeApplier(sites, settings.routers(), config, new BirdParser(), new RouteHealth(), settings.timing(),
                SiteHosts::open);
    }

    @Override
    public Outcome apply(String siteId, Knobs knobs) {
        Site site = sites.get(siteId);
        RouterConfig router = routers.get(siteId);
        if (site == null || router == null) {
            return new Outcome.Refused("site " + siteId + ": " + (site == null ? "not in the fleet" : "no te.routers item"));
        }
        SiteHost host;
        try {
            host = opener.open(router);
        } catch (IOException | RuntimeException e) {
            return new Outcome.Refused("site " + siteId + " (" + router.describe() + ") out of reach: " + e.getMessage());
        }
        try {
            return apply(site, host, knobs);
        } finally {
            try {
                host.close();
            } catch (IOException e) {
                log.warn("te-engine apply: site {}: closing the connection to {} failed: {}", siteId, host.describe(), e.getMessage());
            }
        }
    }

    private Outcome apply(Site site, SiteHost host, Knobs knobs) {
        String id = site.id();
        try (Birdc bird = host.birdc()) {
            BirdReply status = bird.send("show status");
            if (!status.ok()) return new Outcome.Refused("site " + id + ": show status answered " + status.message());
        } catch (IOException | RuntimeException e) {
            return new Outcome.Refused("site " + id + " (" + host.describe() + ") out of reach: " + e.getMessage());
        }
        Applier applier = new Applier(site, host, k -> config.render(site, k), parser, health, timing, knobs);
        ApplyOutcome o;
        try {
            o = applier.apply(knobs);
        } catch (IOException | RuntimeException e) {
            return new Outcome.Reverted("site " + id + " (" + host.describe() + "): connection lost during the change ("
                    + e.getMessage() + "); nothing was confirmed, so BIRD keeps or returns to its previous configuration "
                    + "within " + timing.confirmTimeout().toSeconds() + " s");
        }
        if (o instanceof ApplyOutcome.Applied a) {
            return new Outcome.Applied("confirmed on " + host.describe() + ", healthy after " + a.healthyAfter().toMillis() + " ms");
        }
        if (o instanceof ApplyOutcome.Unchanged) return new Outcome.Applied(host.describe() + " already runs this configuration");
        if (o instanceof ApplyOutcome.Refused r) return new Outcome.Refused("site " + id + ": refused at " + r.stage() + ": " + r.message());
        if (o instanceof ApplyOutcome.Reverted r) return new Outcome.Reverted("site " + id + ": " + r.reason());
        return new Outcome.Reverted("site " + id + ": left unconfirmed (" + o + "); BIRD's timeout reverts it");
    }
}
