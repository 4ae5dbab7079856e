package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A compiled zone keeps its names and RDATA in a few shared arrays, not an object (or eight: record, name, their
 * byte arrays, node, RRset, hash-map entry) per record: what a 1M-record zone costs in heap and in garbage
 * collection work depends on it (docs/performance.md, "Memory"). Counted by walking the object graph a zone holds.
 */
@Timeout(60)
class ZoneFootprintTest {
    private static final int HOSTS = 10_000;

    @Test
    void aCompiledZoneHoldsNoObjectPerRecord(@TempDir Path dir) throws Exception {
        StringBuilder zone = new StringBuilder("$ORIGIN big.test.\n$TTL 3600\n"
                + "@ IN SOA ns1 hostmaster 1 3600 900 604800 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < HOSTS; i++) {
            zone.append("h").append(i).append(" IN A 10.0.").append(i / 256 % 256).append('.').append(i % 256).append('\n');
            if (i % 10 == 0) zone.append("h").append(i).append(" IN TXT \"t").append(i).append("\"\n");
        }
        Path file = dir.resolve("big.test.zone");
        Files.writeString(file, zone);
        Zone z = ZoneFileLoader.load(Name.fromConstantString("big.test."), file);

        assertThat(z.recordCount()).isEqualTo(HOSTS + HOSTS / 10 + 3);
        assertThat(z.node(Name.fromConstantString("h9999.big.test.")).get(Type.A).first().rdataToString())
                .isEqualTo("10.0.39.15");
        // The snapshot and everything it references: a constant number of objects, whatever the zone's size.
        assertThat(reachableObjects(z)).isLessThan(200);
    }

    /**
     * Objects reachable from {@code root} through instance fields and array elements. JDK collections are entered
     * through their public API (one object per element, key and value), other JDK objects count as one.
     */
    private static int reachableObjects(Object root) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        push(todo, root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o == null || o instanceof Class || !seen.add(o)) continue;
            Class<?> c = o.getClass();
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (int i = 0, n = Array.getLength(o); i < n; i++) push(todo, Array.get(o, i));
                }
            } else if (o instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    seen.add(new Object()); // the entry
                    push(todo, e.getKey());
                    push(todo, e.getValue());
                }
            } else if (o instanceof Collection<?> col) {
                for (Object e : col) push(todo, e);
            } else if (!c.getName().startsWith("java.") && !c.getName().startsWith("jdk.")) {
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        f.setAccessible(true);
                        push(todo, f.get(o));
                    }
                }
            }
        }
        return seen.size();
    }

    private static void push(Deque<Object> todo, Object o) {
        if (o != null) todo.push(o);
    }
}
