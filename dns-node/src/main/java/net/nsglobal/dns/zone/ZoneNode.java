package net.nsglobal.dns.zone;

import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * One owner name of a compiled zone with its RRsets (each carrying its RRSIGs), sorted by type. A node without
 * RRsets is an empty non-terminal (RFC 4592 §2.2.2): it exists, so it blocks wildcards and gets NODATA.
 *
 * <p>A view made on demand over the zone's {@link ZoneTable} (the slow path of a lookup, transfers): the zone
 * itself keeps no object per node.
 */
public final class ZoneNode {
    private final ZoneTable table;
    private final int node;
    private Name name;
    private RecordSet[] rrsets;

    ZoneNode(ZoneTable table, int node) {
        this.table = table;
        this.node = node;
    }

    int index() { return node; }

    public Name name() {
        Name n = name;
        if (n == null) name = n = table.name(node);
        return n;
    }

    public boolean emptyNonTerminal() { return table.nodeSets[node] == table.nodeSets[node + 1]; }
    public boolean delegation() { return table.delegation[node]; }

    public RecordSet[] rrsets() {
        RecordSet[] r = rrsets;
        if (r == null) {
            int from = table.nodeSets[node];
            r = new RecordSet[table.nodeSets[node + 1] - from];
            for (int i = 0; i < r.length; i++) r[i] = new RecordSet(table, from + i, this);
            rrsets = r;
        }
        return r;
    }

    /** The RecordSet of this type (never RRSIG: signatures travel with the RecordSet they cover), or null. */
    public RecordSet get(int type) {
        int s = table.set(node, type);
        return s < 0 ? null : rrsets()[s - table.nodeSets[node]];
    }

    public boolean has(int type) { return table.set(node, type) >= 0; }

    /** RFC 8482 §4.2 / Knot: ANY answers one RecordSet, the node's first in type order. */
    public RecordSet firstForAny() {
        for (RecordSet s : rrsets()) if (s.getType() != Type.RRSIG) return s;
        return null;
    }

    /** True when the node's signatures, taken as one RRSIG RecordSet, come first in type order (Knot's ANY). */
    public boolean anyAnswersSignatures() {
        RecordSet[] sets = rrsets();
        if (sets.length == 0 || sets[0].getType() < Type.RRSIG) return false;
        for (RecordSet s : sets) if (s.signed()) return true;
        return false;
    }
}
