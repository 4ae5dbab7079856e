package net.nsglobal.dns.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * An immutable, compiled snapshot of one zone (Knot's RCU model): queries read it without locks, and a new version
 * replaces it in the {@link ZoneStore} in one atomic swap, so a query never sees half a zone.
 *
 * <p>Compiled form: a {@link ZoneTable} — owner names and RDATA in shared byte arrays, nodes, RRsets and RRs as
 * indexes, a hash table of owner nodes (empty non-terminals included, RFC 4592 §2.2.2), zone cuts marked — plus the
 * NSEC chain in canonical order (RFC 4034 §6.1) and the NSEC3 chain by hashed owner (RFC 5155 §7.2) as sorted node
 * indexes, and a per-snapshot {@link AnswerCache} of encoded responses that dies with the snapshot.
 * {@link ZoneNode} and {@link RecordSet} are views made on demand.
 *
 * <p>CONTRACT used by other packages (transport, xfr, catalog, persistence) — keep these signatures stable:
 * {@link #compile}, {@link #origin}, {@link #soa}, {@link #serial}, {@link #records}, {@link #expired},
 * {@link #asExpired}.
 */
public final class Zone {
    private final Name origin;
    private final SOARecord soa;
    private final ZoneTable table;
    private final int apex;
    private final int[] nsecOwners;   // nodes with an NSEC, canonical order
    private final int[] nsec3Nodes;   // nodes of the NSEC3 chain, by hashed owner
    private final NSEC3PARAMRecord nsec3Param;
    private final int recordCount;
    private final boolean expired;
    private final AnswerCache cache;
    private volatile ZoneSize size; // computed once, on first use (limits, memory budget)

    private Zone(Name origin, SOARecord soa, ZoneTable table, int apex, int[] nsecOwners, int[] nsec3Nodes,
                 NSEC3PARAMRecord nsec3Param, int recordCount, boolean expired) {
        this.origin = origin;
        this.soa = soa;
        this.table = table;
        this.apex = apex;
        this.nsecOwners = nsecOwners;
        this.nsec3Nodes = nsec3Nodes;
        this.nsec3Param = nsec3Param;
        this.recordCount = recordCount;
        this.expired = expired;
        this.cache = new AnswerCache(recordCount);
    }

    /**
     * Compiles a zone from its records (any order; the SOA must be at the apex, exactly once).
     *
     * @throws ZoneException naming the zone and the reason when the data is not a valid zone
     */
    public static Zone compile(Name origin, Collection<Record> records) throws ZoneException {
        ZoneTableBuilder b = new ZoneTableBuilder(origin);
        for (Record r : records) b.add(r);
        return build(origin, b);
    }

    /** The zone of the records fed to {@code b} (a loader that streams them keeps no record object alive). */
    static Zone build(Name origin, ZoneTableBuilder b) throws ZoneException {
        if (b.soa() == null) throw new ZoneException("zone " + origin + ": no SOA record at the apex");
        ZoneTableBuilder.Built built = b.build();
        ZoneTable t = built.table();
        NSEC3PARAMRecord param = null;
        if (built.nsec3Nodes().length > 0) {
            ZoneNode apexNode = new ZoneNode(t, built.apex());
            RecordSet p = apexNode.get(Type.NSEC3PARAM);
            if (p != null) {
                param = (NSEC3PARAMRecord) p.first();
            } else {
                NSEC3Record any = (NSEC3Record) new ZoneNode(t, built.nsec3Nodes()[0]).get(Type.NSEC3).first();
                param = new NSEC3PARAMRecord(origin, DClass.IN, 0, any.getHashAlgorithm(), 0, any.getIterations(),
                        any.getSalt());
            }
        }
        return new Zone(origin, b.soa(), t, built.apex(), built.nsecOwners(), built.nsec3Nodes(), param, b.records(),
                false);
    }

    public Name origin() { return origin; }
    public SOARecord soa() { return soa; }
    public long serial() { return soa.getSerial(); }

    /** All records of this version, SOA first (for AXFR out, persistence, IXFR diffs); rebuilt on demand. */
    public List<Record> records() {
        List<Record> out = new ArrayList<>(recordCount);
        for (Record r : eachRecord()) out.add(r);
        return out;
    }

    /**
     * The records of {@link #records()} in the same order, made one node at a time as the iteration reaches them:
     * a transfer out of a large zone then holds one node's records as objects, not the whole zone's for as long as
     * the transfer lasts (which a collector would have to keep copying).
     */
    public Iterable<Record> eachRecord() {
        return () -> new Iterator<>() {
            private int n = -1;
            private Iterator<Record> current = List.<Record>of(soa).iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (++n >= table.nodes) return false;
                    current = nodeRecords(n).iterator();
                }
                return true;
            }

            @Override
            public Record next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }
        };
    }

    private List<Record> nodeRecords(int n) {
        List<Record> out = new ArrayList<>();
        ZoneNode node = new ZoneNode(table, n);
        for (RecordSet s : node.rrsets()) {
            if (s.getType() != Type.SOA || n != apex) out.addAll(s.rrs());
            out.addAll(s.sigs());
        }
        return out;
    }

    /** True once the zone's SOA expire passed without a refresh (RFC 1035 §4.3.5): it answers SERVFAIL. */
    public boolean expired() { return expired; }

    /** The same data, flagged expired (or not). */
    public Zone asExpired(boolean value) {
        Zone z = new Zone(origin, soa, table, apex, nsecOwners, nsec3Nodes, nsec3Param, recordCount, value);
        z.size = size;
        return z;
    }

    /** Records, RRsets and uncompressed wire bytes of this version (see {@link ZoneSize}); computed once. */
    public ZoneSize size() {
        ZoneSize s = size;
        if (s != null) return s;
        long bytes = 0;
        for (int n = 0; n < table.nodes; n++) {
            int owner = table.nameLength(n) + 10; // owner, TYPE, CLASS, TTL, RDLENGTH (RFC 1035 §3.2.1)
            int from = table.setRrs[table.nodeSets[n]];
            int to = table.setRrs[table.nodeSets[n + 1]];
            for (int rr = from; rr < to; rr++) bytes += owner + table.rdataLength(rr);
        }
        s = new ZoneSize(recordCount, table.sets(), bytes);
        size = s;
        return s;
    }

    public int recordCount() { return recordCount; }

    /** The compiled data, for {@link ZoneDiff}. */
    ZoneTable table() { return table; }

    /** The nodes of the NSEC3 chain in canonical order (outside the table's name index), for {@link ZoneDiff}. */
    int[] nsec3Nodes() { return nsec3Nodes; }

    public ZoneNode node(Name name) {
        int n = table.find(name);
        return n < 0 ? null : new ZoneNode(table, n);
    }

    public ZoneNode apex() { return new ZoneNode(table, apex); }
    public AnswerCache cache() { return cache; }

    /** A pre-signed zone: the SOA carries RRSIGs. */
    public boolean signed() {
        int s = table.set(apex, Type.SOA);
        return s >= 0 && table.setRrs[s + 1] - table.setRrs[s] > table.setData[s];
    }

    public boolean nsecSigned() { return nsecOwners.length > 0; }
    public boolean nsec3Signed() { return nsec3Param != null; }
    public NSEC3PARAMRecord nsec3Param() { return nsec3Param; }

    /** The NSEC owner at or before {@code name} in canonical order (wrapping to the last): covers or matches it. */
    public ZoneNode nsecCovering(Name name) {
        byte[] w = name.toWire();
        int lo = 0;
        int hi = nsecOwners.length - 1;
        int floor = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = ZoneTable.canonicalCompare(table.names, table.nodeName[nsecOwners[mid]], w, 0);
            if (c <= 0) {
                floor = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return new ZoneNode(table, nsecOwners[floor < 0 ? nsecOwners.length - 1 : floor]);
    }

    /** The NSEC3 node whose hashed owner equals {@code hash} (base32hex, lowercase), or null. */
    public ZoneNode nsec3Matching(String hash) {
        int i = nsec3Search(hash);
        return i >= 0 ? new ZoneNode(table, nsec3Nodes[i]) : null;
    }

    /** The NSEC3 node whose interval covers {@code hash} (the previous hash, wrapping around). */
    public ZoneNode nsec3Covering(String hash) {
        int i = nsec3Search(hash);
        int below = (i >= 0 ? i : -i - 1) - 1; // strictly before hash
        if (below < 0) below = nsec3Nodes.length - 1;
        return new ZoneNode(table, nsec3Nodes[below]);
    }

    /** Binary search of the chain by the hashed owner label: the index, or -(insertion point) - 1. */
    private int nsec3Search(String hash) {
        int lo = 0;
        int hi = nsec3Nodes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareFirstLabel(nsec3Nodes[mid], hash);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    /** The node's first label, lowercased, against {@code s} (String order; base32hex is ASCII). */
    private int compareFirstLabel(int node, String s) {
        int p = table.nodeName[node];
        int len = table.names[p] & 0xFF;
        for (int i = 0, n = Math.min(len, s.length()); i < n; i++) {
            int c = table.names[p + 1 + i] & 0xFF;
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != s.charAt(i)) return c - s.charAt(i);
        }
        return len - s.length();
    }
}
