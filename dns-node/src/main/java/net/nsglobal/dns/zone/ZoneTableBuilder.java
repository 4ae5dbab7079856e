package net.nsglobal.dns.zone;

import java.util.Arrays;
import net.nsglobal.dns.wire.NameBytes;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Builds a {@link ZoneTable} from records fed one at a time, in any order: each record is copied into growing
 * arrays at once (owner name interned, RDATA appended), so a loader that streams records keeps no dnsjava object
 * alive and the heap never holds the whole zone twice. {@link #build} then groups the records by owner and type,
 * applies RFC 2181 §5 (duplicate RRs dropped, one TTL per RRset: the last RR read, as Knot's loader does), drops
 * RRSIGs without data, adds the empty non-terminals (RFC 4592 §2.2.2) and marks the zone cuts.
 */
final class ZoneTableBuilder {
    private final Name origin;
    private final int originLabels;
    // owner names, interned
    private byte[] names = new byte[1024];
    private int namesLen;
    private int[] nodeName = new int[64];
    private int[] nodeHash = new int[64];
    private int nodes;
    private int[] table = new int[128];
    // records as read
    private int[] recNode = new int[64];
    private char[] recType = new char[64];   // the RRset's type: an RRSIG's covered type
    private boolean[] recSig = new boolean[64];
    private int[] recTtl = new int[64];
    private int[] recRdata = new int[65];     // offsets into rdata (records + 1)
    private byte[] rdata = new byte[1024];
    private int records;
    private int cnameOwnerConflict = -1;    // first node with a CNAME and other data, or two CNAMEs (for the loader)
    private SOARecord soa;

    ZoneTableBuilder(Name origin) {
        this.origin = origin;
        this.originLabels = origin.labels();
    }

    SOARecord soa() { return soa; }

    int records() { return records; }

    /** Adds one record; the checks of {@link Zone#compile} (inside the zone, class IN, one SOA at the apex). */
    void add(Record r) throws ZoneException {
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
            if (soa != null) throw new ZoneException("zone " + origin + ": more than one SOA at the apex");
            soa = s;
        }
        byte[] wire = r.toWire(org.xbill.DNS.Section.ANSWER); // owner, type, class, TTL, RDLENGTH, RDATA: uncompressed
        int ownerLen = owner.length();
        int node = intern(wire, ownerLen);
        int type = r.getType();
        boolean sig = r instanceof RRSIGRecord s && s.getTypeCovered() != Type.RRSIG;
        int i = records;
        if (i + 1 >= recNode.length) growRecords();
        recNode[i] = node;
        recType[i] = (char) (sig ? ((RRSIGRecord) r).getTypeCovered() : type);
        recSig[i] = sig;
        recTtl[i] = (int) r.getTTL();
        int rdStart = ownerLen + 10;
        int rdLen = wire.length - rdStart;
        int at = recRdata[i];
        if (at + rdLen > rdata.length) rdata = Arrays.copyOf(rdata, Math.max(rdata.length * 2, at + rdLen));
        System.arraycopy(wire, rdStart, rdata, at, rdLen);
        recRdata[i + 1] = at + rdLen;
        records = i + 1;
    }

    private void growRecords() {
        int n = recNode.length * 2;
        recNode = Arrays.copyOf(recNode, n);
        recType = Arrays.copyOf(recType, n);
        recSig = Arrays.copyOf(recSig, n);
        recTtl = Arrays.copyOf(recTtl, n);
        recRdata = Arrays.copyOf(recRdata, n + 1);
    }

    /** The node of the owner name in the first {@code len} bytes of {@code wire}, created when new. */
    private int intern(byte[] wire, int len) {
        byte[] lower = Arrays.copyOf(wire, len);
        for (int i = 0; i < len; i++) if (lower[i] >= 'A' && lower[i] <= 'Z') lower[i] += 32;
        int hash = NameBytes.hash(lower, 0, len);
        int mask = table.length - 1;
        int i = ZoneTable.mix(hash) & mask;
        for (; table[i] != 0; i = (i + 1) & mask) {
            int n = table[i] - 1;
            if (nodeHash[n] == hash && ZoneTable.sameName(names, nodeName[n], lower, 0, len)) return n;
        }
        return addNode(wire, 0, len, hash);
    }

    private int addNode(byte[] src, int off, int len, int hash) {
        if (namesLen + len > names.length) names = Arrays.copyOf(names, Math.max(names.length * 2, namesLen + len));
        System.arraycopy(src, off, names, namesLen, len);
        if (nodes == nodeName.length) {
            nodeName = Arrays.copyOf(nodeName, nodes * 2);
            nodeHash = Arrays.copyOf(nodeHash, nodes * 2);
        }
        int n = nodes++;
        nodeName[n] = namesLen;
        nodeHash[n] = hash;
        namesLen += len;
        if (nodes * 2 > table.length) table = rehash(table.length * 2, null);
        else insert(table, n);
        return n;
    }

    private void insert(int[] t, int n) {
        int mask = t.length - 1;
        int i = ZoneTable.mix(nodeHash[n]) & mask;
        while (t[i] != 0) i = (i + 1) & mask;
        t[i] = n + 1;
    }

    /** A table of every node (but those {@code skip} marks) with {@code size} slots. */
    private int[] rehash(int size, boolean[] skip) {
        int[] t = new int[size];
        for (int n = 0; n < nodes; n++) if (skip == null || !skip[n]) insert(t, n);
        return t;
    }

    /**
     * The first owner whose raw records (duplicates counted, as the zone file has them) put a CNAME beside other data
     * or a second CNAME (RFC 1034 §3.6.2; DNSSEC records excepted, RFC 4035 §2.5), or null.
     */
    Name cnameConflict() {
        if (cnameOwnerConflict >= 0) return nameOf(cnameOwnerConflict);
        int[] cnames = new int[nodes];
        boolean[] other = new boolean[nodes];
        for (int i = 0; i < records; i++) {
            int t = recSig[i] ? Type.RRSIG : recType[i];
            if (t == Type.CNAME) cnames[recNode[i]]++;
            else if (t != Type.RRSIG && t != Type.NSEC) other[recNode[i]] = true;
        }
        for (int i = 0; i < records; i++) {
            int n = recNode[i];
            if (cnames[n] > 1 || (cnames[n] == 1 && other[n])) {
                cnameOwnerConflict = n;
                return nameOf(n);
            }
        }
        return null;
    }

    /** "more than one CNAME" or "CNAME and other data" for the owner {@link #cnameConflict} found. */
    String cnameConflictReason() {
        int n = cnameOwnerConflict;
        int cnames = 0;
        for (int i = 0; i < records; i++) if (recNode[i] == n && !recSig[i] && recType[i] == Type.CNAME) cnames++;
        return cnames > 1 ? "more than one CNAME" : "CNAME and other data";
    }

    private Name nameOf(int node) {
        return ZoneTable.nameAt(names, nodeName[node]);
    }

    /** The result of {@link #build}: the table and what the zone needs besides. */
    record Built(ZoneTable table, int apex, int[] nsecOwners, int[] nsec3Nodes) {}

    Built build() {
        // Records by node, in the order read (a counting sort).
        int[] start = new int[nodes + 1];
        for (int i = 0; i < records; i++) start[recNode[i] + 1]++;
        for (int n = 0; n < nodes; n++) start[n + 1] += start[n];
        int[] order = new int[records];
        int[] fill = Arrays.copyOf(start, nodes);
        for (int i = 0; i < records; i++) order[fill[recNode[i]]++] = i;
        fill = null;

        int dataNodes = nodes;
        int[] nodeSets = new int[dataNodes + 1];
        char[] setType = new char[Math.max(1, records)];
        int[] setRrs = new int[records + 1];
        int[] setData = new int[Math.max(1, records)];
        int[] rrTtl = new int[records];
        int[] rrRec = new int[records];
        int sets = 0;
        int rrs = 0;
        long[] keys = new long[16];
        for (int n = 0; n < dataNodes; n++) {
            nodeSets[n] = sets;
            int from = start[n];
            int count = start[n + 1] - from;
            if (keys.length < count) keys = new long[Math.max(count, keys.length * 2)];
            // Sorted by (type, data before signatures, order read); stable, as the order read is in the key.
            for (int k = 0; k < count; k++) {
                int rec = order[from + k];
                keys[k] = ((long) recType[rec] << 33) | (recSig[rec] ? 1L << 32 : 0) | (from + k);
            }
            Arrays.sort(keys, 0, count);
            int k = 0;
            while (k < count) {
                int type = (int) (keys[k] >>> 33);
                int setStart = rrs;
                int data = 0;
                int lastTtl = 0;
                Name owner = null;
                for (; k < count && (int) (keys[k] >>> 33) == type && (keys[k] & (1L << 32)) == 0; k++) {
                    int rec = order[(int) keys[k]];
                    if (data > 0) {
                        if (owner == null) owner = nameOf(n);
                        if (duplicate(owner, type, rec, rrRec, setStart, rrs)) continue; // RFC 2181 §5
                    }
                    rrRec[rrs] = rec;
                    rrTtl[rrs++] = recTtl[rec];
                    lastTtl = recTtl[rec];
                    data++;
                }
                // RFC 2181 §5.2: one TTL for the RRset, the last RR read's (Knot: "TTL mismatch, TTL set to …").
                for (int r = setStart; r < rrs; r++) rrTtl[r] = lastTtl;
                for (; k < count && (int) (keys[k] >>> 33) == type; k++) {
                    int rec = order[(int) keys[k]];
                    rrRec[rrs] = rec;
                    rrTtl[rrs++] = recTtl[rec];
                }
                if (data == 0) {
                    rrs = setStart; // signatures without data are never served
                    continue;
                }
                setType[sets] = (char) type;
                setRrs[sets] = setStart;
                setData[sets] = data;
                sets++;
            }
        }
        nodeSets[dataNodes] = sets;
        setRrs[sets] = rrs;
        order = null;
        start = null;

        // RDATA in RR order, in one array of exactly its size.
        int[] rrRdata = new int[rrs + 1];
        int total = 0;
        for (int r = 0; r < rrs; r++) total += recRdata[rrRec[r] + 1] - recRdata[rrRec[r]];
        byte[] out = new byte[total];
        int at = 0;
        for (int r = 0; r < rrs; r++) {
            int from = recRdata[rrRec[r]];
            int len = recRdata[rrRec[r] + 1] - from;
            System.arraycopy(rdata, from, out, at, len);
            rrRdata[r] = at;
            at += len;
        }
        rrRdata[rrs] = at;
        rdata = null;
        recRdata = null;

        ZoneTable data = new ZoneTable(names, nodeName, nodeHash, nodeSets, null, dataNodes, null,
                Arrays.copyOf(setType, sets), setRrs, setData, Arrays.copyOf(rrTtl, rrs), rrRdata, out);

        // NSEC3 owners live in their own chain (RFC 5155 §7.2, as Knot): not names of the zone, so a query for a
        // hashed owner is NXDOMAIN and the hash does not block wildcards.
        boolean[] nsec3 = new boolean[dataNodes];
        int nsec3Count = 0;
        int nsecCount = 0;
        for (int n = 0; n < dataNodes; n++) {
            if (data.set(n, Type.NSEC3) >= 0 && data.labels(n) == originLabels + 1) {
                nsec3[n] = true;
                nsec3Count++;
            }
            else if (data.set(n, Type.NSEC) >= 0) nsecCount++;
        }
        // Empty non-terminals: every ancestor up to the apex exists (RFC 4592 §2.2.2).
        for (int n = 0; n < dataNodes; n++) {
            if (nsec3[n] || data.nodeSets[n] == data.nodeSets[n + 1]) continue;
            int p = nodeName[n];
            int labels = data.labels(n);
            for (int l = labels - 1; l > originLabels; l--) {
                p += (names[p] & 0xFF) + 1; // the parent's name is a suffix of this one
                int len = ZoneTable.nameLength(names, p);
                byte[] lower = new byte[len];
                for (int i = 0; i < len; i++) {
                    byte c = names[p + i];
                    lower[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
                }
                if (findNode(lower) >= 0) break; // it and its ancestors are there already
                addNode(names, p, len, NameBytes.hash(lower, 0, len));
            }
        }
        int[] allSets = Arrays.copyOf(nodeSets, nodes + 1);
        for (int n = dataNodes + 1; n <= nodes; n++) allSets[n] = sets;
        boolean[] delegation = new boolean[nodes];
        int apex = findNode(NameBytes.lowerWire(origin));
        for (int n = 0; n < dataNodes; n++) delegation[n] = n != apex && data.set(n, Type.NS) >= 0;
        boolean[] skip = Arrays.copyOf(nsec3, nodes);
        int size = Integer.highestOneBit(Math.max(4, nodes - nsec3Count) * 2 - 1) << 1;
        int[] finalTable = rehash(size, skip);
        ZoneTable t = new ZoneTable(Arrays.copyOf(names, namesLen), Arrays.copyOf(nodeName, nodes),
                Arrays.copyOf(nodeHash, nodes), allSets, delegation, nodes, finalTable, data.setType,
                Arrays.copyOf(setRrs, sets + 1), Arrays.copyOf(setData, sets),
                data.rrTtl, rrRdata, out);

        int[] nsec3Nodes = new int[nsec3Count];
        int[] nsecOwners = new int[nsecCount];
        int i3 = 0;
        int in = 0;
        for (int n = 0; n < dataNodes; n++) {
            if (nsec3[n]) nsec3Nodes[i3++] = n;
            else if (t.set(n, Type.NSEC) >= 0) nsecOwners[in++] = n;
        }
        sortNodes(nsecOwners, (a, b) -> ZoneTable.canonicalCompare(t.names, t.nodeName[a], t.names, t.nodeName[b]));
        sortNodes(nsec3Nodes, (a, b) -> ZoneTable.canonicalCompare(t.names, t.nodeName[a], t.names, t.nodeName[b]));
        return new Built(t, apex, nsecOwners, nsec3Nodes);
    }

    private int findNode(byte[] lower) {
        int hash = NameBytes.hash(lower, 0, lower.length);
        int mask = table.length - 1;
        for (int i = ZoneTable.mix(hash) & mask; table[i] != 0; i = (i + 1) & mask) {
            int n = table[i] - 1;
            if (nodeHash[n] == hash && ZoneTable.sameName(names, nodeName[n], lower, 0, lower.length)) return n;
        }
        return -1;
    }

    /** RFC 2181 §5: an RR equal to one already in the set (dnsjava's equality: canonical RDATA) is dropped. */
    private boolean duplicate(Name owner, int type, int rec, int[] rrRec, int from, int to) {
        Record r = null;
        for (int x = from; x < to; x++) {
            int other = rrRec[x];
            // Canonical RDATA differs from the stored bytes only in the case of embedded names, so RDATA that
            // differs ignoring ASCII case is never a duplicate: only the rare near-equal pair is decoded.
            if (!equalIgnoringCase(rec, other)) continue;
            if (sameBytes(rec, other)) return true;
            if (r == null) r = raw(owner, type, rec);
            if (raw(owner, type, other).equals(r)) return true;
        }
        return false;
    }

    private boolean equalIgnoringCase(int a, int b) {
        int pa = recRdata[a], la = recRdata[a + 1] - pa, pb = recRdata[b], lb = recRdata[b + 1] - pb;
        if (la != lb) return false;
        for (int i = 0; i < la; i++) {
            byte x = rdata[pa + i], y = rdata[pb + i];
            if (x != y && (x | 0x20) != (y | 0x20)) return false;
        }
        return true;
    }

    private boolean sameBytes(int a, int b) {
        return Arrays.equals(rdata, recRdata[a], recRdata[a + 1], rdata, recRdata[b], recRdata[b + 1]);
    }

    private Record raw(Name owner, int type, int rec) {
        return Record.newRecord(owner, type, DClass.IN, 0,
                Arrays.copyOfRange(rdata, recRdata[rec], recRdata[rec + 1]));
    }

    private static void sortNodes(int[] a, java.util.Comparator<Integer> c) {
        if (a.length < 2) return;
        Integer[] boxed = new Integer[a.length];
        for (int i = 0; i < a.length; i++) boxed[i] = a[i];
        Arrays.sort(boxed, c);
        for (int i = 0; i < a.length; i++) a[i] = boxed[i];
    }
}
