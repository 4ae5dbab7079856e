package net.nsglobal.dns.xfrin;

import java.util.List;
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
}
