package net.nsglobal.dns.persist;

import java.io.IOException;
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
 *   close(): drains pending, then stops   (the queue itself: {@link WriteBehind})
 * </pre>
 */
public final class Persister extends WriteBehind<Persister.Job> {
    private static final Logger log = LoggerFactory.getLogger("replication.persist");
    private final ZoneDisk disk;

    /** One zone's pending write: {@code zone} null = timers only; {@code delete} wins over everything. */
    record Job(Zone zone, ZoneTimers timers, boolean delete) {}

    public Persister(ZoneDisk disk) {
        super("zone-persister");
        this.disk = disk;
        start();
    }

    public ZoneDisk disk() { return disk; }

    public void save(Zone zone, ZoneTimers timers) {
        offer(zone.origin(), j -> new Job(zone, timers, false));
    }

    public void saveTimers(Name origin, ZoneTimers timers) {
        offer(origin, j -> new Job(j != null ? j.zone() : null, timers, false));
    }

    public void delete(Name origin) {
        offer(origin, j -> new Job(null, null, true));
    }

    @Override
    protected void write(Name origin, Job j) {
        try {
            if (j.delete()) disk.delete(origin);
            else if (j.zone() != null) disk.save(j.zone(), j.timers());
            else disk.saveTimers(origin, j.timers());
        } catch (IOException ex) {
            log.error("zone {}: cannot persist: {}", origin, ex.toString());
        }
    }
}
