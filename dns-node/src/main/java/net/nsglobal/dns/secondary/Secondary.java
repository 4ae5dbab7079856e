package net.nsglobal.dns.secondary;

import net.nsglobal.dns.notify.NotifiedZone;
import net.nsglobal.dns.xfrin.SecondarySpec;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.nsglobal.dns.persist.ZoneTimers;
import net.nsglobal.dns.zone.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One secondary zone's refresh state machine (RFC 1034 §4.3.5, RFC 1996 for NOTIFY):
 *
 * <pre>
 *            start, refresh timer, any NOTIFY, trusted refresh
 *   IDLE ─────────────────────────────────────────────────▶ QUEUED ◀──┐ no slot free for any untried primary:
 *    ▲                                                      │   ▲ └────┘ ask again in 20 ms (NOTIFYs coalesce)
 *    │                             slot for an untried primary  │   │
 *    │                                                      ▼   │ failed, untried primaries left: failover
 *    └──── success: refresh timer = SOA refresh, ──────── TRANSFERRING    (the next primary needs a slot of its own)
 *          expire timer = SOA expire                        │
 *                                                           │ failed on every primary: retry timer armed
 *                                                           ▼
 *   QUEUED ◀── retry timer, trusted refresh, signed NOTIFY ── RETRY_WAIT ◀──┐ unsigned NOTIFY: ignored
 *                                                                       └───┘
 *   trusted refresh = the refresh timer, an operator, the key file bringing the zone's key, first load.
 *   STOPPED (from any state): removed from the node (catalog member deleted); every timer cancelled, nothing scheduled
 *   again.
 *
 *   retry timer = SOA retry × 2^(failures-1) within the clamps; a zone with no data yet retries after 1 s, 2 s, 4 s …
 *   up to the retry clamp (it serves nothing until its first transfer).
 *   RETRY_WAIT ignores a NOTIFY that is not TSIG-signed with the zone's key: anyone who can spoof a primary's
 *   address could otherwise restart a failing zone's attempts at will and defeat the back-off (and its slots).
 *   A NOTIFY while TRANSFERRING is remembered (pending) and queues one more attempt afterwards; after a failure only
 *   when it was signed.
 *   expire timer fires (no success since): zone flagged expired → SERVFAIL (RFC 1035 §3.3.13), still retrying.
 * </pre>
 *
 * A NOTIFY storm collapses into at most one queued and one running refresh (coalescing). Every transfer, failover
 * included, holds a {@link TransferSlots} slot for the primary it talks to (catalog zones excepted, see
 * {@link SecondaryContext}). Thread-safe.
 */
public final class Secondary implements NotifiedZone {
    /** Where the zone is in the diagram above. */
    public enum State { IDLE, QUEUED, TRANSFERRING, RETRY_WAIT, STOPPED }

    /** A NOTIFY that arrived while transferring: none, unsigned, or signed with the zone's key (or a local trigger). */
    private enum Pending { NONE, UNSIGNED, TRUSTED }

    private static final Logger log = LoggerFactory.getLogger("replication.secondary");
    private final SecondaryContext ctx;
    private volatile SecondarySpec spec;
    private State state = State.IDLE;
    private Pending pending = Pending.NONE;
    private int failures;
    private Round round;
    private ZoneTimers timers;
    private ScheduledFuture<?> refreshTimer;
    private ScheduledFuture<?> expireTimer;

    Secondary(SecondaryContext ctx, SecondarySpec spec, ZoneTimers stored) {
        this.ctx = ctx;
        this.spec = spec;
        this.timers = stored;
    }

    @Override
    public SecondarySpec spec() { return spec; }

    public synchronized State state() { return state; }

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

    /**
     * Queues a refresh now, also out of RETRY_WAIT (refresh timer, operator, key file, first load, signed NOTIFY);
     * coalesced with one already queued or running.
     */
    public synchronized void refreshNow(String why) {
        switch (state) {
            case STOPPED, QUEUED -> { }
            case TRANSFERRING -> pending = Pending.TRUSTED;
            case IDLE, RETRY_WAIT -> queue(why);
        }
    }

    /**
     * An accepted NOTIFY (RFC 1996 §3.7) from one of the zone's primaries.
     *
     * @param signed true when it was TSIG-signed with the zone's key (RFC 8945); only then may it cut a back-off short
     * @return false when it was ignored because the zone is waiting out its retry back-off
     */
    @Override
    public synchronized boolean notified(String from, boolean signed) {
        if (signed) {
            refreshNow("signed NOTIFY from " + from);
            return true;
        }
        switch (state) {
            case RETRY_WAIT -> {
                log.info("zone {}: unsigned NOTIFY from {} ignored: refresh failing ({} failures), waiting out the "
                        + "retry back-off", spec.zone(), from, failures);
                return false;
            }
            case TRANSFERRING -> {
                if (pending == Pending.NONE) pending = Pending.UNSIGNED;
            }
            case IDLE -> queue("NOTIFY from " + from);
            case STOPPED, QUEUED -> { }
        }
        return true;
    }

