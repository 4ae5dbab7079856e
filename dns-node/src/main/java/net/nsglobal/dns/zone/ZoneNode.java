package net.nsglobal.dns.zone;

import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * One owner name of a compiled zone with its RRsets (each carrying its RRSIGs), sorted by type. A node without
 * RRsets is an empty non-terminal (RFC 4592 §2.2.2): it exists, so it blocks wildcards and gets NODATA.
 */
public final class ZoneNode {
    private static final RecordSet[] NONE = new RecordSet[0];

    final Name name;
    RecordSet[] rrsets = NONE;
    /** A zone cut below the apex (RFC 1034 §4.2.1): NS here and not the apex. */
    boolean delegation;

    ZoneNode(Name name) {
        this.name = name;
    }

    public Name name() { return name; }
    public boolean emptyNonTerminal() { return rrsets.length == 0; }
    public boolean delegation() { return delegation; }
    public RecordSet[] rrsets() { return rrsets; }

    /** The RecordSet of this type (never RRSIG: signatures travel with the RecordSet they cover), or null. */
    public RecordSet get(int type) {
        for (RecordSet s : rrsets) if (s.getType() == type) return s;
        return null;
    }

    public boolean has(int type) { return get(type) != null; }

    /** RFC 8482 §4.2 / Knot: ANY answers one RecordSet, the node's first in type order. */
    public RecordSet firstForAny() {
        for (RecordSet s : rrsets) if (s.getType() != Type.RRSIG) return s;
        return null;
    }

    /** True when the node's signatures, taken as one RRSIG RecordSet, come first in type order (Knot's ANY). */
    public boolean anyAnswersSignatures() {
        if (rrsets.length == 0 || rrsets[0].getType() < Type.RRSIG) return false;
        for (RecordSet s : rrsets) if (!s.sigs().isEmpty()) return true;
        return false;
    }

    /** Adds a record to its RRset (an RRSIG to the RRset it covers), creating the RRset in type order. */
    void addRecord(org.xbill.DNS.Record r) {
        int type = r instanceof org.xbill.DNS.RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
        for (RecordSet s : rrsets) {
            if (s.getType() == type) {
                s.add(r);
                return;
            }
        }
        RecordSet s = new RecordSet(type);
        s.add(r);
        int at = 0;
        while (at < rrsets.length && rrsets[at].getType() < type) at++;
        RecordSet[] n = new RecordSet[rrsets.length + 1];
        System.arraycopy(rrsets, 0, n, 0, at);
        n[at] = s;
        System.arraycopy(rrsets, at, n, at + 1, rrsets.length - at);
        rrsets = n;
    }

    /** Drops RRsets that only have signatures (RRSIGs without data must not appear in answers). */
    void seal() {
        int keep = 0;
        for (RecordSet s : rrsets) if (s.size() > 0) keep++;
        if (keep == rrsets.length) return;
        RecordSet[] n = new RecordSet[keep];
        int i = 0;
        for (RecordSet s : rrsets) if (s.size() > 0) n[i++] = s;
        rrsets = n;
    }
}
