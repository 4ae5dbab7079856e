package net.nsglobal.control.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.probe.DnsProbe;
import net.nsglobal.control.probe.TransferCheck;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zone status for the status page and {@code GET /api/v1/zones/{domain}}. Pages and the API only READ the last stored
 * result ({@link StatusStore}, table {@code zone_status}) and its age; the checks ({@link StatusCheck}) run only as
 * background jobs on the control plane's {@link Jobs}, which write their results there, so results survive a restart.
 * <ul>
 *   <li>{@value #RECHECK} runs the requested checks. A request is coalesced: a zone already requested or being
 *   checked is not requested again, so however many people watch a zone, its primaries, parent servers and our sites
 *   see one check at a time, and at most one per {@value #FRESH_SECONDS} s from page views.</li>
 *   <li>{@value #REFRESH} requests every zone every {@value #REFRESH_SECONDS} s, so "last transfer" and "last error"
 *   are recorded even when nobody looks.</li>
 * </ul>
 * A view of a stale result (older than {@value #FRESH_SECONDS} s) requests a check and is served the stale result at
 * once. Only a view of a zone without a usable result (never checked, changed by its owner since, or checked under
 * other settings) waits, for that one shared check, at most {@value #FIRST_WAIT_SECONDS} s, then shows "checking".
 * <pre>
 *   (no result) --view / REFRESH--> requested --RECHECK job takes it--> checking --result stored--> fresh
 *        ^                              ^  ^                                                          |
 *        |                              |  +---- view of a stale result (served at once) ---- stale <-+ FRESH elapses
 *        |                              +------- zone changed by its owner, or other settings (view waits) --+
 *        +-- zone removed (its row goes with it)
 *   requested/checking + view or REFRESH: absorbed (no second check)
 * </pre>
 */
public final class StatusService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusService.class);
    /** The job running requested checks. */
    public static final String RECHECK = "status-recheck";
    /** The job requesting a check of every zone. */
    public static final String REFRESH = "status-refresh";
    static final int FRESH_SECONDS = 2;
    static final int FIRST_WAIT_SECONDS = 20;
    static final int REFRESH_SECONDS = 30;
    /** How often RECHECK looks for requests even if not woken (a request racing the end of a run is not lost). */
    private static final Duration RECHECK_BACKSTOP = Duration.ofSeconds(5);
    private static final Duration FRESH = Duration.ofSeconds(FRESH_SECONDS);

    private final ControlPlaneConfig config;
    private final Repository repo;
    private final StatusCheck check;
    private final StatusStore store;
    private final Clock clock;
    private final Jobs jobs;
    /** Requested or running checks by zone: every viewer of a zone waits on the one future. */
    private final Map<String, CompletableFuture<ZoneStatus>> pending = new ConcurrentHashMap<>();
    /** Requested checks not yet taken by {@value #RECHECK}, in request order. */
    private final Queue<ZoneEntry> requested = new ConcurrentLinkedQueue<>();
    /** Runs the checks of one RECHECK round; two at a time keeps a big zone list from piling up. */
    private final ExecutorService checkers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "control-plane-status-check");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public StatusService(ControlPlaneConfig config, Repository repo, Jdbi jdbi, DnsProbe probe, TransferCheck transfers,
                         Clock clock, Jobs jobs) {
        this.config = config;
        this.repo = repo;
        this.check = new StatusCheck(config, repo, probe, transfers);
        this.store = new StatusStore(jdbi);
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Registers {@value #RECHECK} and {@value #REFRESH} (before {@link Jobs#start}). */
    public void registerJobs() throws JobsException {
        jobs.everyDelay(RECHECK, RECHECK_BACKSTOP, this::runRequested);
        jobs.everyDelay(REFRESH, Duration.ofSeconds(REFRESH_SECONDS), this::requestAll);
    }

    /**
     * The last result for the page (empty when NS-Global does not serve the domain). Never probes in the caller: a
     * missing or stale result is requested from the {@value #RECHECK} job.
     */
    public Optional<ZoneStatus> status(String domain) {
        Optional<ZoneEntry> z = repo.zone(domain);
        if (z.isEmpty()) return Optional.empty();
        StatusStore.Stored last = store.load(domain).filter(s -> s.status() != null).orElse(null);
        boolean outdated = last == null || !last.inputs().equals(check.inputs())
                || (z.get().updatedAt() != null && z.get().updatedAt().isAfter(last.checkedAt()));
        if (outdated) return Optional.of(await(request(z.get()), z.get()));
        if (last.checkedAt().plus(FRESH).isBefore(clock.instant())) request(z.get());
        return Optional.of(last.status());
    }

    /** Requests a check of {@code z} unless one is requested or running; every caller gets that one check. */
    CompletableFuture<ZoneStatus> request(ZoneEntry z) {
        CompletableFuture<ZoneStatus> mine = new CompletableFuture<>();
        CompletableFuture<ZoneStatus> theirs = pending.putIfAbsent(z.domain(), mine);
        if (theirs != null) return theirs;
        requested.add(z);
        try {
            jobs.runNow(RECHECK);
        } catch (JobsException | RuntimeException e) {
            // The backstop schedule still takes the request.
            log.warn("status {}: cannot wake {}: {}", z.domain(), RECHECK, e.toString());
        }
        return mine;
    }

    /** {@value #REFRESH}: requests a check of every zone (zones already requested are not requested again). */
    void requestAll() {
        for (ZoneEntry z : repo.zones()) request(z);
    }

    /** {@value #RECHECK}: runs every requested check, including those requested meanwhile, and stores the results. */
    void runRequested() throws InterruptedException {
        while (!closed) {
            List<CompletableFuture<Void>> round = new ArrayList<>();
            for (ZoneEntry z; (z = requested.poll()) != null; ) {
                ZoneEntry zone = z;
                round.add(CompletableFuture.runAsync(() -> checkAndStore(zone), checkers));
            }
            if (round.isEmpty()) return;
            CompletableFuture<Void> all = CompletableFuture.allOf(round.toArray(CompletableFuture[]::new));
            while (!all.isDone() && !closed) {
                try {
                    all.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // ExecutionException: checkAndStore logs and never throws; TimeoutException: look at closed again
                }
            }
        }
    }

    private void checkAndStore(ZoneEntry z) {
        CompletableFuture<ZoneStatus> f = pending.get(z.domain());
        try {
            ZoneStatus s = check.run(z, clock.instant());
            store.save(s, check.inputs());
            if (f != null) f.complete(s);
        } catch (RuntimeException e) {
            log.warn("status {}: check failed: {}", z.domain(), e.toString());
            if (f != null) f.completeExceptionally(e);
        } finally {
            if (f != null) pending.remove(z.domain(), f);
        }
    }

    /** The first result of a zone, or "still checking" when it takes longer than a page may wait. */
    private ZoneStatus await(CompletableFuture<ZoneStatus> f, ZoneEntry z) {
        try {
            return f.get(FIRST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return checking(z);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("status " + z.domain() + ": check failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("status " + z.domain() + ": interrupted", e);
        }
    }

    private ZoneStatus checking(ZoneEntry z) {
        List<ZoneStatus.ServerSerial> prim = new ArrayList<>();
        for (int i = 0; i < z.primaries().size(); i++) prim.add(new ZoneStatus.ServerSerial("primary " + (i + 1), null, "checking"));
        List<ZoneStatus.ServerSerial> sites = new TreeMap<>(config.edges()).keySet().stream()
                .map(n -> new ZoneStatus.ServerSerial(n, null, "checking")).toList();
        return new ZoneStatus(z.domain(), true, z.createdAt(), prim, new ZoneStatus.ServerSerial("collector", null,
                "checking"), sites, null, null, null, new ZoneStatus.Delegation(
                List.of(), List.of(), List.of(), false, false), false, null);
    }

    /** Stops running checks (close before the {@link Jobs}, so a running {@value #RECHECK} returns promptly). */
    @Override
    public void close() {
        closed = true;
        checkers.shutdownNow();
        check.close();
        for (CompletableFuture<ZoneStatus> f : pending.values()) {
            f.completeExceptionally(new IllegalStateException("status: the control plane is closing"));
        }
    }
}
