package net.nsglobal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A YAML mapping being read against the schema: each {@link #get} consumes one key, and {@link #finish} rejects any key
 * nobody asked for (a typo must not be silently ignored). Keys in errors are full dotted paths.
 */
public final class Section {
    private final String path;
    private final JsonNode node;
    private final Set<String> consumed = new LinkedHashSet<>();

    public Section(String path, JsonNode node) throws ConfigException {
        this.path = path;
        this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
        if (!this.node.isMissingNode() && !this.node.isObject()) {
            throw new ConfigException(path.isEmpty() ? "(top level)" : path, "expected a mapping of key: value");
        }
    }

    public String keyOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public <T> T get(Setting<T> s) throws ConfigException {
        consumed.add(s.key());
        java.util.Set<String> seen = READ.get();
        if (seen != null) seen.add(keyOf(s.key()).replaceAll("\\[\\d+]", "[]"));
        JsonNode v = node.get(s.key());
        if (v == null || v.isNull()) {
            if (s.required()) throw new ConfigException(keyOf(s.key()), "is required (" + s.doc() + ")");
            return s.defaultValue();
        }
        return s.kind().parse(keyOf(s.key()), v);
    }

    private static final ThreadLocal<java.util.Set<String>> READ = new ThreadLocal<>();

    /** Something that reads a configuration through sections. */
    public interface Reading {
        void run() throws Exception;
    }

    /**
     * The dotted keys ({@code zones[].name}: list indices as {@code []}) that {@code reading} asked for, on this thread:
     * the key list of a schema whose parser is the only place its sections are known (dns-node's), for the doc check.
     */
    public static java.util.Set<String> keysRead(Reading reading) throws Exception {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        READ.set(seen);
        try {
            reading.run();
        } finally {
            READ.remove();
        }
        return seen;
    }

    /** True when {@code key} is written in this mapping (with a non-null value). */
    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** A section with no keys (every setting at its default). */
    public static Section empty(String path) throws ConfigException {
        return new Section(path, null);
    }

    /** True when {@code key} is written as a switch that is off ({@code off}, {@code false}) instead of a mapping. */
    public boolean isOff(String key) {
        JsonNode v = node.get(key);
        if (v == null) return false;
        if (v.isBoolean() && !v.booleanValue()) { consumed.add(key); return true; }
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("off") || v.textValue().equalsIgnoreCase("false"))) {
            consumed.add(key);
            return true;
        }
        return false;
    }

    /** A nested mapping (absent = empty). */
    public Section section(String key) throws ConfigException {
        consumed.add(key);
        return new Section(keyOf(key), node.get(key));
    }

    /** A list of mappings (absent = empty). */
    public List<Section> list(String key) throws ConfigException {
        consumed.add(key);
        JsonNode v = node.get(key);
        List<Section> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new ConfigException(keyOf(key), "expected a list");
        for (int i = 0; i < v.size(); i++) out.add(new Section(keyOf(key) + "[" + i + "]", v.get(i)));
        return out;
    }

    public void finish() throws ConfigException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!consumed.contains(k)) {
                throw new ConfigException(keyOf(k), "unknown setting (known here: " + String.join(", ", consumed) + ")");
            }
        }
    }
}
