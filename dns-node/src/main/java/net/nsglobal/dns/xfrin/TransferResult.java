package net.nsglobal.dns.xfrin;

import java.util.List;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** What one incoming transfer produced: the verdict, never an exception. */
public sealed interface TransferResult {
    /** The primary's serial is not newer than ours (RFC 1995 §4: IXFR answered with the single current SOA). */
    record UpToDate(SOARecord soa) implements TransferResult {}

    /** A complete zone (AXFR, or IXFR answered in AXFR form, RFC 1995 §4). */
    record Full(SOARecord soa, List<Record> records, long bytes) implements TransferResult {}

    /** A chain of differences to apply to the zone we have (RFC 1995 §4). */
    record Incremental(SOARecord soa, List<Diff> diffs, long bytes) implements TransferResult {}

    /**
     * The transfer was discarded.
     *
     * @param reason     why, for the log (names the limit, record or rcode)
     * @param tryAxfr    true when an AXFR may succeed where IXFR failed (NOTIMP, FORMERR, single newer SOA)
     */
    record Failed(String reason, boolean tryAxfr) implements TransferResult {}
}
