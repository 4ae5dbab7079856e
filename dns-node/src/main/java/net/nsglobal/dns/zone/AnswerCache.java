package net.nsglobal.dns.zone;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encoded responses of one zone snapshot, keyed by (lowercased qname wire bytes, qtype and response shape), so the
 * hot path answers with one array copy. Two-way set-associative and lossy like a CPU cache: a key may sit in one of
 * two neighbouring slots; when both are taken the older choice is overwritten. So it is bounded (at most four slots
 * per record, at most 2^18), lock-free and allocation-free on a hit. Entries are immutable and published through
 * an {@link AtomicReferenceArray}, so readers on any thread see complete entries. It belongs to one snapshot and dies
 * with it: a zone swap invalidates every answer at once.
 */
public final class AnswerCache {
    /** One cached response: the name (and its hash) and key it answers, the bytes (ID 0, RD/CD clear), the rcode. */
    public record Entry(byte[] name, int nameHash, long key, byte[] response, int rcode) {}

    private final int capacity;
    private volatile AtomicReferenceArray<Entry> table;

    AnswerCache(int recordCount) {
        int want = Math.max(64, Math.min(1 << 18, recordCount * 4));
        this.capacity = Integer.highestOneBit(want - 1) << 1;
    }

    private AtomicReferenceArray<Entry> table() {
        AtomicReferenceArray<Entry> t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) table = t = new AtomicReferenceArray<>(capacity);
            }
        }
        return t;
    }

    /** The cached entry for this name and key, or null. */
    public Entry get(byte[] name, int nameLen, int nameHash, long key) {
        AtomicReferenceArray<Entry> t = table;
        if (t == null) return null;
        int i = index(nameHash, key);
        Entry e = t.get(i);
        if (matches(e, name, nameLen, nameHash, key)) return e;
        e = t.get(i ^ 1);
        return matches(e, name, nameLen, nameHash, key) ? e : null;
    }

    private static boolean matches(Entry e, byte[] name, int nameLen, int nameHash, long key) {
        // Hash and key first: a mismatching slot is rejected without touching the name bytes.
        return e != null && e.key == key && e.nameHash == nameHash && e.name.length == nameLen
                && java.util.Arrays.equals(e.name, 0, nameLen, name, 0, nameLen);
    }

    public void put(byte[] name, int nameLen, int nameHash, long key, byte[] response, int rcode) {
        byte[] n = java.util.Arrays.copyOf(name, nameLen);
        AtomicReferenceArray<Entry> t = table();
        int i = index(nameHash, key);
        Entry first = t.get(i);
        boolean taken = first != null && !matches(first, name, nameLen, nameHash, key);
        if (taken && t.get(i ^ 1) == null) i ^= 1;
        else if (taken) i ^= (nameHash >>> 7) & 1; // spread evictions over both slots
        t.set(i, new Entry(n, nameHash, key, response, rcode));
    }

    private int index(int nameHash, long key) {
        int h = (nameHash * 31 + Long.hashCode(key)) * 0x9E3779B9; // Fibonacci hashing: spread similar names
        h ^= (h >>> 15);
        return h & (capacity - 1);
    }
}
