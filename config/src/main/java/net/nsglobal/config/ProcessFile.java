package net.nsglobal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process's YAML file: top-level sections ({@code control-plane:}, {@code te:}, {@code atlas:}, {@code sites:}),
 * each read by its own module's schema through {@link #read}. A process names the sections it reads; any other
 * top-level key is refused, as is any unknown key inside a section (its {@link Section#finish}). Every error is
 * {@code FILE:LINE: dotted.key: reason}. dns-node's node file is not one of these: it keeps its own top-level layout.
 */
public final class ProcessFile {
    /** Every section a process file may hold, and which module's schema reads it. */
    public static final List<String> SECTIONS = List.of("control-plane", "te", "atlas", "sites", "site-agent");

    /** Reads one section's records from its {@link Section}; the section's {@code finish()} is called after. */
    public interface SectionReader<T> {
        T read(Section section) throws ConfigException;
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final Set<String> sections = new LinkedHashSet<>();

    private ProcessFile(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads {@code file}; the process reads {@code sections} (each also in {@link #SECTIONS}), nothing else. */
    public static ProcessFile load(Path file, String... sections) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("(file)", "cannot read: " + e).in(file, 0);
        }
        return parse(text, file, sections);
    }

    /** Parses YAML text as if read from {@code file} (named in errors; relative paths resolve against its folder). */
    public static ProcessFile parse(String yaml, Path file, String... sections) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException("(yaml)", "not valid YAML: " + e.getOriginalMessage())
                    .in(file, loc == null ? 0 : loc.getLineNr());
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
        if (!root.isObject()) {
            String hint = root.isTextual() && root.textValue().contains("=")
                    ? " (a properties file, key=value? write YAML sections instead, e.g. atlas: {api-key: …})" : "";
            throw new ConfigException("(top level)", "expected sections " + String.join(":, ", SECTIONS) + ":" + hint)
                    .in(file, 1);
        }
        ProcessFile f = new ProcessFile(file, root, lineNumbers(yaml));
        for (String s : sections) {
            if (!SECTIONS.contains(s)) throw new IllegalArgumentException("not a process-file section: " + s);
            f.sections.add(s);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!f.sections.contains(k)) {
                String why = SECTIONS.contains(k) ? "section not read by this process"
                        : "unknown section; a setting goes indented under its section, e.g. " + f.sections.iterator().next()
                        + ": then   " + k + ": …";
                throw new ConfigException(k, why + " (this file is read for: " + String.join(", ", f.sections) + ")")
                        .in(file, f.line(k));
            }
        }
        return f;
    }

    public Path file() { return file; }

    /** The folder relative paths in this file are resolved against. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** True when the file has the section (an absent section reads as empty: every key at its default). */
    public boolean has(String section) {
        return root.hasNonNull(section);
    }

    /** Reads {@code section} with {@code reader}, then refuses its unknown keys; errors name this file and the line. */
    public <T> T read(String section, SectionReader<T> reader) throws ConfigException {
        if (!sections.contains(section)) throw new IllegalArgumentException("section " + section + " not declared");
        try {
            Section s = new Section(section, root.get(section));
            T value = reader.read(s);
            s.finish();
            return value;
        } catch (ConfigException e) {
            throw locate(e);
        }
    }

    /** {@code e} with this file and the line of its key (or of the nearest enclosing key written in the file). */
    public ConfigException locate(ConfigException e) {
        return e.in(file, line(e.key()));
    }

    private int line(String key) {
        for (String k = key; !k.isEmpty(); ) {
            Integer l = lines.get(k);
            if (l != null) return l;
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            if (cut <= 0) break;
            k = k.substring(0, cut);
        }
        return 0;
    }

    /** Line of every key (dotted, list items as {@code [i]}) as written; the tree Jackson builds keeps none. */
    private static Map<String, Integer> lineNumbers(String yaml) {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            if (p.nextToken() != null) walk(p, "", out);
        } catch (IOException e) {
            // Already parsed once without error; without lines, errors just name the file.
        }
        return out;
    }

    private static void walk(JsonParser p, String path, Map<String, Integer> out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                out.putIfAbsent(k, p.currentLocation().getLineNr());
                p.nextToken();
                walk(p, k, out);
            }
        } else if (t == JsonToken.START_ARRAY) {
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                String k = path + "[" + i + "]";
                out.putIfAbsent(k, p.currentLocation().getLineNr());
                walk(p, k, out);
            }
        }
    }
}
