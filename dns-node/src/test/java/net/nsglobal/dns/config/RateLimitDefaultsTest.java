package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Response rate limiting is on by default for an edge (it answers the Internet over anycast) and off for standalone
 * nodes and collectors, as BIND and Knot ship; an explicit setting wins either way.
 */
class RateLimitDefaultsTest {
    private static final Path BASE = Path.of("/etc/nsglobal");

    private static RateLimit rrl(String yaml) throws ConfigException {
        return NodeConfig.parseYaml("server: { listen: 127.0.0.1:0 }\n" + yaml, BASE).rateLimit();
    }

    @Test
    void edgeWithoutRateLimitSectionLimits() throws Exception {
        RateLimit r = rrl("role: edge\n");
        assertThat(r.enabled()).isTrue();
        assertThat(r.responsesPerSecond()).isEqualTo(RateLimit.EDGE_RESPONSES_PER_SECOND).isEqualTo(20);
        assertThat(r.slip()).isEqualTo(2);
        assertThat(r.ipv4Prefix()).isEqualTo(24);
        assertThat(r.ipv6Prefix()).isEqualTo(56);
        // a section that only tunes other keys keeps the edge's default rate
        assertThat(rrl("role: edge\nrate-limit: { slip: 3 }\n").responsesPerSecond()).isEqualTo(20);
        // the quick form's --role edge too
        assertThat(NodeConfig.fromArgs("--listen", "127.0.0.1:0", "--role", "edge").rateLimit().enabled()).isTrue();
    }

    @Test
    void standaloneAndCollectorDoNotLimitByDefault() throws Exception {
        assertThat(rrl("").enabled()).isFalse();
        assertThat(rrl("role: standalone\n").enabled()).isFalse();
        assertThat(rrl("role: collector\n").enabled()).isFalse();
        assertThat(rrl("rate-limit: { slip: 3 }\n").enabled()).isFalse();
        assertThat(NodeConfig.fromArgs("--listen", "127.0.0.1:0").rateLimit().enabled()).isFalse();
    }

    @Test
    void explicitSettingWins() throws Exception {
        assertThat(rrl("role: edge\nrate-limit: off\n").enabled()).isFalse();
        assertThat(rrl("role: edge\nrate-limit: false\n").enabled()).isFalse();
        assertThat(rrl("role: edge\nrate-limit: { responses-per-second: 0 }\n").enabled()).isFalse();
        assertThat(rrl("role: edge\nrate-limit: { responses-per-second: 100 }\n").responsesPerSecond()).isEqualTo(100);
        assertThat(rrl("role: standalone\nrate-limit: { responses-per-second: 7 }\n").responsesPerSecond()).isEqualTo(7);
    }

    @Test
    void onlyOffIsAcceptedInPlaceOfTheMapping() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rrl("role: edge\nrate-limit: on\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rate-limit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rrl("role: edge\nrate-limit: 5\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rate-limit");
    }
}
