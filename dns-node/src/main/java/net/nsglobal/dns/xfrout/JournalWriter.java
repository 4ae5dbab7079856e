package net.nsglobal.dns.xfrout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.xfrin.Diff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Writes IXFR histories to disk behind the changes, so a transfer never waits for the disk. Coalesced per zone: a
 * zone marked dirty several times before the writer gets to it is written once, from its newest history (taken when
 * written, not when marked).
 *
 * <p>A file is rewritten whole ({@link JournalDisk}), so a zone with a long history and frequent changes could keep
 * the writer busy (measured: 6 ms for 10,000 records of history, 0.6 s for 1,250,000). Such a zone is spaced out: after
 * a write that took more than 1 ms, the zone is not written again before 10x that time has passed, so no zone takes
 * more than ~1/10 of the writer; changes in between coalesce into the next write. Small histories are written at
 * once. {@link #close} writes everything pending without waiting, so a clean shutdown leaves every file current; a
 * crash may leave a spaced zone's file a few versions behind its zone file, and that zone's history is then dropped
 * on restart (it no longer chains to the served serial): its edges get one AXFR.
 *
 * <pre>
 *   dirty(zone) ──▶ pending (a set) ──writer thread, once the zone's spacing allows: snapshot(zone)──▶ save / delete
 *   close(): writes everything pending at once, then stops
 * </pre>
 */
final class JournalWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication.journal");
    private final JournalDisk disk;
    private final Function<Name, List<Diff>> snapshot;
    private final Set<Name> pending = new LinkedHashSet<>();
    private final Thread thread;
    /** A zone whose write took {@code t} is not written again before {@code t × DUTY} from the write's start. */
    static final int DUTY = 10;
    private static final long SPACED_ABOVE_NANOS = 1_000_000;
    private final Map<Name, Long> notBefore = new HashMap<>();
    private boolean closed;
    private boolean busy;

    /** @param snapshot the history to store (empty = delete the file, null = leave the file alone) */
    JournalWriter(JournalDisk disk, Function<Name, List<Diff>> snapshot) {
        this.disk = disk;
        this.snapshot = snapshot;
        this.thread = new Thread(this::run, "journal-writer");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void dirty(Name zone) {
        pending.add(zone);
        notifyAll();
    }

    synchronized void flush() throws InterruptedException {
        while (!pending.isEmpty() || busy) wait(100);
    }

    private void run() {
        while (true) {
            List<Name> batch = new ArrayList<>();
            synchronized (this) {
                while (true) {
                    long now = System.nanoTime();
                    long wake = Long.MAX_VALUE;
                    for (Iterator<Name> it = pending.iterator(); it.hasNext(); ) {
                        Name zone = it.next();
                        Long at = notBefore.get(zone);
                        if (closed || at == null || at - now <= 0) {
                            batch.add(zone);
                            it.remove();
                            notBefore.remove(zone);
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
            for (Name zone : batch) {
                long start = System.nanoTime();
                try {
                    List<Diff> diffs = snapshot.apply(zone);
                    if (diffs != null) disk.save(zone, diffs);
                } catch (IOException | RuntimeException e) {
                    log.error("zone {}: cannot write {}: {}", zone, disk.file(zone), e.toString());
                }
                long cost = System.nanoTime() - start;
                if (cost > SPACED_ABOVE_NANOS) {
                    synchronized (this) {
                        notBefore.put(zone, start + cost * DUTY);
                    }
                }
            }
            synchronized (this) {
                busy = false;
                notifyAll();
            }
        }
    }

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
