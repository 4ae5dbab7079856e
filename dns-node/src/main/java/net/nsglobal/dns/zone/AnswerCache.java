package net.nsglobal.dns.zone;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encoded responses of one zone snapshot, keyed by (lowercased qname wire bytes, qtype and response shape), so the
 * hot path answers with one array copy. Direct-mapped and lossy like a CPU cache: a colliding entry is simply
 * overwritten, so it is bounded, lock-free and allocation-free on a hit. Entries are immutable and published through
 * an {@link AtomicReferenceArray}, so readers on any thread see complete entries. It belongs to one snapshot and dies
 * with it: a zone swap invalidates every answer at once.
 */
public final class AnswerCache {
    /** One cached response: the name and key it answers, the bytes (ID 0, RD/CD clear) and the rcode. */
    public record Entry(byte[] name, long key, byte[] response, int rcode) {}

    private final int capacity;
    private volatile AtomicReferenceArray<Entry> table;

    AnswerCache(int recordCount) {
        int want = Math.max(64, Math.min(1 << 16, recordCount * 2));
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
        Entry e = t.get(index(nameHash, key));
        if (e != null && e.key == key && e.name.length == nameLen
                && java.util.Arrays.equals(e.name, 0, nameLen, name, 0, nameLen)) {
            return e;
        }
        return null;
    }

    public void put(byte[] name, int nameLen, int nameHash, long key, byte[] response, int rcode) {
        byte[] n = java.util.Arrays.copyOf(name, nameLen);
        table().set(index(nameHash, key), new Entry(n, key, response, rcode));
    }

    private int index(int nameHash, long key) {
        int h = nameHash * 31 + Long.hashCode(key);
        h ^= (h >>> 16);
        return h & (capacity - 1);
    }
}
