package net.nsglobal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDocTest {
    static final String DOC = """
            | type | syntax |
            | --- | --- |
            | `address` | not a key table |

            | key | type | default |
            | --- | --- | --- |
            | `a.b` | integer | 1 |
            | `zones[].name` | name | **required** |

            | metric | labels |
            | --- | --- |
            | `dns_queries_total` | x |
            """;

    @Test
    void readsKeysOnlyFromKeyTables() {
        assertThat(ConfigDoc.documentedKeys(DOC)).containsExactlyInAnyOrder("a.b", "zones[].name");
    }

    @Test
    void namesMissingAndUnknownKeys() {
        assertThat(ConfigDoc.problems(DOC, Set.of("a.b", "zones[].name"))).isEmpty();
        assertThat(ConfigDoc.problems(DOC, Set.of("a.b", "a.c"))).containsExactly("not documented: `a.c`",
                "documented but in no schema: `zones[].name`");
    }

    @Test
    void writesATableFromTheSettings() {
        Setting<Duration> every = Setting.optional("every", Kind.duration(Duration.ZERO, Duration.ofDays(1)),
                Duration.ofHours(2), "how often | how long");
        Setting<String> name = Setting.required("name", Kind.string(), "the name");
        String t = ConfigDoc.table(List.of(every.at("te"), name.at("te.x"), every.at("te.y").defaultIs("derived")));
        assertThat(t).isEqualTo("""
                | key | type | default | meaning |
                | --- | --- | --- | --- |
                | `te.every` | duration (seconds, or with unit ms/s/m/h/d/w) | `2h` | how often \\| how long |
                | `te.x.name` | string | **required** | the name |
                | `te.y.every` | duration (seconds, or with unit ms/s/m/h/d/w) | derived | how often \\| how long |
                """);
        assertThat(ConfigDoc.documentedKeys(t)).containsExactlyInAnyOrder("te.every", "te.x.name", "te.y.every");
        assertThat(ConfigDoc.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(ConfigDoc.duration(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(ConfigDoc.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
