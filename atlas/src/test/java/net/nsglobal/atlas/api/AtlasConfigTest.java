package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasConfigTest {
    @TempDir
    Path tmp;

    @Test
    void flagThenEnvironmentThenConfigThenDefault() throws Exception {
        Path cfg = tmp.resolve("atlas.properties");
        Files.writeString(cfg, "api-key=from-config\napi-url=http://config.example/api/v2\n");
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
    }
}
