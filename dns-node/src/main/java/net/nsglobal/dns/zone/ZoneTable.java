package net.nsglobal.dns.zone;

import java.io.IOException;
import java.util.Arrays;
import net.nsglobal.dns.wire.NameBytes;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The compact storage of one zone version (as Knot and NSD keep zones: flat memory, not an object per record).
 * Owner names are wire bytes in one shared array, RDATA in another, and every node, RRset and RR is an index into
 * parallel int arrays; a lookup hashes the lowercased name into an open-addressing table of node indexes. So a
 * 1M-record zone is a few dozen arrays instead of some eight million objects (dnsjava {@code Record} and
 * {@code Name}, their byte arrays, hash-map entries), and the garbage collector has almost nothing to trace.
 *
 * <p>Layout: node {@code n} owns RRsets {@code nodeSets[n] .. nodeSets[n+1]}; RRset {@code s} owns RRs
 * {@code setRrs[s] .. setRrs[s+1]}, its {@code setData[s]} data RRs first, then the RRSIGs covering it; RR {@code r}
 * has TTL {@code rrTtl[r]} and RDATA {@code rdata[rrRdata[r] .. rrRdata[r+1]]}, uncompressed and in the case it was
 * loaded in (names in RDATA are served as loaded). dnsjava objects ({@link ZoneNode}, {@link RecordSet},
 * {@link Record}) are made from these on demand, for the slow path of a lookup (whose result the answer cache keeps),
 * transfers and persistence. Immutable once built ({@link ZoneTableBuilder}).
 */
final class ZoneTable {
    final byte[] names;       // owner names, uncompressed wire format, case as loaded
    final int[] nodeName;     // node -> offset of its name in names
    final int[] nodeHash;     // node -> NameBytes.hash of its lowercased name
    final int[] nodeSets;     // node -> first RRset (nodes + 1 entries)
    final boolean[] delegation; // node -> a zone cut below the apex (RFC 1034 §4.2.1)
    final int nodes;
    final int[] table;        // open addressing: node + 1, 0 = empty; nodes of the NSEC3 chain are not in it
    final char[] setType;     // RRset -> type (an RRSIG covering RRSIG is data of an RRSIG set)
    final int[] setRrs;       // RRset -> first RR (sets + 1 entries)
    final int[] setData;      // RRset -> how many of its RRs are data (the rest are its RRSIGs)
    final int[] rrTtl;        // RR -> TTL (unsigned 32 bits)
    final int[] rrRdata;      // RR -> offset of its RDATA in rdata (rrs + 1 entries)
    final byte[] rdata;

    ZoneTable(byte[] names, int[] nodeName, int[] nodeHash, int[] nodeSets, boolean[] delegation, int nodes, int[] table,
              char[] setType, int[] setRrs, int[] setData, int[] rrTtl, int[] rrRdata, byte[] rdata) {
        this.names = names;
        this.nodeName = nodeName;
        this.nodeHash = nodeHash;
        this.nodeSets = nodeSets;
        this.delegation = delegation;
        this.nodes = nodes;
        this.table = table;
        this.setType = setType;
        this.setRrs = setRrs;
        this.setData = setData;
        this.rrTtl = rrTtl;
        this.rrRdata = rrRdata;
        this.rdata = rdata;
    }

    /** The node of this lowercased wire name ({@code len} bytes of {@code lower} from {@code off}), or -1. */
    int find(byte[] lower, int off, int len) {
        int hash = NameBytes.hash(lower, off, len);
        int mask = table.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) return -1;
            int n = v - 1;
            if (nodeHash[n] == hash && sameName(names, nodeName[n], lower, off, len)) return n;
        }
    }

    int find(Name name) {
        byte[] w = NameBytes.lowerWire(name);
        return find(w, 0, w.length);
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** True when the stored name at {@code at} equals the lowercased {@code lower} (ASCII case-insensitively). */
    static boolean sameName(byte[] stored, int at, byte[] lower, int off, int len) {
        if (at + len > stored.length) return false;
        for (int i = 0; i < len; i++) {
            byte c = stored[at + i];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lower[off + i]) return false;
        }
        return true;
    }

    /** Length in bytes of the uncompressed wire name at {@code at}. */
    static int nameLength(byte[] b, int at) {
        int p = at;
        while (b[p] != 0) p += (b[p] & 0xFF) + 1;
        return p + 1 - at;
    }

    int nameLength(int node) { return nameLength(names, nodeName[node]); }

    Name name(int node) {
        return nameAt(names, nodeName[node]);
    }

    /** The dnsjava name of the wire name at {@code at} in {@code b}. */
    static Name nameAt(byte[] b, int at) {
        DNSInput in = new DNSInput(b);
        in.jump(at);
        try {
            return new Name(in);
        } catch (IOException e) {
            throw new IllegalStateException("zone table: stored owner name unreadable", e);
        }
    }

    /** Number of labels of the node's name, the root label included (as dnsjava's {@code Name.labels()}). */
    int labels(int node) {
        int p = nodeName[node];
        int n = 1;
        while (names[p] != 0) {
            p += (names[p] & 0xFF) + 1;
            n++;
        }
        return n;
    }

    /** The RRset of {@code type} at {@code node}, or -1. */
    int set(int node, int type) {
        for (int s = nodeSets[node], end = nodeSets[node + 1]; s < end; s++) if (setType[s] == type) return s;
        return -1;
    }

    long ttl(int rr) { return Integer.toUnsignedLong(rrTtl[rr]); }

    /** The RR as a dnsjava record with owner {@code owner}; {@code type} is the record's own type. */
    Record record(Name owner, int type, int rr) {
        int off = rrRdata[rr];
        return Record.newRecord(owner, type, DClass.IN, ttl(rr), Arrays.copyOfRange(rdata, off, rrRdata[rr + 1]));
    }

    int rdataLength(int rr) { return rrRdata[rr + 1] - rrRdata[rr]; }

    int sets() { return setType.length; }

    int rrs() { return rrTtl.length; }

    /**
     * Canonical order of two stored names (RFC 4034 §6.1): label by label from the rightmost, each compared as
     * lowercased octets, a shorter label first.
     */
    static int canonicalCompare(byte[] a, int aAt, byte[] b, int bAt) {
        int[] la = labelOffsets(a, aAt);
        int[] lb = labelOffsets(b, bAt);
        int i = la.length - 1;
        int j = lb.length - 1;
        for (; i >= 0 && j >= 0; i--, j--) {
            int pa = la[i];
            int pb = lb[j];
            int na = a[pa] & 0xFF;
            int nb = b[pb] & 0xFF;
            for (int k = 1, n = Math.min(na, nb); k <= n; k++) {
                int ca = lowerByte(a[pa + k]) & 0xFF;
                int cb = lowerByte(b[pb + k]) & 0xFF;
                if (ca != cb) return ca - cb;
            }
            if (na != nb) return na - nb;
        }
        return Integer.compare(i, j);
    }

    private static byte lowerByte(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    /** Offsets of the non-root labels of the wire name at {@code at}, leftmost first. */
    private static int[] labelOffsets(byte[] b, int at) {
        int count = 0;
        for (int p = at; b[p] != 0; p += (b[p] & 0xFF) + 1) count++;
        int[] out = new int[count];
        int i = 0;
        for (int p = at; b[p] != 0; p += (b[p] & 0xFF) + 1) out[i++] = p;
        return out;
    }
}
