package net.nsglobal.te.apply;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import net.nsglobal.platform.sites.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies TE knobs to one site's running BIRD 2 so that a bad configuration cannot stay: BIRD's own
 * {@code configure … timeout} keeps the old configuration in memory and returns to it unless confirmed, so even an
 * applier that dies mid-way leaves the site as it was.
 * <pre>
 *   RENDER ──template or knobs error──────────────────────────────▶ Refused(render)
 *     │
 *   PARSE (bird -p -c FILE, locally) ──BIRD's message────────────────▶ Refused(parse)
 *     │
 *   DIFF against the running file ──no difference───────────────────▶ Unchanged
 *     │
 *   WRITE candidate file beside the running one
 *     │
 *   CHECK (configure check "CANDIDATE") ──8xxx/9xxx──────────────────▶ Refused(configure check)
 *     │
 *   CONFIGURE (configure "CANDIDATE" timeout N) ──8xxx/9xxx──────────▶ Refused(configure)
 *     │ 0003 Reconfigured, undo scheduled                             ▶ Pending   (configure() stops here)
 *   HEALTH (polled up to the bound; sessions Established, exports,
 *           the neighbour's view of path and communities) ──unhealthy──▶ UNDO (configure undo) ──▶ Reverted
 *     │
 *   CONFIRM (configure confirm) ──not 0018─────────────────────────────▶ Reverted (BIRD's timeout reverts)
 *     │ 0018 Reconfiguration confirmed
 *   PROMOTE (candidate renamed over the running file) ─────────────────▶ Applied
 * </pre>
 * A filter-only change keeps BGP sessions up: BIRD reconfigures a channel whose export filter changed by re-running
 * the export, without restarting the protocol. Rollback is not special: it applies the knobs that ran before the last
 * applied change, through the same states.
 */
public final class Applier {
    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    /** Renders the configuration for knobs ({@code BirdConfig::render} bound to the site). */
    @FunctionalInterface
    public interface Renderer {
        String render(Knobs knobs) throws IOException;
    }

    /**
     * @param confirmTimeout BIRD's {@code configure … timeout}: how long an unconfirmed configuration lives
     * @param healthBound    how long the health check may take to come true; shorter than the confirm timeout
     * @param healthPoll     pause between health looks
     */
    public record Timing(Duration confirmTimeout, Duration healthBound, Duration healthPoll) {
        public Timing {
            if (confirmTimeout.toSeconds() < 1) throw new IllegalArgumentException("te-engine apply: confirm timeout under 1 s");
            if (healthBound.compareTo(confirmTimeout) >= 0) {
                throw new IllegalArgumentException("te-engine apply: health bound " + healthBound
                        + " must be shorter than the confirm timeout " + confirmTimeout + " (else BIRD reverts while we still look)");
            }
        }

        public static Timing standard() {
            return new Timing(Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMillis(500));
        }
    }

    private final Site site;
    private final SiteHost host;
    private final Renderer renderer;
    private final BirdParser parser;
    private final HealthCheck health;
    private final Timing timing;
    private Knobs running;
    private Knobs previous;

    /** {@code running}: the knobs of the configuration the site runs now. */
    public Applier(Site site, SiteHost host, Renderer renderer, BirdParser parser, HealthCheck health, Timing timing, Knobs running) {
        this.site = site;
        this.host = host;
        this.renderer = renderer;
        this.parser = parser;
        this.health = health;
        this.timing = timing;
        this.running = running;
    }

    /** An applier rendering with {@code config} for {@code site}. */
    public static Applier of(BirdConfig config, Site site, SiteHost host, HealthCheck health, Timing timing, Knobs running) {
        return new Applier(site, host, k -> config.render(site, k), new BirdParser(), health, timing, running);
    }

    /** The knobs the site runs as far as this applier knows (after the last Applied). */
    public synchronized Knobs running() {
        return running;
    }

    /** All states: render, parse, diff, write, check, configure, health, confirm or undo. */
    public synchronized ApplyOutcome apply(Knobs next) throws IOException {
        ApplyOutcome o = configure(next);
        return o instanceof ApplyOutcome.Pending p ? settle(p) : o;
    }

    /** Applies the knobs that ran before the last Applied change; Unchanged if there was none. */
    public synchronized ApplyOutcome rollback() throws IOException {
        if (previous == null) return new ApplyOutcome.Unchanged();
        return apply(previous);
    }

    /** The states up to CONFIGURE: BIRD runs {@code next} on probation, or the attempt ended before. */
    public synchronized ApplyOutcome configure(Knobs next) throws IOException {
        String text;
        try {
            text = renderer.render(next);
        } catch (IOException | RuntimeException e) {
            return refused("render", e.getMessage());
        }
        Optional<String> parse = parser.problem(text);
        if (parse.isPresent()) return refused("parse", parse.get());
        String diff = UnifiedDiff.of(host.runningFile(), host.readRunning(), host.candidateFile(), text);
        if (diff.isEmpty()) {
            LOG.info("te-engine apply: site {}: configuration unchanged", site.id());
            return new ApplyOutcome.Unchanged();
        }
        LOG.info("te-engine apply: site {} on {}: applying\n{}", site.id(), host.describe(), diff);
        host.writeCandidate(text);
        String file = Birdc.quote(host.candidateFile());
        try (Birdc bird = host.birdc()) {
            BirdReply check = bird.send("configure check " + file);
            if (!check.ok()) return refused("configure check", check.message());
            long at = System.nanoTime();
            BirdReply conf = bird.send("configure " + file + " timeout " + timing.confirmTimeout().toSeconds());
            if (!conf.ok()) return refused("configure", conf.message());
            return new ApplyOutcome.Pending(next, diff, at, timing.confirmTimeout());
        }
    }

    /** From Pending: HEALTH, then CONFIRM and PROMOTE, or UNDO. */
    public synchronized ApplyOutcome settle(ApplyOutcome.Pending p) throws IOException {
        try (Birdc bird = host.birdc()) {
            long deadline = System.nanoTime() + timing.healthBound().toNanos();
            Optional<String> problem;
            while (true) {
                problem = health.problem(bird, site, p.knobs());
                if (problem.isEmpty() || System.nanoTime() >= deadline) break;
                pause(timing.healthPoll());
            }
            if (problem.isPresent()) {
                String reason = "unhealthy after " + timing.healthBound().toSeconds() + " s: " + problem.get();
                BirdReply undo = bird.send("configure undo");
                if (!undo.ok()) reason += "; configure undo failed (" + undo.message() + "), BIRD's timeout reverts it";
                LOG.warn("te-engine apply: site {}: reverted: {}", site.id(), reason);
                return new ApplyOutcome.Reverted(reason, p.diff());
            }
            Duration healthyAfter = Duration.ofNanos(System.nanoTime() - p.configuredAtNanos());
            BirdReply confirm = bird.send("configure confirm");
            if (!confirm.ok() || !confirm.has(18)) {
                String reason = "configure confirm answered " + confirm + "; BIRD's timeout reverts it";
                LOG.warn("te-engine apply: site {}: {}", site.id(), reason);
                return new ApplyOutcome.Reverted(reason, p.diff());
            }
            host.promoteCandidate();
            previous = running;
            running = p.knobs();
            LOG.info("te-engine apply: site {}: applied and confirmed, healthy after {} ms", site.id(), healthyAfter.toMillis());
            return new ApplyOutcome.Applied(p.diff(), healthyAfter);
        }
    }

    private ApplyOutcome refused(String stage, String message) {
        LOG.warn("te-engine apply: site {}: refused at {}: {}", site.id(), stage, message);
        return new ApplyOutcome.Refused(stage, message);
    }

    private static void pause(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("te-engine apply: interrupted during the health check", e);
        }
    }
}
