package net.nsglobal.dns.persist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Write-behind for per-zone files: callers {@link #offer} work and return at once; one background thread writes it,
 * so a slow disk never delays serving. Pending work is coalesced per zone (one entry, merged by the caller: newest
 * wins). A subclass may space out a zone whose write was slow ({@link #spacing}); {@link #close} writes everything
 * still pending, spaced or not, then stops.
 *
 * <pre>
 *   offer(zone) ──▶ pending (one entry per zone) ──writer thread, once the zone's spacing allows──▶ write(zone, work)
 * </pre>
 *
 * @param <W> one zone's pending work
 */
public abstract class WriteBehind<W> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication.persist");
    private final Map<Name, W> pending = new LinkedHashMap<>();
    private final Map<Name, Long> notBefore = new HashMap<>();
    private final Thread thread;
    private boolean closed;
    private boolean busy;

    protected WriteBehind(String threadName) {
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /** Starts the writer; the subclass calls it at the end of its constructor, once its own fields are set. */
    protected final void start() {
        thread.start();
    }

    /** Writes one zone's work; handles (logs) its own failures. Runs on the writer thread only. */
    protected abstract void write(Name zone, W work);

    /** How long after a write that took {@code costNanos} the zone may be written again; 0 = at once. */
    protected long spacing(long costNanos) {
        return 0;
    }

    /** Queues work for {@code zone}: {@code merge} gets the work still pending for it (or null) and returns the new. */
    protected final synchronized void offer(Name zone, UnaryOperator<W> merge) {
        pending.put(zone, merge.apply(pending.get(zone)));
        notifyAll();
    }

    /** Blocks until everything queued so far is written (tests, shutdown). */
    public final synchronized void flush() throws InterruptedException {
        while (!pending.isEmpty() || busy) wait(100);
    }

    private void run() {
        while (true) {
            Map<Name, W> batch = new LinkedHashMap<>();
            synchronized (this) {
                while (true) {
                    long now = System.nanoTime();
                    long wake = Long.MAX_VALUE;
                    for (Iterator<Map.Entry<Name, W>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                        Map.Entry<Name, W> e = it.next();
                        Long at = notBefore.get(e.getKey());
                        if (closed || at == null || at - now <= 0) {
                            batch.put(e.getKey(), e.getValue());
                            it.remove();
                            notBefore.remove(e.getKey());
                        } else {
                            wake = Math.min(wake, at - now);
                        }
                    }
                    if (!batch.isEmpty()) break;
                    if (closed) return;
                    try {
                        if (wake == Long.MAX_VALUE) wait();
                        else TimeUnit.NANOSECONDS.timedWait(this, wake);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                busy = true;
            }
            List<Map.Entry<Name, Long>> spaced = new ArrayList<>();
            for (Map.Entry<Name, W> e : batch.entrySet()) {
                long start = System.nanoTime();
                try {
                    write(e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    log.error("zone {}: write-behind failed: {}", e.getKey(), ex.toString());
                }
                long space = spacing(System.nanoTime() - start);
                if (space > 0) spaced.add(Map.entry(e.getKey(), start + space));
            }
            synchronized (this) {
                for (Map.Entry<Name, Long> s : spaced) notBefore.put(s.getKey(), s.getValue());
                busy = false;
                notifyAll();
            }
        }
    }

    /** Writes what is pending (without waiting for any spacing), then stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
