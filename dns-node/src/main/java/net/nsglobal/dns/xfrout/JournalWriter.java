package net.nsglobal.dns.xfrout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * <pre>
 *   dirty(zone) ──▶ pending (a set) ──writer thread: snapshot(zone)──▶ JournalDisk.save / delete
 *   close(): drains pending, then stops
 * </pre>
 */
final class JournalWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication.journal");
    private final JournalDisk disk;
    private final Function<Name, List<Diff>> snapshot;
    private final Set<Name> pending = new LinkedHashSet<>();
    private final Thread thread;
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
            List<Name> batch;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) return;
                batch = new ArrayList<>(pending);
                pending.clear();
                busy = true;
            }
            for (Name zone : batch) {
                try {
                    List<Diff> diffs = snapshot.apply(zone);
                    if (diffs != null) disk.save(zone, diffs);
                } catch (IOException | RuntimeException e) {
                    log.error("zone {}: cannot write {}: {}", zone, disk.file(zone), e.toString());
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
