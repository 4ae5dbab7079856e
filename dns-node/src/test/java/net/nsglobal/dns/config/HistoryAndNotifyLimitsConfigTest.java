package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code limits.ixfr-history} and {@code limits.notify-rate}: values, the derived default, errors naming the key. */
class HistoryAndNotifyLimitsConfigTest {
    private static final Path BASE = Path.of("/etc/nsglobal");

    private static Limits limits(String limitsYaml) throws ConfigException {
        return NodeConfig.parseYaml("server: { listen: 127.0.0.1:0 }\n" + limitsYaml, BASE).limits();
    }

    @Test
    void defaultsAreTodaysFormulaAnd1000PerSecond() throws Exception {
        Limits l = limits("");
        assertThat(l.ixfrHistory()).isEqualTo(5_000_000L / 4);
        assertThat(l.notifyRate()).isEqualTo(1000);
        assertThat(limits("limits: { records-per-zone: 20000 }").ixfrHistory()).isEqualTo(10_000); // the floor
        assertThat(limits("limits: { records-per-zone: 1m }").ixfrHistory()).isEqualTo((1L << 20) / 4);
    }

    @Test
    void explicitValues() throws Exception {
        Limits l = limits("limits: { ixfr-history: 64k, notify-rate: 50 }");
        assertThat(l.ixfrHistory()).isEqualTo(64L << 10);
        assertThat(l.notifyRate()).isEqualTo(50);
        assertThat(limits("limits: { ixfr-history: 123, records-per-zone: 10 }").ixfrHistory()).isEqualTo(123);
    }

    @Test
    void badValuesNameTheKey() {
        assertError("limits: { ixfr-history: 0 }", "limits.ixfr-history", "at least");
        assertError("limits: { ixfr-history: lots }", "limits.ixfr-history", "expected a size");
        assertError("limits: { notify-rate: 0 }", "limits.notify-rate", "between 1 and 1000000");
        assertError("limits: { notify-rate: fast }", "limits.notify-rate", "expected an integer");
        assertError("limits: { notify-rates: 5 }", "limits.notify-rates", "unknown setting");
    }

    private static void assertError(String limitsYaml, String key, String reason) {
        assertThatThrownBy(() -> limits(limitsYaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
                .hasMessageContaining(key)
                .hasMessageContaining(reason);
    }
}
