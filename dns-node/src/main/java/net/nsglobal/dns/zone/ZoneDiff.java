package net.nsglobal.dns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One side of the difference between two versions of a zone (RFC 1995 §4), computed on the versions'
 * {@link ZoneTable} bytes. Making every record of both versions as dnsjava objects and hashing them (the obvious way)
 * costs hundreds of bytes of garbage per record on every reload, and those objects live for the whole diff, so they
 * survive young collections and are copied: that is what made the collector pause during reloads. Here owners are
 * matched by their lowercased wire name, RRsets by type, and an RR whose RDATA is byte-identical to one in the other
 * version's RRset is unchanged without being decoded; only an RRset that is not byte-identical is made as dnsjava
 * records and compared by dnsjava's equality, so the result is exactly that of comparing all records with
 * {@code Record.equals}: canonical RDATA, names in it compared case-insensitively (RFC 4034 §6.2), the TTL ignored.
 *
 * <p>Where records live (see {@link ZoneTable}): an RRset's RRs are its data, then the RRSIGs covering it (an RRSIG
 * covering an RRSIG is data of the RRSIG set), so an RRSIG can only equal one of the same owner and set; the NSEC3
 * chain's owners are outside the hash table (RFC 5155 §7.2) and are looked up in the chain, which is sorted by
 * hashed owner.
 */
public final class ZoneDiff {
    /** An RRset at most this big is searched for a byte-identical RR before its records are made. */
    private static final int SCAN = 32;

    private final ZoneTable a;
    private final ZoneTable b;
    private final int[] bChain;
    private final byte[] lower = new byte[256]; // a node's owner, lowercased (a name has at most 255 octets)
    private final List<Record> out = new ArrayList<>();

    private ZoneDiff(Zone a, Zone b) {
        this.a = a.table();
        this.b = b.table();
        this.bChain = b.nsec3Nodes();
    }

    /**
     * The records of {@code a} that {@code b} does not have (equal as dnsjava's {@code Record.equals}), SOA records
     * excepted, in {@code a}'s order ({@link Zone#records}): {@code onlyIn(from, to)} is what an IXFR deletes,
     * {@code onlyIn(to, from)} what it adds.
     */
    public static List<Record> onlyIn(Zone a, Zone b) {
        ZoneDiff d = new ZoneDiff(a, b);
        for (int n = 0; n < d.a.nodes; n++) {
            if (d.a.nodeSets[n] != d.a.nodeSets[n + 1]) d.node(n); // an empty non-terminal has no records
        }
        return d.out;
    }

    private void node(int n) {
        int m = match(n);
        Name owner = null;
        for (int s = a.nodeSets[n], end = a.nodeSets[n + 1]; s < end; s++) {
            int t = m < 0 ? -1 : b.set(m, a.setType[s]);
            int dataFrom = a.setRrs[s];
            int sigFrom = dataFrom + a.setData[s];
            int sigTo = a.setRrs[s + 1];
            int bData = t < 0 ? 0 : b.setRrs[t];
            int bSig = t < 0 ? 0 : bData + b.setData[t];
            int bEnd = t < 0 ? 0 : b.setRrs[t + 1];
            boolean soa = a.setType[s] == Type.SOA; // the SOAs frame the difference, they are not part of it
            boolean same = true;
            for (int r = dataFrom; r < sigFrom && same; r++) same = soa || hasBytes(r, r - dataFrom, bData, bSig);
            for (int r = sigFrom; r < sigTo && same; r++) same = hasBytes(r, r - sigFrom, bSig, bEnd);
            if (same) continue;
            if (owner == null) owner = a.name(n);
            Set<Record> other = t < 0 ? Set.of() : records(b, b.name(m), t);
            int type = a.setType[s];
            for (int r = dataFrom; r < sigTo; r++) {
                if (r < sigFrom && soa) continue;
                boolean sig = r >= sigFrom;
                if (sig ? hasBytes(r, r - sigFrom, bSig, bEnd) : hasBytes(r, r - dataFrom, bData, bSig)) continue;
                Record rec = a.record(owner, sig ? Type.RRSIG : type, r);
                if (!other.contains(rec)) out.add(rec);
            }
        }
    }

    /**
     * True when one of b's RRs {@code from .. to} has RDATA byte-identical to a's RR {@code r}: the one at the same
     * position (an unchanged RRset) first, the others only in a small set (false is "not known": the caller then
     * compares records).
     */
    private boolean hasBytes(int r, int position, int from, int to) {
        int p = from + position;
        if (p < to && sameRdata(r, p)) return true;
        if (to - from > SCAN) return false;
        for (int x = from; x < to; x++) if (x != p && sameRdata(r, x)) return true;
        return false;
    }

    private boolean sameRdata(int ra, int rb) {
        return Arrays.equals(a.rdata, a.rrRdata[ra], a.rrRdata[ra + 1], b.rdata, b.rrRdata[rb], b.rrRdata[rb + 1]);
    }

    /** The RRset {@code s} of {@code t} as dnsjava records, its RRSIGs included. */
    private static Set<Record> records(ZoneTable t, Name owner, int s) {
        Set<Record> set = new HashSet<>();
        int sigFrom = t.setRrs[s] + t.setData[s];
        for (int r = t.setRrs[s]; r < t.setRrs[s + 1]; r++) {
            set.add(t.record(owner, r < sigFrom ? t.setType[s] : Type.RRSIG, r));
        }
        return set;
    }

    /** The node of b with a's node {@code n}'s owner (ASCII case-insensitively), or -1. */
    private int match(int n) {
        int at = a.nodeName[n];
        int len = ZoneTable.nameLength(a.names, at);
        for (int i = 0; i < len; i++) {
            byte c = a.names[at + i];
            lower[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
        int m = b.find(lower, 0, len);
        return m >= 0 ? m : inChain(len);
    }

    /**
     * The node of b's NSEC3 chain named {@code lower}, or -1. The chain is in canonical order (RFC 4034 §6.1) and
     * its owners are one label below the apex, so it is sorted by that first label.
     */
    private int inChain(int len) {
        int lo = 0;
        int hi = bChain.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareFirstLabel(bChain[mid]);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return ZoneTable.sameName(b.names, b.nodeName[bChain[mid]], lower, 0, len) ? bChain[mid] : -1;
        }
        return -1;
    }

    /** b's node's first label against the first label of {@code lower}, as lowercased octets (RFC 4034 §6.1). */
    private int compareFirstLabel(int node) {
        int p = b.nodeName[node];
        int bl = b.names[p] & 0xFF;
        int al = lower[0] & 0xFF;
        for (int i = 1, k = Math.min(al, bl); i <= k; i++) {
            int x = b.names[p + i] & 0xFF;
            if (x >= 'A' && x <= 'Z') x += 32;
            int y = lower[i] & 0xFF;
            if (x != y) return x - y;
        }
        return bl - al;
    }
}
