package net.nsglobal.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of dns-node, read from its sources (imports and fully qualified names in code; comments do not
 * count):
 *
 * <ul>
 *   <li>the foundations ({@code config}, {@code zone}, {@code wire}, {@code tsig}) use nothing from the protocol and
 *       wiring packages ({@code query}, {@code secondary}, {@code catalog}, {@code notify}, {@code replication});</li>
 *   <li>no two packages depend on each other, directly or round a longer loop: a lower package that needs something
 *       of a higher one owns a small interface the higher one implements.</li>
 * </ul>
 *
 * The root package ({@code Node}, the composition of the whole node) may use every package and is left out.
 */
class LayeringTest {
    static final Path SOURCES = Path.of("src/main/java/net/nsglobal/dns");
    static final Set<String> FOUNDATIONS = Set.of("config", "zone", "wire", "tsig");
    static final Set<String> ABOVE_FOUNDATIONS = Set.of("query", "secondary", "catalog", "notify", "replication");
    static final Pattern REFERENCE = Pattern.compile("net\\.nsglobal\\.dns\\.([a-z]+)\\.[A-Za-z]\\w*");

    /** One use of another package: the file (relative to the sources) and what it names. */
    record Use(String file, String reference) {
        @Override
        public String toString() { return file + " uses " + reference; }
    }

    @Test
    void foundationsUseNoProtocolPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        edges(SOURCES).forEach((from, tos) -> tos.forEach((to, uses) -> {
            if (FOUNDATIONS.contains(from) && ABOVE_FOUNDATIONS.contains(to)) {
                for (Use u : uses) violations.add(u + " (" + from + " must not depend on " + to + ")");
            }
        }));
        assertThat(violations).as("upward dependencies in dns-node").isEmpty();
    }

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Map<String, List<Use>>> edges = edges(SOURCES);
        List<String> cycles = new ArrayList<>();
        for (var e : edges.entrySet()) {
            for (String to : e.getValue().keySet()) {
                List<String> back = path(edges, to, e.getKey());
                if (back == null) continue;
                // a cycle from -> to -> ... -> from; every edge named by its first use
                List<String> loop = new ArrayList<>();
                loop.add(e.getKey());
                loop.addAll(back);
                StringBuilder why = new StringBuilder(String.join(" -> ", loop) + ":");
                for (int i = 0; i + 1 < loop.size(); i++) {
                    why.append("\n    ").append(edges.get(loop.get(i)).get(loop.get(i + 1)).get(0));
                }
                cycles.add(why.toString());
            }
        }
        assertThat(cycles).as("package cycles in dns-node").isEmpty();
    }

    /** package -> package it uses -> the uses, from every source file below the root package. */
    static Map<String, Map<String, List<Use>>> edges(Path root) throws IOException {
        Map<String, Map<String, List<Use>>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) continue; // the root package: the node's composition
                String pkg = rel.getName(0).toString();
                Matcher m = REFERENCE.matcher(code(Files.readString(f)));
                while (m.find()) {
                    String to = m.group(1);
                    if (to.equals(pkg)) continue;
                    out.computeIfAbsent(pkg, k -> new TreeMap<>()).computeIfAbsent(to, k -> new ArrayList<>())
                            .add(new Use(rel.toString(), m.group()));
                }
            }
        }
        return out;
    }

    /** The packages on a path from {@code from} to {@code to} (both included), or null when there is none. */
    static List<String> path(Map<String, Map<String, List<Use>>> edges, String from, String to) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        parent.put(from, null);
        while (!queue.isEmpty()) {
            String p = queue.poll();
            if (p.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String s = to; s != null; s = parent.get(s)) path.add(0, s);
                return path;
            }
            for (String next : edges.getOrDefault(p, Map.of()).keySet()) {
                if (!parent.containsKey(next)) {
                    parent.put(next, p);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** The source without its comments (a package named in a comment is not a dependency). */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    @Test
    void theScanSeesImportsAndFullyQualifiedNamesButNotComments() {
        String src = "package x;\nimport net.nsglobal.dns.query.Stage;\n/** {@link net.nsglobal.dns.notify.NotifyStage} */\n"
                + "class A { net.nsglobal.dns.catalog.Catalog c; // net.nsglobal.dns.secondary.Secondary\n}";
        List<String> seen = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code(src));
        while (m.find()) seen.add(m.group(1));
        assertThat(seen).containsExactly("query", "catalog");
    }
}
