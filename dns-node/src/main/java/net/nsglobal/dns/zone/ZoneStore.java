package net.nsglobal.dns.zone;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import net.nsglobal.dns.wire.NameBytes;
import net.nsglobal.dns.wire.ParsedQuery;
import org.xbill.DNS.Name;

/**
 * All zones a node serves, each an immutable {@link Zone} snapshot swapped atomically.
 *
 * <p>Zones are indexed twice: by dnsjava {@link Name} for the management API, and by lowercased wire-format origin
 * bytes for the hot path, where {@link #find(ParsedQuery, NameKey)} probes each suffix of the question name with a
 * reusable probe key and so allocates nothing.
 *
 * <p>CONTRACT used by other packages — keep these signatures stable: {@link #find}, {@link #get}, {@link #put},
 * {@link #remove}, {@link #zones}, {@link #size}.
 */
public final class ZoneStore {
    private final ConcurrentHashMap<Name, Zone> zones = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<NameKey, Zone> byWire = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

    /** The zone whose origin is the closest enclosing name of {@code qname} (longest match), or null. */
    public Zone find(Name qname) {
        Name n = qname;
        while (true) {
            Zone z = zones.get(n);
            if (z != null) return z;
            if (n.labels() <= 1) return null;
            n = new Name(n, 1);
        }
    }

    /** Hot-path lookup: the closest enclosing zone of the parsed question name, using {@code probe} as scratch. */
    public Zone find(ParsedQuery q, NameKey probe) {
        return find(q, probe, 0);
    }

    /** As {@link #find(ParsedQuery, NameKey)}, ignoring the first {@code fromLabel} labels of the question name. */
    public Zone find(ParsedQuery q, NameKey probe, int fromLabel) {
        for (int label = fromLabel; label <= q.labelCount; label++) {
            int off = q.suffixOffset(label);
            probe.set(q.qnameLower, off, q.qnameLength - off);
            Zone z = byWire.get(probe);
            if (z != null) return z;
        }
        return null;
    }

    public Zone get(Name origin) { return zones.get(origin); }

    /** Installs (or atomically replaces) a zone version; returns the previous one or null. */
    public synchronized Zone put(Zone zone) {
        byWire.put(NameKey.of(NameBytes.lowerWire(zone.origin())), zone);
        Zone previous = zones.put(zone.origin(), zone);
        bytes.addAndGet(zone.size().bytes() - (previous == null ? 0 : previous.size().bytes()));
        return previous;
    }

    public synchronized Zone remove(Name origin) {
        byWire.remove(NameKey.of(NameBytes.lowerWire(origin)));
        Zone previous = zones.remove(origin);
        if (previous != null) bytes.addAndGet(-previous.size().bytes());
        return previous;
    }

    /** The sum of the served zones' sizes in bytes ({@link ZoneSize}): what {@code limits.zone-memory-budget} bounds. */
    public long bytes() { return bytes.get(); }

    public Collection<Zone> zones() { return zones.values(); }

    public int size() { return zones.size(); }
}
