package net.nsglobal.te.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import org.junit.jupiter.api.Test;

/** The loop's keys of the {@code te:} section: defaults, and bad values refused naming the file, line, key and site. */
class EngineSettingsTest {
    static final String HOST_KEY = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";

    static EngineSettings parse(String yaml) throws ConfigException {
        ProcessFile f = ProcessFile.parse(yaml, Path.of("/etc/nsglobal/te.yaml"), "te", "atlas", "sites");
        return f.read("te", s -> EngineSettings.read(s, f.baseDir()));
    }

    @Test
    void defaultsAreCautious() throws Exception {
        EngineSettings s = parse("te: {}\n");
        assertThat(s.lifecycle().autoApply()).isFalse();
        assertThat(s.experimentsOnProduction()).isFalse();
        assertThat(s.lifecycle().rollbackInflationMs()).isEqualTo(5.0);
        assertThat(s.lifecycle().rollbackOptimalShare()).isEqualTo(0.05);
        assertThat(s.proposalInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.verifyInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.timing().confirmTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.timing().healthBound()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.routers()).isEmpty();
        assertThat(EngineSettings.defaults()).isEqualTo(s);
    }

    @Test
    void readsLocalAndSshRouters() throws Exception {
        EngineSettings s = parse("""
                te:
                  auto-apply: true
                  rollback-inflation: 12ms
                  rollback-optimal-drop: 10
                  configure-timeout: 90s
                  health-bound: 30s
                  routers:
                    - { site: fra1, socket: /run/bird/bird.ctl, config-file: /etc/bird/bird.conf }
                    - site: ams1
                      ssh-host: 192.0.2.11
                      ssh-user: nsglobal-te
                      ssh-key-file: keys/te_ed25519
                      ssh-host-key: "%s"
                """.formatted(HOST_KEY));
        assertThat(s.lifecycle().autoApply()).isTrue();
        assertThat(s.lifecycle().rollbackInflationMs()).isEqualTo(12.0);
        assertThat(s.lifecycle().rollbackOptimalShare()).isEqualTo(0.10);
        assertThat(s.timing().confirmTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.routers().keySet()).containsExactly("fra1", "ams1");
        assertThat(s.routers().get("fra1").ssh()).isEmpty();
        RouterConfig.Ssh ssh = s.routers().get("ams1").ssh().orElseThrow();
        assertThat(ssh).isEqualTo(new RouterConfig.Ssh("192.0.2.11", 22, "nsglobal-te", Path.of("/etc/nsglobal/keys/te_ed25519"), HOST_KEY));
        assertThat(s.routers().get("ams1").configFile()).isEqualTo("/etc/bird/bird.conf");
    }

    @Test
    void anSshRouterWithoutAPinnedHostKeyIsRefusedNamingKeyAndSite() {
        assertThatThrownBy(() -> parse("""
                te:
                  routers:
                    - site: fra1
                    - site: ams1
                      ssh-host: 192.0.2.11
                      ssh-user: te
                      ssh-key-file: k
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("te.yaml:4: te.routers[1].ssh-host-key: site ams1: required with ssh-host");
    }

    @Test
    void badRouterValuesAreRefusedNamingKeyAndSite() {
        assertThatThrownBy(() -> parse("te:\n  routers:\n    - { site: fra1, socket: bird.ctl }\n"))
                .hasMessageContaining("te.routers[0].socket: site fra1: must be an absolute path");
        assertThatThrownBy(() -> parse("te:\n  routers:\n    - { site: fra1, ssh-user: te }\n"))
                .hasMessageContaining("te.routers[0].ssh-user: site fra1: set without ssh-host");
        assertThatThrownBy(() -> parse("te:\n  routers:\n    - { site: fra1, ssh-host: h, ssh-user: u, ssh-key-file: k, ssh-host-key: nonsense }\n"))
                .hasMessageContaining("te.routers[0].ssh-host-key: site fra1: neither SHA256");
        assertThatThrownBy(() -> parse("te:\n  routers:\n    - { site: fra1 }\n    - { site: fra1 }\n"))
                .hasMessageContaining("te.routers[1].site: site fra1 is listed twice");
        assertThatThrownBy(() -> parse("te:\n  routers:\n    - { site: fra1, sokcet: /x }\n"))
                .hasMessageContaining("te.routers[0].sokcet: unknown setting");
        assertThatThrownBy(() -> parse("te: { configure-timeout: 30s, health-bound: 30s }\n"))
                .hasMessageContaining("te.health-bound: must be shorter than configure-timeout");
    }

    @Test
    void routersAreCheckedAgainstTheFleet() throws Exception {
        List<Site> sites = Sites.load(Path.of("..", "sites")).all().stream()
                .filter(s -> s.id().equals("fra1") || s.id().equals("ams1")).toList();
        EngineSettings unknown = parse("te:\n  routers: [ { site: fra1 }, { site: ams1 }, { site: xyz9 } ]\n");
        assertThatThrownBy(() -> unknown.checkRouters(sites))
                .hasMessageContaining("te.routers[2].site: no site 'xyz9' in the sites: selection");
        EngineSettings missing = parse("te:\n  routers: [ { site: fra1 } ]\n");
        assertThatThrownBy(() -> missing.checkRouters(sites)).hasMessageContaining("te.routers: no item for site ams1");
        parse("te:\n  routers: [ { site: fra1 }, { site: ams1 } ]\n").checkRouters(sites);
    }
}
