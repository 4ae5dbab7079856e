package net.nsglobal.dns.zone;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encoded responses of one zone snapshot, keyed by (lowercased qname wire bytes, qtype and response shape), so the
 * hot path answers with one array copy. Set-associative and lossy like a CPU cache: a key lives in one set of
 * {@link #WAYS} neighbouring slots; when the set is full a slot chosen by the name's hash is overwritten. So it is
 * bounded, lock-free and allocation-free on a hit.
 *
 * <p>Why eight ways: with two, the benchmark's 45,282 distinct questions in 2^18 slots left 2,156 of them in sets of
 * three or more, and those evicted each other on every pass — 5% of queries went through the slow path, which was
 * most of the Java CPU and 80% of the allocation in the profile. With eight ways the same load leaves a handful of
 * keys (3 of 45,000 in AnswerCacheTest) in overflowing sets. Slots are filled in order and never emptied, so a
 * lookup stops at the first empty slot.
 *
 * <p>Why an arena and not an object per answer: after every new snapshot (a reload, a transfer) the whole working
 * set of questions is answered once more through the slow path and cached again, tens of thousands of entries
 * within a second. As objects (an entry, its name, its response: three per answer) they all survived the young
 * collections of that second and were copied one by one, and those collections were the longest pauses of a busy
 * node (15–80 ms with the benchmark zone, docs/performance.md "Tail latency"). Here an answer is a run of bytes in a
 * chunk ({@code [nameHash:4][key:8][rcode:2][nameLen:1][responseLen:2][name][response]}) and a slot holds its chunk
 * and offset. Chunks double from 4 KiB to 1 MiB, so a small zone that is asked little costs a few KiB, not one
 * large chunk each (an edge may serve 100,000 zones): a refill leaves a few large arrays behind, which a collector moves at memory speed, if at all.
 *
 * <p>Space is taken from the arena by one atomic add and never given back while the arena lives: an overwritten
 * answer's bytes stay until the arena is full ({@link #maxBytes}), and then the next insertion starts a fresh,
 * empty {@link Arena} (the questions still asked are cached again within moments). Bytes are written before the
 * slot that points at them is published with release semantics and read after an acquire load, so a reader on
 * any thread sees a complete answer. The cache belongs to one snapshot and dies with it: a zone swap invalidates
 * every answer at once.
 */
public final class AnswerCache {
    static final int WAYS = 8;
    static final int FIRST_CHUNK = 4096;
    static final int CHUNK = 1 << 20;
    private static final int HEADER = 4 + 8 + 2 + 1 + 2;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final int capacity;
    private final long maxBytes;
    private volatile Arena arena;

    AnswerCache(int recordCount) {
        this(recordCount, 0);
    }

    /** @param maxBytes the arena's size before it starts afresh; 0 = 512 bytes a slot, at least 256 KiB */
    AnswerCache(int recordCount, long maxBytes) {
        int want = Math.max(64, Math.min(1 << 18, recordCount * 4));
        this.capacity = Integer.highestOneBit(want - 1) << 1;
        this.maxBytes = maxBytes > 0 ? maxBytes : Math.max(256 << 10, (long) capacity * 512);
    }

    /**
     * The arena answers are read from now. A reader takes it once per query and asks it both {@link Arena#find}
     * and {@link Arena#copy}, so that an arena replaced in between cannot mix two arenas' offsets.
     */
    public Arena arena() {
        Arena a = arena;
        if (a == null) {
            synchronized (this) {
                a = arena;
                if (a == null) arena = a = new Arena(capacity, maxBytes);
            }
        }
        return a;
    }

    /**
     * Caches a response (bytes with ID 0 and RD/CD clear) for the name and key. Not cached: names longer than 255
     * and responses longer than 65,535 bytes (neither exists in DNS), and answers larger than the arena's largest
     * chunk (a 64 KiB TCP answer in a small zone's 256 KiB arena still fits).
     */
    public void put(byte[] name, int nameLen, int nameHash, long key, byte[] response, int rcode) {
        if (nameLen > 255 || response.length > 0xFFFF) return;
        Arena a = arena();
        if (HEADER + nameLen + response.length > chunkSize(a.chunks.length() - 1)) return;  // larger than any chunk
        if (!a.put(name, nameLen, nameHash, key, response, rcode)) {
            synchronized (this) {
                if (arena == a) arena = new Arena(capacity, maxBytes);   // full: start afresh
                a = arena;
            }
            a.put(name, nameLen, nameHash, key, response, rcode);
        }
    }

    /** Bytes of the current arena's chunks so far (answers, overwritten ones included, and unused chunk ends). */
    long bytesUsed() {
        Arena a = arena;
        if (a == null) return 0;
        long sum = 0;
        for (int i = 0; i < a.chunks.length(); i++) if (a.chunks.get(i) != null) sum += chunkSize(i);
        return sum;
    }

    /** Chunk {@code i}'s size: 4 KiB doubling to 1 MiB. */
    static int chunkSize(int i) { return i >= 8 ? CHUNK : FIRST_CHUNK << i; }

    /** The slots and chunks of one arena. */
    public static final class Arena {
        private final long[] slots;                          // 0 = empty, else (chunk << 32 | offset) + 1
        private final AtomicReferenceArray<byte[]> chunks;   // as many as fit in maxBytes
        private final AtomicLong top = new AtomicLong();     // chunk << 32 | first free byte in it

        private Arena(int capacity, long maxBytes) {
            this.slots = new long[capacity];
            int n = 0;
            for (long sum = 0; sum + chunkSize(n) <= maxBytes; n++) sum += chunkSize(n);
            this.chunks = new AtomicReferenceArray<>(Math.max(1, n));
        }

        /** The cached answer for this name and key as an offset to pass to {@link #copy}, or -1. */
        public long find(byte[] name, int nameLen, int nameHash, long key) {
            int set = setOf(nameHash, key, slots.length);
            for (int i = set, end = set + WAYS; i < end; i++) {
                long s = (long) SLOT.getAcquire(slots, i);
                if (s == 0) return -1;
                if (matches(s - 1, name, nameLen, nameHash, key)) return s - 1;
            }
            return -1;
        }

        /** The length of the response at {@code at}. */
        public int length(long at) {
            byte[] c = chunks.get((int) (at >>> 32));
            int p = (int) at;
            return u16(c, p + 15);
        }

        /** The rcode of the response at {@code at}. */
        public int rcode(long at) {
            byte[] c = chunks.get((int) (at >>> 32));
            return u16(c, (int) at + 12);
        }

        /** Copies the response at {@code at} into {@code out} (at least {@link #length} long); returns its length. */
        public int copy(long at, byte[] out) {
            byte[] c = chunks.get((int) (at >>> 32));
            int p = (int) at;
            int nameLen = c[p + 14] & 0xFF;
            int len = u16(c, p + 15);
            System.arraycopy(c, p + HEADER + nameLen, out, 0, len);
            return len;
        }

        private boolean matches(long at, byte[] name, int nameLen, int nameHash, long key) {
            byte[] c = chunks.get((int) (at >>> 32));
            int p = (int) at;
            // hash and key first: a mismatching slot is rejected without comparing names
            return i32(c, p) == nameHash && i64(c, p + 4) == key && (c[p + 14] & 0xFF) == nameLen
                    && java.util.Arrays.equals(c, p + HEADER, p + HEADER + nameLen, name, 0, nameLen);
        }

        /** False when the arena is full (nothing was cached). */
        boolean put(byte[] name, int nameLen, int nameHash, long key, byte[] response, int rcode) {
            long at = reserve(HEADER + nameLen + response.length);
            if (at < 0) return false;
            byte[] c = chunk((int) (at >>> 32));
            int p = (int) at;
            putI32(c, p, nameHash);
            putI64(c, p + 4, key);
            putU16(c, p + 12, rcode);
            c[p + 14] = (byte) nameLen;
            putU16(c, p + 15, response.length);
            System.arraycopy(name, 0, c, p + HEADER, nameLen);
            System.arraycopy(response, 0, c, p + HEADER + nameLen, response.length);
            long value = at + 1;
            int set = setOf(nameHash, key, slots.length);
            for (int i = set, end = set + WAYS; i < end; i++) {
                long s = (long) SLOT.getAcquire(slots, i);
                // an empty slot, or the same key (another thread answered it first): take it
                if (s == 0 || matches(s - 1, name, nameLen, nameHash, key)) {
                    if (SLOT.compareAndSet(slots, i, s, value)) return true;
                    long won = (long) SLOT.getAcquire(slots, i);      // lost the race: to the same key is fine
                    if (matches(won - 1, name, nameLen, nameHash, key)) return true;
                }
            }
            SLOT.setRelease(slots, set + Math.floorMod((nameHash >>> 11) ^ (int) key, WAYS), value); // full: overwrite
            return true;
        }

        /** Where {@code size} fresh bytes start ({@code chunk << 32 | offset}), or -1 when the arena is full. */
        private long reserve(int size) {
            while (true) {
                long t = top.get();
                int ci = (int) (t >>> 32);
                int pos = (int) t;
                while (ci < chunks.length() && pos + size > chunkSize(ci)) {   // does not fit: the next chunk
                    ci++;
                    pos = 0;
                }
                if (ci >= chunks.length()) return -1;
                long at = ((long) ci << 32) | pos;
                if (top.compareAndSet(t, at + size)) return at;
            }
        }

        private byte[] chunk(int i) {
            byte[] c = chunks.get(i);
            if (c == null) {
                chunks.compareAndSet(i, null, new byte[chunkSize(i)]);
                c = chunks.get(i);
            }
            return c;
        }
    }

    /** First slot of the key's set. */
    private static int setOf(int nameHash, long key, int capacity) {
        int h = nameHash * 31 + Long.hashCode(key);
        h ^= h >>> 16;                     // MurmurHash3's finaliser: names differing in one digit land far apart
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & (capacity - WAYS);
    }

    private static int u16(byte[] b, int p) { return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF); }
    private static void putU16(byte[] b, int p, int v) { b[p] = (byte) (v >>> 8); b[p + 1] = (byte) v; }
    private static int i32(byte[] b, int p) { return (u16(b, p) << 16) | u16(b, p + 2); }
    private static void putI32(byte[] b, int p, int v) { putU16(b, p, v >>> 16); putU16(b, p + 2, v); }
    private static long i64(byte[] b, int p) { return ((long) i32(b, p) << 32) | (i32(b, p + 4) & 0xFFFFFFFFL); }
    private static void putI64(byte[] b, int p, long v) { putI32(b, p, (int) (v >>> 32)); putI32(b, p + 4, (int) v); }
}
