package net.nsglobal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.atlas.api.AtlasSchema;
import net.nsglobal.config.ConfigDoc;
import net.nsglobal.config.Section;
import net.nsglobal.config.Setting;
import net.nsglobal.config.SiteSelection;
import net.nsglobal.dns.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md names exactly the keys of every schema: dns-node's, the control plane's, atlas', the TE
 * engine's and the sites selection. The tables of the process-file sections are written from the schemas; run with
 * {@code -Dnsglobal.writeDoc=true} to rewrite them after a schema change.
 */
class ConfigurationDocTest {
    static final Path DOC = Path.of("..", "docs", "configuration.md");

    @TempDir Path dir;

    /** The process-file sections whose tables are generated, in the doc's order. */
    static Map<String, List<Setting.Key>> sections() {
        Map<String, List<Setting.Key>> m = new LinkedHashMap<>();
        m.put("control-plane", net.nsglobal.control.config.Schema.all());
        m.put("sites", SiteSelection.all());
        m.put("te", net.nsglobal.te.config.Schema.all());
        m.put("atlas", AtlasSchema.all());
        m.put("site-agent", net.nsglobal.te.announce.AgentSchema.all());
        return m;
    }

    /**
     * dns-node's keys: its Schema's settings carry no section, NodeConfig's parser places them, so the keys are the
     * ones the parser asks for while reading the doc's own full example (which must therefore parse).
     */
    Set<String> dnsNodeKeys(String doc) throws Exception {
        Matcher m = Pattern.compile("## Full example\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/configuration.md has a '## Full example' yaml block").isTrue();
        String example = m.group(1);
        return Section.keysRead(() -> NodeConfig.parseYaml(example, dir));
    }

    @Test
    void everySchemaKeyIsDocumentedAndNothingElse() throws Exception {
        String doc = Files.readString(DOC);
        if (Boolean.getBoolean("nsglobal.writeDoc")) {
            for (var e : sections().entrySet()) doc = ConfigDoc.withGenerated(doc, e.getKey(), ConfigDoc.table(e.getValue()));
            Files.writeString(DOC, doc);
        }
        Set<String> keys = new TreeSet<>(dnsNodeKeys(doc));
        assertThat(keys).as("dns-node keys seen").hasSizeGreaterThan(50).contains("server.listen", "zones[].name",
                "rate-limit.slip", "catalogs[].allow-primaries");
        for (var e : sections().entrySet()) {
            String table = ConfigDoc.table(e.getValue());
            assertThat(ConfigDoc.generated(doc, e.getKey()))
                    .as("the generated table of %s: (run this test with -Dnsglobal.writeDoc=true)", e.getKey())
                    .isEqualTo(table);
            e.getValue().forEach(k -> keys.add(k.path()));
        }
        assertThat(ConfigDoc.problems(doc, keys)).as("docs/configuration.md against the schemas").isEmpty();
    }
}
