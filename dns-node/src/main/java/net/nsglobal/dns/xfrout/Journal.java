package net.nsglobal.dns.xfrout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import net.nsglobal.dns.xfrin.Diff;
import org.xbill.DNS.Name;

/**
 * IXFR history served to edges (RFC 1995 §4): the last differences of each zone, bounded by a number of records per
 * zone so that a huge change ages out instead of pinning memory. In memory only: after a restart edges get one AXFR.
 */
public final class Journal {
    private final long maxRecordsPerZone;
    private final ConcurrentHashMap<Name, History> zones = new ConcurrentHashMap<>();

    public Journal(long maxRecordsPerZone) {
        this.maxRecordsPerZone = maxRecordsPerZone;
    }

    private static final class History {
        final Deque<Diff> diffs = new ArrayDeque<>();
        long records;
    }

    public void append(Name zone, List<Diff> diffs) {
        History h = zones.computeIfAbsent(zone, z -> new History());
        synchronized (h) {
            for (Diff d : diffs) {
                if (!h.diffs.isEmpty() && h.diffs.peekLast().to().getSerial() != d.from().getSerial()) {
                    h.diffs.clear(); // a gap: the old chain no longer leads to the current version
                    h.records = 0;
                }
                h.diffs.addLast(d);
                h.records += d.deleted().size() + d.added().size() + 2;
            }
            while (h.records > maxRecordsPerZone && !h.diffs.isEmpty()) {
                Diff old = h.diffs.removeFirst();
                h.records -= old.deleted().size() + old.added().size() + 2;
            }
        }
    }

    public void forget(Name zone) {
        zones.remove(zone);
    }

    /**
     * The chain of differences from {@code serial} to {@code currentSerial}, or null when the history does not reach
     * back that far (the caller then sends the whole zone, RFC 1995 §4).
     */
    public List<Diff> since(Name zone, long serial, long currentSerial) {
        History h = zones.get(zone);
        if (h == null) return null;
        synchronized (h) {
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
}
