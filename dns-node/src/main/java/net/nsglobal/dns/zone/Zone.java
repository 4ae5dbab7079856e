package net.nsglobal.dns.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * An immutable, compiled snapshot of one zone (Knot's RCU model): queries read it without locks, and a new version
 * replaces it in the {@link ZoneStore} in one atomic swap, so a query never sees half a zone.
 *
 * <p>Compiled form: a hash table of owner nodes (empty non-terminals included, RFC 4592 §2.2.2), zone cuts marked,
 * the NSEC chain in canonical order (RFC 4034 §6.1) and the NSEC3 chain by hashed owner (RFC 5155 §7.2), plus a
 * per-snapshot {@link AnswerCache} of encoded responses that dies with the snapshot.
 *
 * <p>CONTRACT used by other packages (transport, xfr, catalog, persistence) — keep these signatures stable:
 * {@link #compile}, {@link #origin}, {@link #soa}, {@link #serial}, {@link #records}, {@link #expired},
 * {@link #asExpired}.
 */
public final class Zone {
    private final Name origin;
    private final SOARecord soa;
    private final Map<Name, ZoneNode> nodes;
    private final NavigableSet<Name> nsecOwners;
    private final NavigableMap<String, ZoneNode> nsec3Chain;
    private final NSEC3PARAMRecord nsec3Param;
    private final int recordCount;
    private final boolean expired;
    private final AnswerCache cache;
    private volatile ZoneSize size; // computed once, on first use (limits, memory budget)

    private Zone(Name origin, SOARecord soa, Map<Name, ZoneNode> nodes, NavigableSet<Name> nsecOwners,
                 NavigableMap<String, ZoneNode> nsec3Chain, NSEC3PARAMRecord nsec3Param, int recordCount,
                 boolean expired) {
        this.origin = origin;
        this.soa = soa;
        this.nodes = nodes;
        this.nsecOwners = nsecOwners;
        this.nsec3Chain = nsec3Chain;
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
        SOARecord soa = null;
        Map<Name, ZoneNode> nodes = new HashMap<>(Math.max(16, records.size() * 4 / 3));
        int count = 0;
        for (Record r : records) {
            Name owner = r.getName();
            if (!owner.subdomain(origin)) {
                throw new ZoneException("zone " + origin + ": record " + owner + " is outside the zone");
            }
            if (r.getDClass() != DClass.IN) {
                throw new ZoneException("zone " + origin + ": record " + owner + " has class "
                        + DClass.string(r.getDClass()) + ", only IN is served");
            }
            if (r instanceof SOARecord s) {
                if (!owner.equals(origin)) {
                    throw new ZoneException("zone " + origin + ": SOA at " + owner + ", not at the apex");
                }
                if (soa != null) {
                    throw new ZoneException("zone " + origin + ": more than one SOA at the apex");
                }
                soa = s;
            }
            ZoneNode node = nodes.get(owner);
            if (node == null) {
                node = new ZoneNode(owner);
                nodes.put(owner, node);
            }
            node.addRecord(r);
            count++;
        }
        if (soa == null) {
            throw new ZoneException("zone " + origin + ": no SOA record at the apex");
        }
        NavigableSet<Name> nsecOwners = new TreeSet<>();
        NavigableMap<String, ZoneNode> nsec3 = new TreeMap<>();
        NSEC3PARAMRecord param = null;
        int originLabels = origin.labels();
        List<ZoneNode> withData = new ArrayList<>(nodes.values());
        for (ZoneNode node : withData) {
            Name owner = node.name;
            node.seal();
            if (node.has(Type.NSEC3) && owner.labels() == originLabels + 1) {
                // NSEC3 owners live in their own tree (RFC 5155 §7.2, as Knot): not a name of the zone, so a
                // query for a hashed owner is NXDOMAIN and the hash does not block wildcards.
                nodes.remove(owner);
                nsec3.put(owner.getLabelString(0).toLowerCase(java.util.Locale.ROOT), node);
                continue;
            }
            for (RecordSet set : node.rrsets) {
                int type = set.getType();
                if (type == Type.NSEC) nsecOwners.add(owner);
                if (type == Type.NSEC3PARAM && owner.equals(origin)) param = (NSEC3PARAMRecord) set.first();
            }
            node.delegation = node.has(Type.NS) && !owner.equals(origin);
            // Empty non-terminals: every ancestor up to the apex exists (RFC 4592 §2.2.2).
            for (int l = owner.labels() - 1; l > originLabels; l--) {
                Name anc = new Name(owner, owner.labels() - l);
                if (nodes.containsKey(anc)) break; // it and its ancestors are there already
                nodes.put(anc, new ZoneNode(anc));
            }
        }
        if (param == null && !nsec3.isEmpty()) {
            NSEC3Record any = (NSEC3Record) nsec3.firstEntry().getValue().get(Type.NSEC3).first();
            param = new NSEC3PARAMRecord(origin, DClass.IN, 0, any.getHashAlgorithm(), 0, any.getIterations(),
                    any.getSalt());
        }
        return new Zone(origin, soa, nodes, nsecOwners, nsec3, nsec3.isEmpty() ? null : param, count, false);
    }

    public Name origin() { return origin; }
    public SOARecord soa() { return soa; }
    public long serial() { return soa.getSerial(); }

    /** All records of this version, SOA first (for AXFR out, persistence, IXFR diffs); rebuilt on demand. */
    public List<Record> records() {
        List<Record> out = new ArrayList<>(recordCount);
        out.add(soa);
        List<ZoneNode> all = new ArrayList<>(nodes.values());
        all.addAll(nsec3Chain.values());
        for (ZoneNode n : all) {
            for (RecordSet s : n.rrsets) {
                for (Record r : s.rrs()) if (r != soa) out.add(r);
                out.addAll(s.sigs());
            }
        }
        return out;
    }

    /** True once the zone's SOA expire passed without a refresh (RFC 1035 §4.3.5): it answers SERVFAIL. */
    public boolean expired() { return expired; }

    /** The same data, flagged expired (or not). */
    public Zone asExpired(boolean value) {
        Zone z = new Zone(origin, soa, nodes, nsecOwners, nsec3Chain, nsec3Param, recordCount, value);
        z.size = size;
        return z;
    }

    /** Records, RRsets and uncompressed wire bytes of this version (see {@link ZoneSize}); computed once. */
    public ZoneSize size() {
        ZoneSize s = size;
        if (s != null) return s;
        long rrsets = 0;
        long bytes = 0;
        List<ZoneNode> all = new ArrayList<>(nodes.values());
        all.addAll(nsec3Chain.values());
        for (ZoneNode n : all) {
            for (RecordSet set : n.rrsets) {
                rrsets++;
                for (Record r : set.rrs()) bytes += ZoneSize.wireBytes(r);
                for (Record r : set.sigs()) bytes += ZoneSize.wireBytes(r);
            }
        }
        s = new ZoneSize(recordCount, rrsets, bytes);
        size = s;
        return s;
    }

    public int recordCount() { return recordCount; }
    public ZoneNode node(Name name) { return nodes.get(name); }
    public ZoneNode apex() { return nodes.get(origin); }
    public AnswerCache cache() { return cache; }
    /** A pre-signed zone: the SOA carries RRSIGs. */
    public boolean signed() {
        RecordSet soaSet = apex().get(Type.SOA);
        return soaSet != null && !soaSet.sigs().isEmpty();
    }

    public boolean nsecSigned() { return !nsecOwners.isEmpty(); }
    public boolean nsec3Signed() { return nsec3Param != null; }
    public NSEC3PARAMRecord nsec3Param() { return nsec3Param; }

    /** The NSEC owner at or before {@code name} in canonical order (wrapping to the last): covers or matches it. */
    public ZoneNode nsecCovering(Name name) {
        Name n = nsecOwners.floor(name);
        if (n == null) n = nsecOwners.last();
        return nodes.get(n);
    }

    /** The NSEC3 node whose hashed owner equals {@code hash} (base32hex, lowercase), or null. */
    public ZoneNode nsec3Matching(String hash) {
        return nsec3Chain.get(hash);
    }

    /** The NSEC3 node whose interval covers {@code hash} (the previous hash, wrapping around). */
    public ZoneNode nsec3Covering(String hash) {
        Map.Entry<String, ZoneNode> e = nsec3Chain.lowerEntry(hash);
        if (e == null) e = nsec3Chain.lastEntry();
        return e.getValue();
    }
}
