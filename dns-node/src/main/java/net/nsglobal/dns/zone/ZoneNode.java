package net.nsglobal.dns.zone;

import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * One owner name of a compiled zone with its RRsets (each carrying its RRSIGs), sorted by type. A node without
 * RRsets is an empty non-terminal (RFC 4592 §2.2.2): it exists, so it blocks wildcards and gets NODATA.
 */
public final class ZoneNode {
    private static final RRset[] NONE = new RRset[0];

    final Name name;
    RRset[] rrsets = NONE;
    /** A zone cut below the apex (RFC 1034 §4.2.1): NS here and not the apex. */
    boolean delegation;

    ZoneNode(Name name) {
        this.name = name;
    }

    public Name name() { return name; }
    public boolean emptyNonTerminal() { return rrsets.length == 0; }
    public boolean delegation() { return delegation; }
    public RRset[] rrsets() { return rrsets; }

    /** The RRset of this type (never RRSIG: signatures travel with the RRset they cover), or null. */
    public RRset get(int type) {
        for (RRset s : rrsets) if (s.getType() == type) return s;
        return null;
    }

    public boolean has(int type) { return get(type) != null; }

    /** RFC 8482 §4.2 / Knot: ANY answers one RRset, the node's first in type order. */
    public RRset firstForAny() {
        for (RRset s : rrsets) if (s.getType() != Type.RRSIG) return s;
        return null;
    }

    /** True when the node's signatures, taken as one RRSIG RRset, come first in type order (Knot's ANY). */
    public boolean anyAnswersSignatures() {
        if (rrsets.length == 0 || rrsets[0].getType() < Type.RRSIG) return false;
        for (RRset s : rrsets) if (!s.sigs().isEmpty()) return true;
        return false;
    }

    void add(RRset set) {
        RRset[] n = java.util.Arrays.copyOf(rrsets, rrsets.length + 1);
        n[rrsets.length] = set;
        java.util.Arrays.sort(n, (a, b) -> Integer.compare(a.getType(), b.getType()));
        rrsets = n;
    }
}
