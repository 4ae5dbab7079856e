package net.nsglobal.dns.persist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.zone.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Writes zones to disk behind the transfers (write-behind), so a slow disk (an fsync costs ~8 ms here) never delays
 * serving a new version. Pending work is coalesced per zone: only the newest version is written. A crash before a
 * write leaves the previous complete file (atomic rename), which is then older than what was served: the zone just
 * refreshes sooner after restart, and its expire clock is the older, more conservative one.
 *
 * <pre>
 *   save/saveTimers/delete ──▶ pending (one entry per zone, newest wins) ──writer thread──▶ ZoneDisk
 *   close(): drains pending, then stops
 * </pre>
 */
public final class Persister implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication.persist");
    private final ZoneDisk disk;
    private final Map<Name, Job> pending = new LinkedHashMap<>();
    private final Thread writer;
    private boolean closed;
    private int busy;

    /** One zone's pending write: {@code zone} null = timers only; {@code delete} wins over everything. */
    private record Job(Zone zone, ZoneTimers timers, boolean delete) {}

    public Persister(ZoneDisk disk) {
        this.disk = disk;
        this.writer = new Thread(this::run, "zone-persister");
        writer.setDaemon(true);
        writer.start();
    }

    public ZoneDisk disk() { return disk; }

    public synchronized void save(Zone zone, ZoneTimers timers) {
        pending.put(zone.origin(), new Job(zone, timers, false));
        notifyAll();
    }

    public synchronized void saveTimers(Name origin, ZoneTimers timers) {
        Job j = pending.get(origin);
        pending.put(origin, j != null && j.zone() != null ? new Job(j.zone(), timers, false)
                : new Job(null, timers, false));
        notifyAll();
    }

    public synchronized void delete(Name origin) {
        pending.put(origin, new Job(null, null, true));
        notifyAll();
    }

    /** Blocks until everything queued so far is on disk (tests, shutdown). */
    public synchronized void flush() throws InterruptedException {
        while (!pending.isEmpty() || busy > 0) wait(100);
    }

    private void run() {
        while (true) {
            List<Map.Entry<Name, Job>> batch;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) return;
                batch = new ArrayList<>(pending.entrySet());
                pending.clear();
                busy = batch.size();
            }
            for (Map.Entry<Name, Job> e : batch) {
                Job j = e.getValue();
                try {
                    if (j.delete()) disk.delete(e.getKey());
                    else if (j.zone() != null) disk.save(j.zone(), j.timers());
                    else disk.saveTimers(e.getKey(), j.timers());
                } catch (IOException ex) {
                    log.error("zone {}: cannot persist: {}", e.getKey(), ex.toString());
                }
            }
            synchronized (this) {
                busy = 0;
                notifyAll();
            }
        }
    }

    /** Writes what is pending, then stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
