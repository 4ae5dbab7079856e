package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.nsglobal.dns.wire.NameBytes;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private static byte[] name(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    /** The cached response, or null. */
    private static byte[] get(AnswerCache c, byte[] n, long key) {
        AnswerCache.Arena a = c.arena();
        long at = a.find(n, n.length, NameBytes.hash(n, 0, n.length), key);
        if (at < 0) return null;
        byte[] out = new byte[a.length(at)];
        assertThat(a.copy(at, out)).isEqualTo(out.length);
        return out;
    }

    private static void put(AnswerCache c, byte[] n, long key, int tag) {
        c.put(n, n.length, NameBytes.hash(n, 0, n.length), key, new byte[] {(byte) tag}, 0);
    }

    @Test
    void aHitReturnsWhatWasPutForThatNameAndKeyOnly() {
        AnswerCache c = new AnswerCache(100);
        assertThat(get(c, name("www"), 1)).isNull();
        put(c, name("www"), 1, 7);
        assertThat(get(c, name("www"), 1)).containsExactly(7);
        assertThat(get(c, name("www"), 28)).isNull();
        assertThat(get(c, name("wwx"), 1)).isNull();
        put(c, name("www"), 1, 8);                       // same key again: replaced, not duplicated
        assertThat(get(c, name("www"), 1)).containsExactly(8);
    }

    @Test
    void atAQuarterLoadEveryKeyStaysCached() {
        // the benchmark's shape: ~45k questions in 2^18 slots; with two ways 5% of them thrashed
        AnswerCache c = new AnswerCache(1 << 16);
        int n = 45_000;
        for (int i = 0; i < n; i++) put(c, name("h" + i + ".bench.test"), 1, i);
        for (int pass = 0; pass < 2; pass++) {
            int missing = 0;
            for (int i = 0; i < n; i++) {
                byte[] e = get(c, name("h" + i + ".bench.test"), 1);
                if (e == null) {
                    missing++;
                    put(c, name("h" + i + ".bench.test"), 1, i);
                } else {
                    assertThat(e[0]).isEqualTo((byte) i);
                }
            }
            // a set of eight overflows rarely (Poisson at 1.4 keys per set); two ways lost ~2,000 keys per pass here
            assertThat(missing).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void overfillingStaysBoundedAndCorrect() {
        AnswerCache c = new AnswerCache(16);             // 64 slots
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            int k = r.nextInt(500);
            byte[] n = name("n" + k);
            byte[] e = get(c, n, 1);
            if (e != null) assertThat(e[0]).isEqualTo((byte) k);   // never another name's answer
            else put(c, n, 1, k);
        }
    }

    @Test
    void aFullArenaStartsAfreshAndNeverServesStaleBytes() {
        // 64 slots and an arena of 4 KiB + 8 KiB: 512-byte answers fill it after 23, then it starts afresh
        AnswerCache c = new AnswerCache(16, 12 << 10);
        SplittableRandom r = new SplittableRandom(5);
        int refills = 0;
        long before = 0;
        for (int i = 0; i < 5_000; i++) {
            int k = r.nextInt(300);
            byte[] n = name("n" + k);
            byte[] e = get(c, n, 7);
            if (e != null) {
                assertThat(e).hasSize(512);
                for (byte b : e) assertThat(b).isEqualTo((byte) k);        // whole, and this name's
            } else {
                byte[] answer = new byte[512];
                java.util.Arrays.fill(answer, (byte) k);
                c.put(n, n.length, NameBytes.hash(n, 0, n.length), 7, answer, 3);
                long used = c.bytesUsed();
                if (used < before) refills++;
                before = used;
                assertThat(used).isLessThanOrEqualTo(12 << 10);
                assertThat(c.arena().rcode(c.arena().find(n, n.length, NameBytes.hash(n, 0, n.length), 7))).isEqualTo(3);
            }
        }
        assertThat(refills).isGreaterThan(10);
    }

    @Test
    void anAnswerLargerThanAnyChunkIsNotCachedAndDoesNotEmptyTheCache() {
        AnswerCache c = new AnswerCache(16);              // a small zone: chunks of 4 KiB up to 128 KiB
        put(c, name("www"), 1, 9);
        byte[] huge = new byte[0xFFFF];
        c.put(name("big"), 3, NameBytes.hash(name("big"), 0, 3), 16, huge, 0);
        assertThat(get(c, name("big"), 16)).hasSize(0xFFFF);             // 64 KiB still fits a 128 KiB chunk
        AnswerCache tiny = new AnswerCache(16, 8 << 10);  // 4 KiB + … : 64 KiB fits no chunk
        put(tiny, name("www"), 1, 9);
        tiny.put(name("big"), 3, NameBytes.hash(name("big"), 0, 3), 16, huge, 0);
        assertThat(get(tiny, name("big"), 16)).isNull();
        assertThat(get(tiny, name("www"), 1)).containsExactly(9);
    }

    @Test
    void cachingTensOfThousandsOfAnswersLeavesNoObjectPerAnswer() throws Exception {
        // after a new snapshot the whole working set is cached again within a second; objects per answer would all
        // survive the young collections of that second and be copied one by one (the pauses of a reload)
        AnswerCache c = new AnswerCache(1 << 16);
        for (int i = 0; i < 45_000; i++) put(c, name("h" + i + ".bench.test"), 1, i);
        assertThat(get(c, name("h44999.bench.test"), 1)).containsExactly((byte) 44999);
        assertThat(reachableObjects(c)).isLessThan(100);
    }

    /** Objects reachable from {@code root}: fields of our classes, array elements, AtomicReferenceArray elements. */
    private static int reachableObjects(Object root) throws IllegalAccessException {
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<Object> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o instanceof Class || !seen.add(o)) continue;
            Class<?> k = o.getClass();
            if (k.isArray()) {
                if (!k.getComponentType().isPrimitive()) {
                    for (Object e : (Object[]) o) if (e != null) todo.push(e);
                }
            } else if (o instanceof java.util.concurrent.atomic.AtomicReferenceArray<?> a) {
                for (int i = 0; i < a.length(); i++) if (a.get(i) != null) todo.push(a.get(i));
            } else if (!k.getName().startsWith("java.")) {
                for (Class<?> t = k; t != null && t != Object.class; t = t.getSuperclass()) {
                    for (java.lang.reflect.Field f : t.getDeclaredFields()) {
                        if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        f.setAccessible(true);
                        Object v = f.get(o);
                        if (v != null) todo.push(v);
                    }
                }
            }
        }
        return seen.size();
    }
}
