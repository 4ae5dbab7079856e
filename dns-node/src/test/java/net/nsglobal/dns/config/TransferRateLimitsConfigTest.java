package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code limits.transfer-min-rate} and {@code limits.transfer-min-rate-window}: BIND's defaults, values, errors. */
@Timeout(10)
class TransferRateLimitsConfigTest {
    private static final Path BASE = Path.of("/etc/nsglobal");

    private static Limits limits(String limitsYaml) throws ConfigException {
        return NodeConfig.parseYaml("server: { listen: 127.0.0.1:0 }\n" + limitsYaml, BASE).limits();
    }

    @Test
    void defaultsAreBindsMinTransferRateIn() throws Exception {
        Limits l = limits("");
        assertThat(l.transferMinRate() * l.transferMinRateWindow().toSeconds()).isBetween(10_000L, 10_240L);
        assertThat(l.transferMinRateWindow()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void explicitValuesAndOff() throws Exception {
        Limits l = limits("limits: { transfer-min-rate: 10k, transfer-min-rate-window: 30s }");
        assertThat(l.transferMinRate()).isEqualTo(10_240);
        assertThat(l.transferMinRateWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits("limits: { transfer-min-rate: 0 }").transferMinRate()).isZero();
    }

    @Test
    void badValuesNameTheKey() {
        assertError("limits: { transfer-min-rate: slow }", "limits.transfer-min-rate");
        assertError("limits: { transfer-min-rate-window: 10ms }", "limits.transfer-min-rate-window");
    }

    private static void assertError(String limitsYaml, String key) {
        assertThatThrownBy(() -> limits(limitsYaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
                .hasMessageContaining(key);
    }
}
