package net.nsglobal.te.engine;

import static net.nsglobal.te.config.Schema.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Section;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Applier;
import net.nsglobal.te.propose.LifecycleSettings;

/**
 * The route-change loop's part of the {@code te:} section ({@link net.nsglobal.te.config.Schema}), read beside the
 * observatory's {@link net.nsglobal.te.config.TeConfig} from the same section.
 *
 * <pre>
 * te:
 *   auto-apply: false                    # every proposal waits for an operator
 *   rollback-inflation: 5ms              # roll back at +5 ms p90 inflation …
 *   rollback-optimal-drop: 5             # … or −5 points at the optimal site
 *   proposal-interval: 5m
 *   verify-interval: 1m
 *   experiments-on-production: false     # the operator's consent to learning experiments
 *   configure-timeout: 2m                # BIRD reverts what is not confirmed by then
 *   health-bound: 1m
 *   routers: [ { site: fra1, socket: /run/bird/bird.ctl, config-file: /etc/bird/bird.conf } ]
 * </pre>
 *
 * @param routers site id → its router, in the file's order
 */
public record EngineSettings(LifecycleSettings lifecycle, Duration proposalInterval, Duration verifyInterval,
                             boolean experimentsOnProduction, int heldOutExperiments, double relearnProbeChange,
                             Duration experimentSettle, Duration experimentWait, Applier.Timing timing,
                             Map<String, RouterConfig> routers) {
    public EngineSettings {
        routers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routers));
    }

    /** Every key at its default and no routers: for the demo and tests, which bind their own appliers. */
    public static EngineSettings defaults() {
        try {
            return read(Section.empty(SECTION), Path.of("."));
        } catch (ConfigException e) {
            throw new IllegalStateException("te-engine engine: the schema's defaults do not read: " + e.getMessage(), e);
        }
    }

    public static EngineSettings read(Section s, Path baseDir) throws ConfigException {
        LifecycleSettings lifecycle = new LifecycleSettings(s.get(AUTO_APPLY), s.get(AUTO_APPLY_MAX_PROBES_MOVED),
                s.get(ROLLBACK_INFLATION).toNanos() / 1e6, s.get(ROLLBACK_OPTIMAL_DROP) / 100.0);
        Duration confirm = s.get(CONFIGURE_TIMEOUT);
        Duration bound = s.get(HEALTH_BOUND);
        if (bound.compareTo(confirm) >= 0) {
            throw new ConfigException(s.keyOf(HEALTH_BOUND.key()), "must be shorter than configure-timeout (" + confirm
                    + "): BIRD would revert the configuration while the health check still looks");
        }
        Applier.Timing timing = new Applier.Timing(confirm, bound, Duration.ofMillis(Math.min(1000, Math.max(100, bound.toMillis() / 20))));
        Map<String, RouterConfig> routers = new LinkedHashMap<>();
        for (Section r : s.list(ROUTERS)) {
            RouterConfig c = RouterConfig.read(r, baseDir);
            r.finish();
            if (routers.containsKey(c.site())) {
                throw new ConfigException(c.key() + ".site", "site " + c.site() + " is listed twice (first at "
                        + routers.get(c.site()).key() + ")");
            }
            routers.put(c.site(), c);
        }
        return new EngineSettings(lifecycle, s.get(PROPOSAL_INTERVAL), s.get(VERIFY_INTERVAL),
                s.get(EXPERIMENTS_ON_PRODUCTION), s.get(HELD_OUT_EXPERIMENTS), s.get(RELEARN_PROBE_CHANGE) / 100.0,
                s.get(EXPERIMENT_SETTLE), s.get(EXPERIMENT_WAIT), timing, routers);
    }

    /**
     * Checks the routers against the fleet: each names a site of {@code sites}, and each site has one (the engine
     * may change any site). The error names the key and the site.
     */
    public void checkRouters(List<Site> sites) throws ConfigException {
        List<String> ids = sites.stream().map(Site::id).toList();
        for (RouterConfig r : routers.values()) {
            if (!ids.contains(r.site())) {
                throw new ConfigException(r.key() + ".site", "no site '" + r.site() + "' in the sites: selection (have "
                        + String.join(", ", ids) + ")");
            }
        }
        for (String id : ids) {
            if (!routers.containsKey(id)) {
                throw new ConfigException(SECTION + "." + ROUTERS, "no item for site " + id + ": the engine applies "
                        + "changes to every site, so each needs its BIRD's socket and config-file (or narrow sites.only)");
            }
        }
    }
}
