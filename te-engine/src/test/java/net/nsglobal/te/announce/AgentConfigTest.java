package net.nsglobal.te.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentConfigTest {
    static final Path FILE = Path.of("/etc/nsglobal/agent.yaml");

    static AgentConfig parse(String yaml) throws ConfigException {
        ProcessFile f = ProcessFile.parse(yaml, FILE, AgentSchema.SECTION);
        return f.read(AgentSchema.SECTION, s -> AgentConfig.read(s, f.baseDir()));
    }

    @Test
    void readsTheSectionWithDefaultsAndResolvesPaths() throws Exception {
        AgentConfig c = parse("""
                site-agent:
                  site: ams1
                  dns-address: 192.0.2.1
                  probe-zone: example.com
                  node-http: 127.0.0.1:8053
                  collector: 198.51.100.10:443
                  fall: 4
                  state-file: bird/anycast-state.conf
                """);
        assertThat(c.site()).isEqualTo("ams1");
        assertThat(c.dnsAddress().getPort()).isEqualTo(53);
        assertThat(c.fall()).isEqualTo(4);
        assertThat(c.rise()).isEqualTo(3);
        assertThat(c.checkInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.drainWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.stateFile()).isEqualTo(Path.of("/etc/nsglobal/bird/anycast-state.conf"));
        assertThat(c.maintenanceFile()).isEqualTo(Path.of("/etc/nsglobal/site-agent.maintenance"));
        assertThat(c.birdSocket()).isEqualTo(Path.of("/run/bird/bird.ctl"));
        assertThat(c.checks(java.time.Clock.systemUTC())).extracting(Check::name)
                .containsExactly("dns", "zones", "collector");
    }

    @Test
    void badInputIsAClearErrorNamingTheKey() {
        assertThatThrownBy(() -> parse("site-agent:\n  dns-address: 192.0.2.1\n"))
                .hasMessageContaining("site-agent.site").hasMessageContaining("required");
        assertThatThrownBy(() -> parse("site-agent:\n  site: ams1\n  dns-address: 192.0.2.1\n  check-interval: 1s\n"
                + "  check-timeout: 2s\n")).hasMessageContaining("site-agent.check-timeout")
                .hasMessageContaining("shorter than check-interval");
        assertThatThrownBy(() -> parse("site-agent:\n  site: ams1\n  dns-address: 192.0.2.1\n  rise: 0\n"))
                .hasMessageContaining("site-agent.rise");
        assertThatThrownBy(() -> parse("site-agent:\n  site: ams1\n  dns-address: 192.0.2.1\n  fal: 2\n"))
                .hasMessageContaining("site-agent.fal").hasMessageContaining("unknown setting");
        assertThatThrownBy(() -> parse("site-agent:\n  site: ams1\n  dns-address: dns.example\n"))
                .hasMessageContaining("site-agent.dns-address");
    }

    @Test
    void reportsGoToTheControlPlaneWithATokenFromAFile() throws Exception {
        String base = "site-agent:\n  site: ams1\n  dns-address: 192.0.2.1\n";
        AgentConfig none = parse(base);
        assertThat(none.reportUrl()).isNull();
        AgentConfig c = parse(base + "  report-url: https://dash.nsglobal.example/\n  report-token-file: agent.token\n");
        assertThat(c.reportUrl()).hasToString("https://dash.nsglobal.example/");
        assertThat(c.reportTokenFile()).isEqualTo(Path.of("/etc/nsglobal/agent.token"));
        assertThat(c.reportTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> parse(base + "  report-url: https://dash.nsglobal.example/\n"))
                .hasMessageContaining("site-agent.report-token-file").hasMessageContaining("required with report-url");
        assertThatThrownBy(() -> parse(base + "  report-url: ftp://dash.example/\n  report-token-file: t\n"))
                .hasMessageContaining("site-agent.report-url").hasMessageContaining("not an http or https URL");
        // The agent speaks BIRD's control socket itself: the old birdc binary key is gone, and says so.
        assertThatThrownBy(() -> parse(base + "  birdc: /usr/sbin/birdc\n"))
                .hasMessageContaining("site-agent.birdc").hasMessageContaining("unknown setting");
    }

    @Test
    void aMissingOrEmptyTokenFileStopsTheAgentBeforeItStarts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("agent.yaml");
        ProcessFile f = ProcessFile.parse("site-agent:\n  site: ams1\n  dns-address: 127.0.0.1:5300\n"
                + "  report-url: http://127.0.0.1:1/\n  report-token-file: agent.token\n", yaml, AgentSchema.SECTION);
        AgentConfig c = f.read(AgentSchema.SECTION, s -> AgentConfig.read(s, f.baseDir()));
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        assertThatThrownBy(() -> c.agent(registry, java.time.Clock.systemUTC()))
                .hasMessageContaining("report-token-file").hasMessageContaining("agent.token");
        java.nio.file.Files.writeString(dir.resolve("agent.token"), "\n");
        assertThatThrownBy(() -> c.agent(registry, java.time.Clock.systemUTC())).hasMessageContaining("one API token");
        java.nio.file.Files.writeString(dir.resolve("agent.token"), "tok\n");
        try (SiteAgent a = c.agent(registry, java.time.Clock.systemUTC())) {
            assertThat(a.snapshot().site()).isEqualTo("ams1");
        }
    }

    @Test
    void birdSshNeedsAnIdentityAndAPinnedHostKey() throws Exception {
        String base = "site-agent:\n  site: ams1\n  dns-address: 192.0.2.1\n";
        AgentConfig c = parse(base + "  bird-ssh: bird@[2001:db8::1]:2222\n  bird-ssh-identity: agent.key\n"
                + "  bird-ssh-host-key: SHA256:abc\n");
        assertThat(c.birdSsh()).isEqualTo(new AgentConfig.BirdSsh("bird", "2001:db8::1", 2222,
                Path.of("/etc/nsglobal/agent.key"), "SHA256:abc"));
        assertThat(parse(base + "  bird-ssh: bird@site.example\n  bird-ssh-identity: k\n  bird-ssh-host-key: SHA256:x\n")
                .birdSsh().port()).isEqualTo(22);
        assertThatThrownBy(() -> parse(base + "  bird-ssh: site.example\n  bird-ssh-identity: k\n  bird-ssh-host-key: SHA256:x\n"))
                .hasMessageContaining("site-agent.bird-ssh").hasMessageContaining("USER@HOST[:PORT]");
        assertThatThrownBy(() -> parse(base + "  bird-ssh: b@h\n  bird-ssh-host-key: SHA256:x\n"))
                .hasMessageContaining("site-agent.bird-ssh-identity").hasMessageContaining("required with bird-ssh");
        assertThatThrownBy(() -> parse(base + "  bird-ssh: b@h\n  bird-ssh-identity: k\n"))
                .hasMessageContaining("site-agent.bird-ssh-host-key").hasMessageContaining("pinned");
        assertThatThrownBy(() -> parse(base + "  bird-ssh: b@h\n  bird-ssh-identity: k\n  bird-ssh-host-key: nonsense\n"))
                .hasMessageContaining("site-agent.bird-ssh-host-key").hasMessageContaining("known_hosts");
        assertThatThrownBy(() -> parse(base + "  bird-ssh: b@h\n  bird-ssh-identity: missing.key\n"
                + "  bird-ssh-host-key: SHA256:x\n").birdConnector()).hasMessageContaining("bird-ssh-identity")
                .hasMessageContaining("missing.key");
    }
}
