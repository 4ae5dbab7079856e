package net.nsglobal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform's layering, read from the sources: data flows down the module list and nothing imports what is above
 * it. Only the launcher knows every module; the engine knows no web page; the Atlas client knows no engine; dns-node
 * knows no control plane. A violation names the file and the import.
 */
class LayeringTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Any qualified name in code: imports and fully qualified uses alike (comments and the package line removed). */
    private static final Pattern NAME = Pattern.compile("\\b((?:net\\.nsglobal|io\\.javalin|gg\\.jte)\\.[\\w.]+)");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|^package [^;]*;", Pattern.DOTALL | Pattern.MULTILINE);

    /** module folder → package prefixes its main code must not import. */
    private static final List<Rule> RULES = List.of(
            new Rule("testkit", "net.nsglobal.config.", "net.nsglobal.dns.", "net.nsglobal.platform.",
                    "net.nsglobal.control.", "net.nsglobal.dashboard.", "net.nsglobal.te.", "net.nsglobal.atlas.",
                    "net.nsglobal.cli."),
            new Rule("config", "net.nsglobal.dns.", "net.nsglobal.platform.", "net.nsglobal.control.",
                    "net.nsglobal.dashboard.", "net.nsglobal.te.", "net.nsglobal.atlas.", "net.nsglobal.cli."),
            new Rule("platform", "net.nsglobal.dns.", "net.nsglobal.control.", "net.nsglobal.dashboard.",
                    "net.nsglobal.te.", "net.nsglobal.atlas.", "net.nsglobal.cli."),
            new Rule("dns-node", "net.nsglobal.platform.", "net.nsglobal.control.", "net.nsglobal.dashboard.",
                    "net.nsglobal.te.", "net.nsglobal.atlas.", "net.nsglobal.cli."),
            new Rule("atlas", "net.nsglobal.te.", "net.nsglobal.control.", "net.nsglobal.dashboard.",
                    "net.nsglobal.dns.", "net.nsglobal.cli."),
            new Rule("te-engine", "io.javalin.", "gg.jte.", "net.nsglobal.control.", "net.nsglobal.dashboard.",
                    "net.nsglobal.cli."),
            new Rule("control-plane", "io.javalin.", "gg.jte.", "net.nsglobal.dashboard.", "net.nsglobal.cli."),
            new Rule("dashboard", "net.nsglobal.cli."));

    record Rule(String module, String... forbidden) {}

    @Test
    void noModuleImportsWhatIsAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Rule r : RULES) {
            Path src = ROOT.resolve(r.module()).resolve("src/main/java");
            assertThat(src).as("module %s has main sources", r.module()).isDirectory();
            violations.addAll(violations(src, r.forbidden()));
        }
        assertThat(violations).as("imports against the layering").isEmpty();
    }

    @Test
    void theDashboardHoldsOnlyWebCode() throws IOException {
        List<String> outside = new ArrayList<>();
        Path src = ROOT.resolve("dashboard/src/main/java");
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
                if (!pkg.startsWith("net.nsglobal.dashboard.web")) outside.add(src.relativize(f).toString());
            });
        }
        assertThat(outside).as("dashboard files outside net.nsglobal.dashboard.web").isEmpty();
    }

    @Test
    void aForbiddenImportIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = Files.createDirectories(dir.resolve("x")).resolve("A.java");
        Files.writeString(f, "package x;\n/** {@link net.nsglobal.dashboard.web.Api} in a comment is fine */\n"
                + "class A { Object o = net.nsglobal.dashboard.web.WebApp.class; }\n");
        assertThat(violations(dir, "net.nsglobal.dashboard.")).singleElement().asString()
                .contains("A.java").contains("net.nsglobal.dashboard.web.WebApp");
    }

    private static List<String> violations(Path src, String... forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = NAME.matcher(COMMENTS.matcher(Files.readString(f)).replaceAll(""));
                while (m.find()) {
                    for (String bad : forbidden) {
                        if (m.group(1).startsWith(bad)) out.add(ROOT.relativize(f.toAbsolutePath()) + ": " + m.group(1));
                    }
                }
            }
        }
        return out;
    }
}
