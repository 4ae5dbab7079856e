package net.nsglobal.dns.secondary;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.persist.ZoneTimers;
import net.nsglobal.dns.zone.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One secondary zone's refresh state machine (RFC 1034 §4.3.5, RFC 1996 for NOTIFY):
 *
 * <pre>
 *            NOTIFY / refresh timer / start
 *   IDLE ─────────────────────────────────▶ QUEUED ──slot free──▶ TRANSFERRING
 *    ▲  ▲                                     ▲  │ no slot: requeue     │
 *    │  │        NOTIFY while transferring:   │  └──────────────────────┘
 *    │  │        pending=true ─▶ QUEUED again after this attempt
 *    │  └── success (changed or up to date): refresh timer = SOA refresh; expire timer = SOA expire
 *    └───── failure on every primary: retry timer = SOA retry × 2^(failures-1); a zone with no data yet retries
 *           after 1 s, 2 s, 4 s … up to the retry clamp (it serves nothing until its first transfer)
 *   expire timer fires (no success since): zone flagged expired → SERVFAIL (RFC 1035 §3.3.13), still retrying
 *   STOPPED: removed from the node (catalog member deleted); every timer cancelled, nothing scheduled again
 * </pre>
 *
 * A NOTIFY storm collapses into at most one queued and one running refresh (coalescing). Thread-safe.
 */
public final class Secondary {
    enum State { IDLE, QUEUED, TRANSFERRING, STOPPED }

    private static final Logger log = LoggerFactory.getLogger("replication.secondary");
    private final SecondaryContext ctx;
    private volatile SecondarySpec spec;
    private State state = State.IDLE;
    private boolean pending;
    private int failures;
    private ZoneTimers timers;
    private ScheduledFuture<?> refreshTimer;
    private ScheduledFuture<?> expireTimer;

    Secondary(SecondaryContext ctx, SecondarySpec spec, ZoneTimers stored) {
        this.ctx = ctx;
        this.spec = spec;
        this.timers = stored;
    }

    public SecondarySpec spec() { return spec; }

    void respec(SecondarySpec s) { this.spec = s; }

    /** Starts the timers: refresh when the persisted timers say so (or now), expire per the persisted deadline. */
    synchronized void start() {
        long now = System.currentTimeMillis();
        if (timers == null) {
            refreshNow("first load");
            return;
        }
        armExpire(timers.expireAt() - now);
        long due = timers.refreshAt() - now;
        if (due <= 0) refreshNow("refresh due since restart");
        else armRefresh(due);
    }

    /** Queues a refresh now (NOTIFY, operator, first load); coalesced with one already queued or running. */
    public synchronized void refreshNow(String why) {
        switch (state) {
            case STOPPED, QUEUED -> { }
            case TRANSFERRING -> pending = true;
            case IDLE -> {
                cancel(refreshTimer);
                state = State.QUEUED;
                log.debug("zone {}: refresh queued ({})", spec.zone(), why);
                executor().execute(this::attempt);
            }
        }
    }

    private boolean catalog() {
        return ctx.isCatalog().test(spec.zone());
    }

    private java.util.concurrent.ExecutorService executor() {
        return catalog() ? ctx.catalogTransfers() : ctx.transfers();
    }

    synchronized void stop() {
        state = State.STOPPED;
        cancel(refreshTimer);
        cancel(expireTimer);
    }

    synchronized boolean stopped() { return state == State.STOPPED; }