    private void queue(String why) {
        cancel(refreshTimer);
        state = State.QUEUED;
        log.debug("zone {}: refresh queued ({})", spec.zone(), why);
        executor().execute(this::attempt);
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

    /** QUEUED → TRANSFERRING with a slot for the next untried primary of this round, or QUEUED again in 20 ms. */
    private void attempt() {
        Round r;
        InetSocketAddress primary;
        synchronized (this) {
            if (state != State.QUEUED) return;
            if (round == null) round = new Round(withKey(spec));
            r = round;
            if (r.keyMissing()) {
                primary = null;
            } else {
                primary = catalog() ? r.next(p -> true) // catalogs bypass the slots (see SecondaryContext)
                        : r.next(p -> ctx.slots().tryAcquire(p.getAddress()));
                if (primary == null) {
                    // Every untried primary is at its transfer limit: still QUEUED (NOTIFYs keep coalescing).
                    ctx.clock().schedule(() -> executor().execute(this::attempt), 20, TimeUnit.MILLISECONDS);
                    return;
                }
            }
            state = State.TRANSFERRING;
        }
        String failure;
        if (primary == null) {
            failure = "TSIG key " + r.spec.keyName()
                    + " unknown (in neither tsig-keys nor tsig-keys-file); not transferring";
        } else {
            try {
                failure = transfer(r.spec, primary);
            } catch (RuntimeException e) {
                failure = "internal error: " + e;
                log.error("zone {}: refresh from {} failed", r.spec.zone(), primary, e);
            } finally {
                if (!catalog()) ctx.slots().release(primary.getAddress());
            }
        }
        synchronized (this) {
            if (state == State.STOPPED) return;
            if (failure == null) {
                finished(null);
            } else {
                r.failed(primary, failure);
                if (primary != null && r.hasUntried()) {
                    state = State.QUEUED; // failover: the next primary waits for a slot of its own
                    executor().execute(this::attempt);
                } else {
                    finished(r.why());
                }
            }
        }
    }

    /** The end of a round: IDLE after a success, RETRY_WAIT after failing on every primary (or QUEUED if asked). */
    private void finished(String failure) {
        SecondarySpec s = round.spec;
        round = null;
        Pending p = pending;
        pending = Pending.NONE;
        if (failure == null) {
            failures = 0;
            state = State.IDLE;
            if (p != Pending.NONE) queue("NOTIFY during transfer");
            return;
        }
        failures++;
        Zone z = ctx.store().get(s.zone());
        Duration retry = z == null ? RefreshTimers.initialRetry(failures, ctx.timers())
                : ctx.timers().retry(z.soa(), failures);
        log.warn("zone {}: refresh failed ({}), retry in {} s", s.zone(), failure, retry.toSeconds());
        state = State.RETRY_WAIT;
        if (p == Pending.TRUSTED) {
            queue("signed NOTIFY during transfer");
        } else {
            if (p == Pending.UNSIGNED) {
                log.info("zone {}: unsigned NOTIFY during the failed transfer ignored: waiting out the retry back-off",
                        s.zone());
            }
            armRefresh(retry.toMillis());
        }
    }

    private SecondarySpec withKey(SecondarySpec s) {
        return s.keyName() == null ? s : s.withKey(ctx.keys().apply(s.keyName())); // looked up when used
    }

    /** One transfer from one primary; null = success (installed). */
    private String transfer(SecondarySpec s, InetSocketAddress p) {
        Zone current = ctx.store().get(s.zone());
        RefreshAttempt.Outcome o = RefreshAttempt.run(ctx.client(), ctx.builder(), catalog() ? null : ctx.budget(),
                s, p, current);
        if (o instanceof RefreshAttempt.Outcome.Failed f) return f.reason();
        Zone now = current;
        if (o instanceof RefreshAttempt.Outcome.Changed c) {
            now = c.zone();
            log.info("zone {}: serial {} from {} by {}", s.zone(), now.serial(), p, c.how());
        }
        succeeded(current, now, o);
        return null;
    }

    /**
     * One pass over a zone's primaries: each is tried at most once, the first untried one that has a free slot next
     * (so a busy first primary does not delay a free second one), and the reasons collected for the log.
     */
    private static final class Round {
        final SecondarySpec spec;
        private final List<InetSocketAddress> untried;
        private final StringBuilder why = new StringBuilder();

        Round(SecondarySpec spec) {
            this.spec = spec;
            this.untried = new ArrayList<>(spec.primaries());
        }

        boolean keyMissing() {
            return spec.keyName() != null && spec.key() == null;
        }

        InetSocketAddress next(Predicate<InetSocketAddress> slot) {
            for (Iterator<InetSocketAddress> it = untried.iterator(); it.hasNext(); ) {
                InetSocketAddress p = it.next();
                if (slot.test(p)) {
                    it.remove();
                    return p;
                }
            }
            return null;
        }

        boolean hasUntried() {
            return !untried.isEmpty();
        }

        void failed(InetSocketAddress p, String reason) {
            why.append(why.length() == 0 ? "" : "; ").append(p == null ? "" : p + ": ").append(reason);
        }

        String why() {
            return why.toString();
        }
    }

    private void succeeded(Zone previous, Zone zone, RefreshAttempt.Outcome o) {
        long now = System.currentTimeMillis();
        ZoneTimers t = new ZoneTimers(now, now + ctx.timers().refresh(zone.soa()).toMillis(),
                now + ctx.timers().expire(zone.soa()).toMillis());
        synchronized (this) {
            if (state == State.STOPPED) return;
            timers = t;
            if (pending == Pending.NONE) armRefresh(t.refreshAt() - now);
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
