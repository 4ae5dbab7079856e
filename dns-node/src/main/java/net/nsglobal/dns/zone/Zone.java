package net.nsglobal.dns.zone;

import java.util.Collection;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * An immutable, compiled snapshot of one zone (Knot's RCU model): queries read it without locks, and a new version
 * replaces it in the {@link ZoneStore} in one atomic swap, so a query never sees half a zone.
 *
 * <p>CONTRACT used by other packages (transport, xfr, catalog, persistence) — keep these signatures stable:
 * {@link #compile}, {@link #origin}, {@link #soa}, {@link #serial}, {@link #records}, {@link #expired},
 * {@link #asExpired}.
 */
public final class Zone {
    private final Name origin;
    private final SOARecord soa;
    private final List<Record> records;
    private final boolean expired;

    private Zone(Name origin, SOARecord soa, List<Record> records, boolean expired) {
        this.origin = origin;
        this.soa = soa;
        this.records = records;
        this.expired = expired;
    }

    /**
     * Compiles a zone from its records (any order; the SOA must be at the apex, exactly once).
     *
     * @throws ZoneException naming the zone and the reason when the data is not a valid zone
     */
    public static Zone compile(Name origin, Collection<Record> records) throws ZoneException {
        SOARecord soa = null;
        for (Record r : records) {
            if (!r.getName().subdomain(origin)) {
                throw new ZoneException("zone " + origin + ": record " + r.getName() + " is outside the zone");
            }
            if (r instanceof SOARecord s && r.getName().equals(origin)) {
                if (soa != null) {
                    throw new ZoneException("zone " + origin + ": more than one SOA at the apex");
                }
                soa = s;
            }
        }
        if (soa == null) {
            throw new ZoneException("zone " + origin + ": no SOA record at the apex");
        }
        return new Zone(origin, soa, List.copyOf(records), false);
    }

    public Name origin() { return origin; }
    public SOARecord soa() { return soa; }
    public long serial() { return soa.getSerial(); }
    /** All records of this version, SOA included (for AXFR out, persistence, IXFR diffs). */
    public List<Record> records() { return records; }
    /** True once the zone's SOA expire passed without a refresh (RFC 1035 §4.3.5): it answers SERVFAIL. */
    public boolean expired() { return expired; }
    /** The same data, flagged expired (or not). */
    public Zone asExpired(boolean value) { return new Zone(origin, soa, records, value); }
}
