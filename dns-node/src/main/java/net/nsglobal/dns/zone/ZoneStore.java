package net.nsglobal.dns.zone;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Name;

/**
 * All zones a node serves, each an immutable {@link Zone} snapshot swapped atomically.
 *
 * <p>CONTRACT used by other packages — keep these signatures stable: {@link #find}, {@link #get}, {@link #put},
 * {@link #remove}, {@link #zones}, {@link #size}.
 */
public final class ZoneStore {
    private final ConcurrentHashMap<Name, Zone> zones = new ConcurrentHashMap<>();

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

    public Zone get(Name origin) { return zones.get(origin); }

    /** Installs (or atomically replaces) a zone version; returns the previous one or null. */
    public Zone put(Zone zone) { return zones.put(zone.origin(), zone); }

    public Zone remove(Name origin) { return zones.remove(origin); }

    public Collection<Zone> zones() { return zones.values(); }

    public int size() { return zones.size(); }
}
