package net.nsglobal.dns.xfrin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One IXFR difference sequence (RFC 1995 §4): the zone at {@code from} becomes the zone at {@code to} by removing
 * {@code deleted} and adding {@code added}. The SOAs themselves are not part of the two lists.
 */
public record Diff(SOARecord from, SOARecord to, List<Record> deleted, List<Record> added) {
    public Diff {
        deleted = List.copyOf(deleted);
        added = List.copyOf(added);
    }

    /**
     * The difference between two versions of a zone, for the IXFR history of a zone that changed as a whole (a
     * reloaded zone file, an AXFR, a rebuilt fleet catalog).
     */
    public static Diff between(Zone from, Zone to) {
        Set<Record> a = new HashSet<>(from.records());
        Set<Record> b = new HashSet<>(to.records());
        List<Record> deleted = new ArrayList<>();
        for (Record r : from.records()) if (r.getType() != Type.SOA && !b.contains(r)) deleted.add(r);
        List<Record> added = new ArrayList<>();
        for (Record r : to.records()) if (r.getType() != Type.SOA && !a.contains(r)) added.add(r);
        return new Diff(from.soa(), to.soa(), deleted, added);
    }
}
