package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasConfigTest {
    @TempDir
    Path tmp;

    @Test
    void flagThenEnvironmentThenConfigThenDefault() throws Exception {
        Path cfg = tmp.resolve("te.yaml");
        Files.writeString(cfg, "atlas: {api-key: from-config, api-url: http://config.example/api/v2}\n");
        AtlasConfig c = AtlasConfig.resolve(null, cfg, Map.of());
        assertThat(c.apiUrl()).isEqualTo("http://config.example/api/v2/");
        assertThat(c.apiKey()).contains(ApiKey.of("from-config"));

        c = AtlasConfig.resolve(null, cfg, Map.of("RIPE_ATLAS_KEY", "from-env", "RIPE_ATLAS_API_URL",
                "http://env.example/api/v2/"));
        assertThat(c.apiUrl()).isEqualTo("http://env.example/api/v2/");
        assertThat(c.apiKey()).contains(ApiKey.of("from-env"));

        c = AtlasConfig.resolve("http://flag.example/api/v2/", cfg, Map.of("RIPE_ATLAS_API_URL", "http://env/"));
        assertThat(c.apiUrl()).isEqualTo("http://flag.example/api/v2/");

        c = AtlasConfig.resolve(null, null, Map.of());
        assertThat(c.apiUrl()).isEqualTo("https://atlas.ripe.net/api/v2/");
        assertThat(c.apiKey()).isEmpty();
        assertThat(c.toString()).contains("apiKey=none");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.retry().maxAttempts()).isEqualTo(5);
    }

    @Test
    void theAtlasSectionSetsTimeoutsAndRetries() throws Exception {
        Path cfg = tmp.resolve("te.yaml");
        Files.writeString(cfg, "atlas:\n  connect-timeout: 2s\n  read-timeout: 5m\n  max-attempts: 2\n"
                + "  retry-base-delay: 500ms\n  retry-max-delay: 10s\nsites: {dir: .}\n");
        AtlasConfig c = AtlasConfig.resolve(null, cfg, Map.of());
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.retry().maxAttempts()).isEqualTo(2);
        assertThat(c.retry().baseDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.retry().maxDelay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void mistakesNameTheFileLineAndKey() throws Exception {
        Path cfg = tmp.resolve("te.yaml");
        Files.writeString(cfg, "atlas:\n  api-url: ftp://x.example/\n");
        assertThatThrownBy(() -> AtlasConfig.resolve(null, cfg, Map.of()))
                .hasMessage("atlas: " + cfg + ":2: atlas.api-url: expected an http:// or https:// URL, got 'ftp://x.example/'");
        Files.writeString(cfg, "atlas:\n  read-timeout: forever\n");
        assertThatThrownBy(() -> AtlasConfig.resolve(null, cfg, Map.of())).hasMessageContaining(":2: atlas.read-timeout:");
        Files.writeString(cfg, "atlas: {api-kee: x}\n");
        assertThatThrownBy(() -> AtlasConfig.resolve(null, cfg, Map.of()))
                .hasMessageContaining(":1: atlas.api-kee: unknown setting");
        Files.writeString(cfg, "api-key=from-config\napi-url=http://config.example/api/v2\n");
        assertThatThrownBy(() -> AtlasConfig.resolve(null, cfg, Map.of()))
                .as("a properties file of before gets a clear message").hasMessageContaining("properties file");
    }
}
