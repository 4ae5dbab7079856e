package net.nsglobal.dns.zone;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encoded responses of one zone snapshot, keyed by (lowercased qname wire bytes, qtype and response shape), so the
 * hot path answers with one array copy. Set-associative and lossy like a CPU cache: a key lives in one set of
 * {@link #WAYS} neighbouring slots; when the set is full a slot chosen by the name's hash is overwritten. So it is
 * bounded (at most four slots per record, at most 2^18), lock-free and allocation-free on a hit.
 *
 * <p>Why eight ways: with two, the benchmark's 45,282 distinct questions in 2^18 slots left 2,156 of them in sets of
 * three or more, and those evicted each other on every pass — 5% of queries went through the slow path, which was
 * most of the Java CPU and 80% of the allocation in the profile. With eight ways the same load leaves a handful of
 * keys (3 of 45,000 in AnswerCacheTest) in overflowing sets. Slots are filled in order and never emptied, so a lookup stops at the first empty slot.
 *
 * <p>Entries are immutable and published through an {@link AtomicReferenceArray}, so readers on any thread see
 * complete entries. It belongs to one snapshot and dies with it: a zone swap invalidates every answer at once.
 */
public final class AnswerCache {
    /** One cached response: the name (and its hash) and key it answers, the bytes (ID 0, RD/CD clear), the rcode. */
    public record Entry(byte[] name, int nameHash, long key, byte[] response, int rcode) {}

    static final int WAYS = 8;

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
        int set = setOf(nameHash, key);
        for (int i = set, end = set + WAYS; i < end; i++) {
            Entry e = t.get(i);
            if (e == null) return null;
            if (matches(e, name, nameLen, nameHash, key)) return e;
        }
        return null;
    }

    private static boolean matches(Entry e, byte[] name, int nameLen, int nameHash, long key) {
        // Hash and key first: a mismatching slot is rejected without touching the name bytes.
        return e.key == key && e.nameHash == nameHash && e.name.length == nameLen
                && java.util.Arrays.equals(e.name, 0, nameLen, name, 0, nameLen);
    }

    public void put(byte[] name, int nameLen, int nameHash, long key, byte[] response, int rcode) {
        Entry fresh = new Entry(java.util.Arrays.copyOf(name, nameLen), nameHash, key, response, rcode);
        AtomicReferenceArray<Entry> t = table();
        int set = setOf(nameHash, key);
        for (int i = set, end = set + WAYS; i < end; i++) {
            Entry e = t.get(i);
            // an empty slot, or the same key (another thread answered it first): take it
            if (e == null || matches(e, name, nameLen, nameHash, key)) {
                if (t.compareAndSet(i, e, fresh)) return;
                Entry won = t.get(i);                                 // lost the race: to the same key is fine
                if (matches(won, name, nameLen, nameHash, key)) return;
            }
        }
        t.set(set + Math.floorMod((nameHash >>> 11) ^ (int) key, WAYS), fresh);   // full: overwrite one way
    }

    /** First slot of the key's set. */
    private int setOf(int nameHash, long key) {
        int h = nameHash * 31 + Long.hashCode(key);
        h ^= h >>> 16;                     // MurmurHash3's finaliser: names differing in one digit land far apart
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & (capacity - WAYS);
    }
}
