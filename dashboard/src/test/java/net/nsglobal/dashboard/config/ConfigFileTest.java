package net.nsglobal.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    @Test
    void theSampleConfigParses() throws Exception {
        DashboardConfig c = ConfigFile.load(Path.of("examples/dashboard.yaml"));
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.smtp().security()).isEqualTo(SmtpSettings.Security.NONE);
        assertThat(c.smtp().port()).isEqualTo(2525);
        assertThat(c.collectorTransferAddress()).isEqualTo("192.0.2.53");
        assertThat(c.collector().getPort()).isEqualTo(5301);
        assertThat(c.sites()).containsOnlyKeys("ams1", "fra1");
        assertThat(c.limits().window()).isEqualTo(Duration.ofHours(1));
        assertThat(c.limits().tokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(c.dbUrl()).isNull();
        // relative to the config file's folder
        assertThat(c.dataDir()).isEqualTo(Path.of("examples").toAbsolutePath().resolve("../../var/dashboard").normalize());
        assertThat(c.collectorKeysFile()).isEqualTo(Path.of("examples").toAbsolutePath()
                .resolve("../../var/collector/customer-keys.yaml").normalize());
        assertThat(c.catalogKey().name().toString()).isEqualTo("catalog-key.nsglobal.example.");
        assertThat(ConfigFile.parse("http: 127.0.0.1:8080\n" + KEY, Path.of(".")).collectorKeysFile()).isNull();
    }

    static final String KEY = "catalog: {tsig-key: {name: k, secret: c2l4dGVlbi1ieXRlcy1zZWNyZXQ=}}";

    @Test
    void theCatalogIsServedOnlyWithAKey() {
        assertThatThrownBy(() -> ConfigFile.parse("http: 127.0.0.1:8080", Path.of(".")))
                .hasMessageContaining("catalog.tsig-key: required");
        assertThatThrownBy(() -> ConfigFile.parse("catalog: {tsig-key: {name: k, secret: c2hvcnQ=}}", Path.of(".")))
                .hasMessageContaining("catalog.tsig-key.secret: too short");
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> ConfigFile.parse("smtp: {hots: x}", Path.of(".")))
                .hasMessageContaining("smtp.hots: unknown key");
        assertThatThrownBy(() -> ConfigFile.parse("limits: {window: soon}", Path.of(".")))
                .hasMessageContaining("limits.window");
        assertThatThrownBy(() -> ConfigFile.parse("smtp: {security: ssl}", Path.of(".")))
                .hasMessageContaining("smtp.security");
        assertThatThrownBy(() -> ConfigFile.parse("own-prefixes: [300.0.0.0/8]", Path.of(".")))
                .hasMessageContaining("own-prefixes");
    }
}