    private void attempt() {
        SecondarySpec s = spec;
        InetSocketAddress slot = null;
        synchronized (this) {
            if (state == State.STOPPED) return;
            if (catalog()) {
                slot = s.primaries().get(0); // catalogs bypass the slots (see SecondaryContext)
            } else {
                for (InetSocketAddress p : s.primaries()) {
                    if (ctx.slots().tryAcquire(p.getAddress())) {
                        slot = p;
                        break;
                    }
                }
            }
            if (slot == null) {
                // Every primary is at its transfer limit: try again shortly, still QUEUED (NOTIFYs keep coalescing).
                ctx.clock().schedule(() -> executor().execute(this::attempt), 20, TimeUnit.MILLISECONDS);
                return;
            }
            state = State.TRANSFERRING;
        }
        String failure = null;
        try {
            if (s.keyName() != null) s = s.withKey(ctx.keys().apply(s.keyName())); // looked up when used
            failure = s.keyName() != null && s.key() == null
                    ? "TSIG key " + s.keyName() + " unknown (in neither tsig-keys nor tsig-keys-file); not transferring"
                    : tryPrimaries(s, slot);
        } catch (RuntimeException e) {
            failure = "internal error: " + e;
            log.error("zone {}: refresh failed", s.zone(), e);
        } finally {
            if (!catalog()) ctx.slots().release(slot.getAddress());
        }
        synchronized (this) {
            if (state == State.STOPPED) return;
            if (failure == null) {
                failures = 0;
            } else {
                failures++;
                Zone z = ctx.store().get(s.zone());
                Duration retry = z == null ? RefreshTimers.initialRetry(failures, ctx.timers())
                        : ctx.timers().retry(z.soa(), failures);
                log.warn("zone {}: refresh failed ({}), retry in {} s", s.zone(), failure, retry.toSeconds());
                if (!pending) armRefresh(retry.toMillis());
            }
            if (pending) {
                pending = false;
                state = State.IDLE;
                refreshNow("NOTIFY during transfer");
            } else {
                state = State.IDLE;
            }
        }
    }

    /** Tries the slotted primary, then the others without a slot check (they are rarely needed); null = success. */
    private String tryPrimaries(SecondarySpec s, InetSocketAddress first) {
        StringBuilder why = new StringBuilder();
        List<InetSocketAddress> order = new java.util.ArrayList<>(s.primaries());
        order.remove(first);
        order.add(0, first);
        for (InetSocketAddress p : order) {
            Zone current = ctx.store().get(s.zone());
            RefreshAttempt.Outcome o = RefreshAttempt.run(ctx.client(), ctx.builder(), catalog() ? null : ctx.budget(),
                    s, p, current);
            if (o instanceof RefreshAttempt.Outcome.Failed f) {
                why.append(why.length() == 0 ? "" : "; ").append(p).append(": ").append(f.reason());
                continue;
            }
            Zone now = current;
            if (o instanceof RefreshAttempt.Outcome.Changed c) {
                now = c.zone();
                log.info("zone {}: serial {} from {} by {}", s.zone(), now.serial(), p, c.how());
            }
            succeeded(current, now, o);
            return null;
        }
        return why.toString();
    }

    private void succeeded(Zone previous, Zone zone, RefreshAttempt.Outcome o) {
        long now = System.currentTimeMillis();
        ZoneTimers t = new ZoneTimers(now, now + ctx.timers().refresh(zone.soa()).toMillis(),
                now + ctx.timers().expire(zone.soa()).toMillis());
        synchronized (this) {
            if (state == State.STOPPED) return;
            timers = t;
            if (!pending) armRefresh(t.refreshAt() - now);
            armExpire(t.expireAt() - now);
        }
        boolean changed = o instanceof RefreshAttempt.Outcome.Changed;
        if (changed) ctx.store().put(zone);
        else if (zone.expired()) ctx.store().put(zone.asExpired(false)); // refreshed again: serve it again
        if (changed) ctx.disk().save(zone, t);
        else ctx.disk().saveTimers(zone.origin(), t);
        if (changed) ctx.listener().changed(previous, zone, ((RefreshAttempt.Outcome.Changed) o).diffs());
    }

    private void armRefresh(long delayMs) {
        cancel(refreshTimer);
        refreshTimer = ctx.clock().schedule(() -> refreshNow("refresh timer"), Math.max(0, delayMs),
                TimeUnit.MILLISECONDS);
    }

    private void armExpire(long delayMs) {
        cancel(expireTimer);
        expireTimer = ctx.clock().schedule(this::expire, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        synchronized (this) {
            if (state == State.STOPPED) return;
            if (timers != null && System.currentTimeMillis() < timers.expireAt()) return; // refreshed meanwhile
        }
        Zone z = ctx.store().get(spec.zone());
        if (z != null && !z.expired()) {
            log.error("zone {}: expired (no successful refresh within SOA expire), answering SERVFAIL", spec.zone());
            ctx.store().put(z.asExpired(true));
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) f.cancel(false);
    }
}
