package net.nsglobal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * docs/configuration.md against the schemas: the keys the doc's tables name (rows of tables whose first column is
 * headed {@code key}) must be exactly the keys the schemas have, and a schema's table can be written from the schema
 * itself ({@link #table}, kept between {@code <!-- generated: NAME -->} and {@code <!-- end generated -->}), so its
 * type, default and meaning columns never drift from the code.
 */
public final class ConfigDoc {
    private ConfigDoc() {}

    /** The keys named in the first cell ({@code `a.b`}) of every row of every table headed {@code | key |}. */
    public static Set<String> documentedKeys(String markdown) {
        Set<String> keys = new TreeSet<>();
        boolean keyTable = false;
        String previous = "";
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("|")) {
                keyTable = false;
            } else if (!previous.startsWith("|")) {
                keyTable = firstCell(l).equals("key");
            } else if (keyTable && !l.startsWith("| ---")) {
                String cell = firstCell(l);
                if (cell.matches("`[a-z][a-z0-9\\-\\[\\].]*`")) keys.add(cell.substring(1, cell.length() - 1));
            }
            previous = l;
        }
        return keys;
    }

    /** What is wrong: schema keys the doc lacks and documented keys no schema has; empty = the doc is complete. */
    public static List<String> problems(String markdown, Collection<String> schemaKeys) {
        Set<String> documented = documentedKeys(markdown);
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(schemaKeys)) {
            if (!documented.contains(k)) out.add("not documented: `" + k + "`");
        }
        for (String k : documented) {
            if (!schemaKeys.contains(k)) out.add("documented but in no schema: `" + k + "`");
        }
        return out;
    }

    /** The markdown table of {@code keys}: key, type, default, meaning — from the settings themselves. */
    public static String table(List<Setting.Key> keys) {
        StringBuilder b = new StringBuilder("| key | type | default | meaning |\n| --- | --- | --- | --- |\n");
        for (Setting.Key k : keys) {
            Setting<?> s = k.setting();
            b.append("| `").append(k.path()).append("` | ").append(cell(s.kind().describe())).append(" | ")
                    .append(cell(k.defaultText() != null ? k.defaultText() : defaultOf(s))).append(" | ")
                    .append(cell(s.doc())).append(" |\n");
        }
        return b.toString();
    }

    /** The text between {@code <!-- generated: NAME -->} and the next {@code <!-- end generated -->}, or null. */
    public static String generated(String markdown, String name) {
        String open = "<!-- generated: " + name + " -->\n";
        int a = markdown.indexOf(open);
        if (a < 0) return null;
        int b = markdown.indexOf(END, a);
        return b < 0 ? null : markdown.substring(a + open.length(), b);
    }

    /** {@code markdown} with the block {@code name} (which must exist) replaced by {@code text}. */
    public static String withGenerated(String markdown, String name, String text) {
        String open = "<!-- generated: " + name + " -->\n";
        int a = markdown.indexOf(open);
        int b = a < 0 ? -1 : markdown.indexOf(END, a);
        if (b < 0) throw new IllegalArgumentException("no block <!-- generated: " + name + " --> … " + END);
        return markdown.substring(0, a + open.length()) + text + markdown.substring(b);
    }

    private static final String END = "<!-- end generated -->";

    private static String defaultOf(Setting<?> s) {
        if (s.required()) return "**required**";
        Object v = s.defaultValue();
        if (v == null) return "unset";
        if (v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()) return "empty";
        if (v instanceof Duration d) return "`" + duration(d) + "`";
        if (v instanceof java.net.InetSocketAddress a) {
            String h = a.getAddress().getHostAddress();
            return "`" + (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort() + "`";
        }
        return "`" + v + "`";
    }

    /** The shortest exact form: 90s stays 90s, 3600s is 1h, 14 days is 2w. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) return ms + "ms";
        long s = ms / 1000;
        long[] sizes = {7 * 86400, 86400, 3600, 60};
        String[] units = {"w", "d", "h", "m"};
        for (int i = 0; i < sizes.length; i++) if (s != 0 && s % sizes[i] == 0) return s / sizes[i] + units[i];
        return s + "s";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String firstCell(String row) {
        String[] cells = row.split("\\|", -1);
        return cells.length > 1 ? cells[1].strip() : "";
    }
}
