package net.nsglobal.dns.xfrin;

import java.util.List;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneDiff;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

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
     * reloaded zone file, an AXFR, a rebuilt fleet catalog): records are compared as dnsjava's {@code Record.equals}
     * does (TTL ignored), each list in its zone's order. Computed on the zones' compiled bytes ({@link ZoneDiff}),
     * so only the records that differ are made as objects.
     */
    public static Diff between(Zone from, Zone to) {
        return new Diff(from.soa(), to.soa(), ZoneDiff.onlyIn(from, to), ZoneDiff.onlyIn(to, from));
    }
}
