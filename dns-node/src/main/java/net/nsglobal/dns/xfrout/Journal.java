package net.nsglobal.dns.xfrout;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.persist.JournalFile;
import net.nsglobal.dns.xfrin.Diff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * IXFR history served to edges (RFC 1995 §4): the last differences of each zone, bounded by a number of records per
 * zone ({@code limits.ixfr-history}) so that a huge change ages out instead of pinning memory.
 *
 * <p>With a {@link JournalDisk} (given when a {@code data-dir} is set and the transfer-acl lets someone pull from us)
 * each zone's history is also kept on disk, written behind the changes by a {@link JournalWriter}, so a restarted
 * collector still serves IXFR. A zone's file is read back lazily, the first time the zone is touched (a change, an
 * IXFR request): a cold start with 100,000 zones reads no journal before it serves, and only zones that change or are
 * asked for pay for it (7 ms for a 10,000-record history). At that moment the zone's
 * current serial is known, and only the part of the stored chain that ends at it is kept (the zone file and the
 * journal are written independently, so after a crash either may be a version ahead of the other). A damaged file is
 * dropped with a log line naming the zone; the zone serves as before, and IXFRs from older serials get the whole zone.
 *
 * <pre>
 *   per zone:  UNREAD ──first append/since──▶ RESTORED (from disk, chained to the current serial; empty if damaged)
 *              RESTORED ──append──▶ RESTORED + queued write      forget ──▶ gone + queued delete of the file
 * </pre>
 */
public final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication.journal");
    private final long maxRecordsPerZone;
    private final JournalDisk disk;
    private final JournalWriter writer;
    private final ConcurrentHashMap<Name, History> zones = new ConcurrentHashMap<>();

    /** In memory only: after a restart edges get one AXFR per zone. */
    public Journal(long maxRecordsPerZone) {
        this(maxRecordsPerZone, null);
    }

    /** @param disk where histories persist, or null for memory only */
    public Journal(long maxRecordsPerZone, JournalDisk disk) {
        this.maxRecordsPerZone = maxRecordsPerZone;
        this.disk = disk;
        this.writer = disk == null ? null : new JournalWriter(disk, this::snapshot);
    }

    private static final class History {
        final Deque<Diff> diffs = new ArrayDeque<>();
        long records;
        boolean restored;
    }

    private static long size(Diff d) {
        return d.deleted().size() + d.added().size() + 2L;
    }

    public void append(Name zone, List<Diff> diffs) {
        if (diffs.isEmpty()) return;
        History h = zones.computeIfAbsent(zone, z -> new History());
        synchronized (h) {
            restore(zone, h, diffs.get(0).from().getSerial());
            add(h, diffs);
        }
        if (writer != null) writer.dirty(zone);
    }

    /** Appends, clearing the history at a gap and ageing out the oldest differences beyond the bound. */
    private boolean add(History h, List<Diff> diffs) {
        boolean dropped = false;
        for (Diff d : diffs) {
            if (!h.diffs.isEmpty() && h.diffs.peekLast().to().getSerial() != d.from().getSerial()) {
                h.diffs.clear(); // a gap: the old chain no longer leads to the current version
                h.records = 0;
                dropped = true;
            }
            h.diffs.addLast(d);
            h.records += size(d);
        }
        while (h.records > maxRecordsPerZone && !h.diffs.isEmpty()) {
            h.records -= size(h.diffs.removeFirst());
            dropped = true;
        }
        return dropped;
    }

    /**
     * Reads the zone's stored history once, keeping the chain up to {@code currentSerial} (RFC 1995 §4: a history
     * that does not end at the served version cannot answer any IXFR). Caller holds the history's lock.
     */
    private void restore(Name zone, History h, long currentSerial) {
        if (h.restored) return;
        h.restored = true;
        if (disk == null) return;
        JournalFile.Decoded loaded = disk.load(zone);
        if (loaded instanceof JournalFile.Decoded.Damaged d) {
            log.warn("zone {}: {} is damaged ({}), dropped; IXFR from older serials gets the whole zone",
                    zone, disk.file(zone), d.reason());
            writer.dirty(zone); // rewritten (deleted) from the now empty history
            return;
        }
        List<Diff> stored = ((JournalFile.Decoded.Ok) loaded).diffs();
        if (stored.isEmpty()) return;
        int end = stored.size() - 1;
        while (end >= 0 && stored.get(end).to().getSerial() != currentSerial) end--;
        if (end < 0) {
            log.info("zone {}: stored history (serials {}..{}) does not reach serial {}, dropped", zone,
                    stored.get(0).from().getSerial(), stored.get(stored.size() - 1).to().getSerial(), currentSerial);
            writer.dirty(zone);
            return;
        }
        boolean trimmed = add(h, stored.subList(0, end + 1)) || end < stored.size() - 1;
        if (trimmed) writer.dirty(zone);
        log.info("zone {}: {} differences restored from disk (serials {}..{})", zone, h.diffs.size(),
                h.diffs.isEmpty() ? "-" : h.diffs.peekFirst().from().getSerial(), currentSerial);
    }

    /** Forgets a zone (removed from the node) and deletes its stored history. */
    public void forget(Name zone) {
        zones.remove(zone);
        if (writer != null) writer.dirty(zone);
    }

    /**
     * Deletes the journal files of zones this node no longer has (removed while it was down, or a crash between
     * removing a zone and deleting its file). A zone touched since the start is never swept.
     *
     * @param inUse whether a zone is still the node's (served, or stored in data-dir/zones/)
     * @return how many files were deleted
     */
    public int sweep(Predicate<Name> inUse) {
        if (disk == null) return 0;
        int swept = 0;
        try {
            for (Name zone : disk.list()) {
                if (zones.containsKey(zone) || inUse.test(zone)) continue;
                writer.dirty(zone); // no history in memory: the writer deletes the file
                swept++;
            }
        } catch (IOException e) {
            log.warn("journal folder {}: cannot list for orphans: {}", disk.dir(), e.toString());
        }
        if (swept > 0) log.info("{} journal files of zones no longer served deleted", swept);
        return swept;
    }

    /** What the writer should store for a zone: empty = delete the file, null = nothing to write (never read). */
    private List<Diff> snapshot(Name zone) {
        History h = zones.get(zone);
        if (h == null) return List.of();
        synchronized (h) {
            return h.restored ? List.copyOf(h.diffs) : null;
        }
    }

    /**
     * The chain of differences from {@code serial} to {@code currentSerial}, or null when the history does not reach
     * back that far (the caller then sends the whole zone, RFC 1995 §4).
     */
    public List<Diff> since(Name zone, long serial, long currentSerial) {
        History h = disk == null ? zones.get(zone) : zones.computeIfAbsent(zone, z -> new History());
        if (h == null) return null;
        synchronized (h) {
            restore(zone, h, currentSerial);
            List<Diff> out = new ArrayList<>();
            boolean found = false;
            for (Diff d : h.diffs) {
                if (!found && d.from().getSerial() == serial) found = true;
                if (found) out.add(d);
            }
            if (!found || out.get(out.size() - 1).to().getSerial() != currentSerial) return null;
            return out;
        }
    }

    /** Waits until every change so far is on disk (tests). */
    public void flush() throws InterruptedException {
        if (writer != null) writer.flush();
    }

    /** Writes what is pending, then stops the writer. */
    @Override
    public void close() {
        if (writer != null) writer.close();
    }
}
