package net.nsglobal.control.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    @Test
    void theSampleConfigParses() throws Exception {
        DashboardConfig c = ConfigFile.load(Path.of("examples/control-plane.yaml"));
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
    void limitKeysParse() throws Exception {
        DashboardConfig.Limits l = ConfigFile.parse("limits: {per-client-ip: 7, per-client-site: 21, per-domain: 2, "
                + "per-rname: 4, max-pending-per-domain: 5, max-pending-per-rname: 6, max-zones-per-domain: 8, "
                + "max-zones-per-rname: 9, tracked-keys: 500, purge-every: 5m}\n" + KEY, Path.of(".")).limits();
        assertThat(l).isEqualTo(new DashboardConfig.Limits(7, 21, 2, 4, Duration.ofHours(1), 5, 6, 8, 9, 500, 16384,
                Duration.ofHours(24), Duration.ofMinutes(5)));
        DashboardConfig.Limits old = ConfigFile.parse("limits: {max-pending: 3}\n" + KEY, Path.of(".")).limits();
        assertThat(old.maxPendingPerDomain()).as("max-pending of older configs: both pending caps").isEqualTo(3);
        assertThat(old.maxPendingPerRname()).isEqualTo(3);
        assertThat(ConfigFile.parse(KEY, Path.of(".")).limits()).isEqualTo(DashboardConfig.Limits.defaults());
        assertThatThrownBy(() -> ConfigFile.parse("limits: {tracked-keys: 0}", Path.of(".")))
                .hasMessageContaining("limits.tracked-keys");
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

    @Test
    void signupSettingsDefaultToMailOnlyAndParse() throws Exception {
        DashboardConfig d = ConfigFile.parse("http: 127.0.0.1:8080\n" + KEY, Path.of("."));
        assertThat(d.signup()).isEqualTo(new DashboardConfig.Signup(false, 53, Duration.ofHours(1)));
        DashboardConfig c = ConfigFile.parse("signup: {txt-proof: true, dns-port: 5353, delegation-recheck: 10m}\n"
                + KEY, Path.of("."));
        assertThat(c.signup()).isEqualTo(new DashboardConfig.Signup(true, 5353, Duration.ofMinutes(10)));
        assertThatThrownBy(() -> ConfigFile.parse("signup: {txt-proof: yes-please}", Path.of(".")))
                .hasMessageContaining("signup.txt-proof");
        assertThatThrownBy(() -> ConfigFile.parse("signup: {dns-port: 0}", Path.of(".")))
                .hasMessageContaining("signup.dns-port");
        assertThatThrownBy(() -> ConfigFile.parse("signup: {txt: true}", Path.of(".")))
                .hasMessageContaining("signup.txt: unknown key");
    }
}
