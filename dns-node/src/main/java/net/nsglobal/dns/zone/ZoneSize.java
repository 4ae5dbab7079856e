package net.nsglobal.dns.zone;

import org.xbill.DNS.Record;

/**
 * The size of one zone version as the limits count it: records (RRSIGs included), RRsets (owner name and type; an
 * RRSIG counts with the RRset it covers) and bytes, measured as Knot's {@code zone-max-size} is: the records in wire
 * format without name compression. The Java heap a zone takes is a multiple of its bytes (docs/configuration.md,
 * {@code limits.zone-memory-budget}).
 */
public record ZoneSize(long records, long rrsets, long bytes) {
    /** Uncompressed wire length of one record: owner, type, class, TTL, RDLENGTH and RDATA (RFC 1035 §3.2.1). */
    public static long wireBytes(Record r) {
        // Owner (its wire length is kept by the name) + type, class, TTL, RDLENGTH (10) + RDATA; only the RDATA is
        // encoded, which is half the cost of encoding the whole record.
        return r.getName().length() + 10 + r.rdataToWireCanonical().length;
    }
}
