package net.nsglobal.te.announce;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.nsglobal.te.apply.BirdReply;
import net.nsglobal.te.apply.Birdc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site agent beside each edge: announces the anycast prefix from this site while the local dns-node is healthy and
 * withdraws it when it is not ("when a site goes offline, the BGP announcement from that location disappears"), with
 * rise/fall hysteresis as anycast-healthchecker and ExaBGP's healthcheck have it, and drains for maintenance with
 * RFC 8326 GRACEFUL_SHUTDOWN before withdrawing.
 *
 * <pre>
 *                     rise healthy rounds in a row, no drain
 *        ┌──────────────────────────────────────────────────────────┐
 *        │                                                          ▼
 *   WITHDRAWN ◀──── fall failed rounds in a row ────────────── ANNOUNCED
 *        ▲                                                       │    ▲
 *        │                                         drain (file   │    │ drain called off
 *        │                                         or command)   ▼    │ (still healthy)
 *        └──── drain-wait passed, or fall failed rounds ──── DRAINING
 *                                                  (announced + GRACEFUL_SHUTDOWN 65535:0)
 * </pre>
 *
 * A round runs every check (DNS on the anycast address, zones expired, collector reachable); it is healthy when every
 * verdict is. While a drain is requested, WITHDRAWN stays withdrawn whatever the checks say. Each transition rewrites
 * the {@link AnycastStateFile} and has BIRD re-read its configuration ({@code configure} on its control socket); if
 * BIRD refuses or cannot be reached, the state stands and the file is applied again every round until BIRD takes it.
 * Every transition is logged (component and site), counted ({@link AgentMetrics}), readable as an {@link AgentState}
 * and, after BIRD was told, reported ({@link AgentEvents#record}); every round ends with a {@link AgentEvents#status}
 * report. A reporter that fails never stops the round.
 *
 * <p>On start the agent resumes the state the file holds (a restarted agent does not withdraw a healthy site); with no
 * file it starts WITHDRAWN and announces after {@code rise} healthy rounds.
 */
public final class SiteAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteAgent.class);

    private final String site;
    private final List<Check> checks;
    private final int rise;
    private final int fall;
    private final Duration drainWait;
    private final Path maintenanceFile;
    private final AnycastStateFile stateFile;
    private final BirdConnector bird;
    private final Clock clock;
    private final AgentMetrics metrics;
    private final AgentEvents events;
    private final List<AgentEvent> unreported = new ArrayList<>();

    private AgentState.State state = AgentState.State.WITHDRAWN;
    private Instant since;
    private String reason = "starting";
    private boolean drainCommand;
    private int healthyInARow;
    private int failedInARow;
    private List<Verdict> lastChecks = List.of();
    private Instant lastCheck;
    private boolean applied;
    private String applyError;
    private ScheduledExecutorService timer;

    public SiteAgent(String site, List<Check> checks, int rise, int fall, Duration drainWait, Path maintenanceFile,
                     AnycastStateFile stateFile, BirdConnector bird, MeterRegistry registry, Clock clock) {
        this(site, checks, rise, fall, drainWait, maintenanceFile, stateFile, bird, AgentEvents.NONE, registry, clock);
    }

    /** As above, reporting every transition and round to {@code events}. */
    public SiteAgent(String site, List<Check> checks, int rise, int fall, Duration drainWait, Path maintenanceFile,
                     AnycastStateFile stateFile, BirdConnector bird, AgentEvents events, MeterRegistry registry,
                     Clock clock) {
        if (rise < 1 || fall < 1) throw new IllegalArgumentException("site-agent: rise and fall must be at least 1");
        this.site = site;
        this.checks = List.copyOf(checks);
        this.rise = rise;
        this.fall = fall;
        this.drainWait = drainWait;
        this.maintenanceFile = maintenanceFile;
        this.stateFile = stateFile;
        this.bird = bird;
        this.events = events;
        this.clock = clock;
        this.since = clock.instant();
        this.metrics = new AgentMetrics(registry, site, this::currentState);
    }

    private synchronized AgentState.State currentState() {
        return state;
    }

    /**
     * Takes the state the file holds (or WITHDRAWN, written, when there is none) and has BIRD read it. A drain that
     * was under way when the agent stopped restarts its wait.
     */
    public synchronized AgentState resume() throws IOException {
        var held = stateFile.read();
        state = held.orElse(AgentState.State.WITHDRAWN);
        since = clock.instant();
        reason = held.isPresent() ? "resumed from " + stateFile.path() : "no state file yet: withdrawn until healthy";
        log.info("component=site-agent site={} event=resume state={} file={}", site, state, stateFile.path());
        apply();
        AgentState now = snapshot();
        report(now);
        return now;
    }

    /** One round: run every check, move the state machine, apply a change (or retry an unapplied one). */
    public synchronized AgentState tick() {
        Instant now = clock.instant();
        List<Verdict> verdicts = new ArrayList<>(checks.size());
        for (Check c : checks) {
            Verdict v;
            try {
                v = c.run();
            } catch (RuntimeException e) { // a bug in a check must not stop the agent: it counts as a failure
                v = Verdict.unhealthy(c.name(), "check failed: " + e);
            }
            if (!v.healthy()) metrics.checkFailed(v.check());
            verdicts.add(v);
        }
        lastChecks = verdicts;
        lastCheck = now;
        boolean healthy = verdicts.stream().allMatch(Verdict::healthy);
        if (healthy) {
            healthyInARow++;
            failedInARow = 0;
        } else {
            failedInARow++;
            healthyInARow = 0;
        }
        boolean drain = drainRequested();
        String failing = verdicts.stream().filter(v -> !v.healthy()).map(Verdict::toString)
                .collect(Collectors.joining("; "));
        switch (state) {
            case ANNOUNCED -> {
                if (drain) move(AgentState.State.DRAINING, now, drainWhy() + ": GRACEFUL_SHUTDOWN for " + drainWait.toSeconds() + "s, then withdraw");
                else if (failedInARow >= fall) move(AgentState.State.WITHDRAWN, now, fall + " failed rounds in a row: " + failing);
            }
            case DRAINING -> {
                if (failedInARow >= fall) move(AgentState.State.WITHDRAWN, now, "unhealthy while draining, " + fall + " failed rounds in a row: " + failing);
                else if (!drain) move(AgentState.State.ANNOUNCED, now, "drain called off before the withdrawal");
                else if (Duration.between(since, now).compareTo(drainWait) >= 0) move(AgentState.State.WITHDRAWN, now, "drained: drain-wait " + drainWait.toSeconds() + "s passed");
            }
            case WITHDRAWN -> {
                if (!drain && healthyInARow >= rise) move(AgentState.State.ANNOUNCED, now, rise + " healthy rounds in a row");
            }
        }
        if (!applied) apply();
        AgentState after = snapshot();
        report(after);
        return after;
    }

    /** BIRD was told (or tried): now the reports, which must not fail the round. */
    private void report(AgentState now) {
        try {
            for (AgentEvent e : unreported) events.record(site, e);
            events.status(now);
        } catch (RuntimeException e) {
            log.error("component=site-agent site={} event=report-failed error=\"{}\"", site, e.toString());
        } finally {
            unreported.clear();
        }
    }

    private void move(AgentState.State to, Instant now, String why) {
        AgentState.State from = state;
        state = to;
        since = now;
        reason = why;
        applied = false;
        metrics.transition(from, to);
        unreported.add(new AgentEvent(now, from, to, why, lastChecks));
        String event = AgentEvent.eventOf(to);
        log.warn("component=site-agent site={} event={} from={} to={} reason=\"{}\"", site, event, from, to, why);
    }

    /** Writes the state file and has BIRD read it; a failure is kept in the state and retried next round. */
    private void apply() {
        try {
            stateFile.write(site, state);
        } catch (IOException e) {
            fail("cannot write " + stateFile.path() + ": " + e);
            return;
        }
        // configure re-reads the configuration and with it the included state file; only filters changed, so BIRD
        // re-evaluates the exports in place without resetting the BGP sessions.
        BirdReply r;
        try (Birdc b = bird.open()) {
            r = b.send("configure");
        } catch (IOException e) {
            fail("configure on " + bird.endpoint() + ": " + e.getMessage());
            return;
        }
        if (r.ok()) {
            applied = true;
            applyError = null;
            log.info("component=site-agent site={} event=applied state={} bird=\"{}\"", site, state,
                    r.text().replace('\n', ' '));
        } else {
            fail("configure on " + bird.endpoint() + " refused: " + r.text().replace('\n', ' '));
        }
    }

    private void fail(String why) {
        applied = false;
        applyError = why;
        metrics.applyFailed();
        log.error("component=site-agent site={} event=apply-failed state={} error=\"{}\" (retried next round)", site,
                state, why);
    }

    private boolean drainRequested() {
        return drainCommand || (maintenanceFile != null && Files.exists(maintenanceFile));
    }

    private String drainWhy() {
        return drainCommand ? "drain requested" : "maintenance file " + maintenanceFile + " present";
    }

    /** Requests maintenance: the next round starts draining (the maintenance file does the same). */
    public synchronized void drain() {
        drainCommand = true;
    }

    /** Calls off a drain requested by {@link #drain} (a maintenance file present still drains). */
    public synchronized void undrain() {
        drainCommand = false;
    }

    public synchronized AgentState snapshot() {
        return new AgentState(site, state, since, reason, drainRequested(), healthyInARow, failedInARow, rise, fall,
                lastChecks, lastCheck, applied, applyError);
    }

    /** Resumes and runs a round every {@code interval} on a thread of its own until {@link #close}. */
    public synchronized void start(Duration interval) throws IOException {
        if (timer != null) throw new IllegalStateException("site-agent " + site + " already started");
        resume();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-agent-" + site);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) { // the next round must still run
                log.error("component=site-agent site={} event=round-failed error=\"{}\"", site, e.toString(), e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the rounds, then a reporter that can be closed (an {@link HttpAgentEvents}); the state file and BIRD keep
     * the last state (stopping the agent is not a withdrawal).
     */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (events instanceof HttpAgentEvents h) h.close();
    }
}
