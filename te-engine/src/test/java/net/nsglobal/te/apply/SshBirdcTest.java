package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.testkit.Binaries;
import net.nsglobal.testkit.Wait;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH transport against an in-process Apache MINA SSHD server on loopback whose exec channel runs commands with
 * /bin/sh — so birdc runs "remotely" against a real BIRD 2 started here on a private control socket.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SshBirdcTest {
    @TempDir Path dir;
    Process bird;
    SshServer server;
    KeyPair hostKey;
    KeyPair clientKey;
    Site site;
    final AtomicInteger commandsRun = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        Path sites = dir.resolve("sites");
        Files.createDirectories(sites);
        Files.writeString(sites.resolve("lab1.yaml"), LabSite.YAML);
        site = Sites.load(sites).byId("lab1").orElseThrow();
        Files.writeString(conf(), new BirdConfig(LabSite.TEMPLATES).render(site));
        bird = new ProcessBuilder(Binaries.require("bird", "bird2").toString(), "-f", "-c", conf().toString(), "-s", socket().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bird.log").toFile()).start();
        Wait.until("bird opens " + socket(), Duration.ofSeconds(30), () -> Files.exists(socket()));

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        hostKey = g.generateKeyPair();
        clientKey = g.generateKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> user.equals("te") && key.equals(clientKey.getPublic()));
        server.setCommandFactory((channel, command) -> {
            commandsRun.incrementAndGet();
            // ProcessShellFactory runs its command string with /bin/sh -c, as sshd runs it with the login shell.
            return new ProcessShellFactory(command, CommandFactory.split(command)).createShell(channel);
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop(true);
        if (bird != null) {
            bird.destroy();
            if (!bird.waitFor(10, TimeUnit.SECONDS)) bird.destroyForcibly();
        }
    }

    private Path conf() {
        return dir.resolve("bird.conf");
    }

    private Path socket() {
        return dir.resolve("bird.ctl");
    }

    private SshHost connect(String pinned) throws IOException {
        return SshHost.connect(InetAddress.getLoopbackAddress().getHostAddress(), server.getPort(), "te", clientKey, pinned,
                Duration.ofSeconds(20));
    }

    @Test
    void birdcOverSshAnswersWithBirdsCodes() throws Exception {
        try (SshHost ssh = connect(SshHost.fingerprint(hostKey.getPublic()))) {
            Birdc birdc = new SshBirdc(ssh, socket().toString());

            BirdReply status = birdc.send("show status");
            assertThat(status.ok()).as("%s", status).isTrue();
            assertThat(status.code()).isEqualTo(13);
            assertThat(status.text()).contains("BIRD 2.");

            BirdReply missing = birdc.send("configure check " + Birdc.quote(dir.resolve("none.conf").toString()));
            assertThat(missing.ok()).isFalse();
            assertThat(missing.code()).isEqualTo(8002);
            assertThat(missing.message()).contains("No such file");
        }
    }

    @Test
    void theSiteAgentConfiguredWithBirdSshHasBirdReadItsStateFileThroughSsh() throws Exception {
        Path identity = dir.resolve("agent.key");
        try (var out = Files.newOutputStream(identity)) {
            org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
                    .writePrivateKey(clientKey, "site-agent", (org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext) null, out);
        }
        String yaml = "site-agent:\n  site: lab1\n  dns-address: 127.0.0.1:5300\n  bird-socket: " + socket() + "\n"
                + "  bird-ssh: te@" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort() + "\n"
                + "  bird-ssh-identity: agent.key\n  bird-ssh-host-key: " + SshHost.fingerprint(hostKey.getPublic()) + "\n"
                + "  state-file: anycast-state.conf\n";
        var f = net.nsglobal.config.ProcessFile.parse(yaml, dir.resolve("agent.yaml"), net.nsglobal.te.announce.AgentSchema.SECTION);
        var c = f.read(net.nsglobal.te.announce.AgentSchema.SECTION, sec -> net.nsglobal.te.announce.AgentConfig.read(sec, f.baseDir()));
        assertThat(c.birdConnector().endpoint()).startsWith("ssh:te@");
        try (var agent = c.agent(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC())) {
            int before = commandsRun.get();
            var s = agent.resume(); // writes anycast-state.conf beside bird.conf, which includes it
            assertThat(s.applied()).as("configure over SSH: %s", s.applyError()).isTrue();
            assertThat(commandsRun.get()).as("birdc ran on the host over SSH").isGreaterThan(before);
            assertThat(Files.readString(dir.resolve("anycast-state.conf"))).contains("reject;");
            // BIRD's refusal comes back through SSH in its own words, and the agent keeps it to retry.
            Files.writeString(conf(), Files.readString(conf()) + "garbage;\n");
            var refused = agent.resume();
            assertThat(refused.applied()).isFalse();
            assertThat(refused.applyError()).contains("ssh:te@", "refused", "bird.conf");
        }
    }

    @Test
    void theApplierWorksThroughSsh() throws Exception {
        try (SshSiteHost host = new SshSiteHost(connect(SshHost.fingerprint(hostKey.getPublic())), socket().toString(), conf().toString())) {
            BirdConfig config = new BirdConfig(LabSite.TEMPLATES);
            HealthCheck alwaysHealthy = (b, s, k) -> Optional.empty();
            Applier applier = Applier.of(config, site, host, alwaysHealthy,
                    new Applier.Timing(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100)), Knobs.of(site));

            Knobs next = Knobs.of(site).withPrepend("up2", 1);
            ApplyOutcome o = applier.apply(next);

            assertThat(o).isInstanceOf(ApplyOutcome.Applied.class);
            assertThat(Files.readString(conf())).isEqualTo(config.render(site, next));

            Applier broken = new Applier(site, host, k -> config.render(site, k) + "\nprotocol nonsense;\n",
                    new BirdParser("true", Duration.ofSeconds(10)), alwaysHealthy,
                    new Applier.Timing(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100)), next);
            ApplyOutcome refused = broken.apply(Knobs.of(site));
            assertThat(refused).isInstanceOf(ApplyOutcome.Refused.class);
            assertThat(((ApplyOutcome.Refused) refused).stage()).isEqualTo("configure check");
            assertThat(((ApplyOutcome.Refused) refused).message()).contains("syntax error");
            assertThat(Files.readString(conf())).isEqualTo(config.render(site, next));
        }
    }

    @Test
    void aKnownHostsLinePinsTheSameKey() throws Exception {
        String line = "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + " site fra1";
        String pinned = SshHost.fingerprintOfKnownHostsLine(line);
        assertThat(pinned).isEqualTo(SshHost.fingerprint(hostKey.getPublic())).startsWith("SHA256:");
        try (SshHost ssh = connect(pinned)) {
            assertThat(new SshBirdc(ssh, socket().toString()).send("show status").ok()).isTrue();
        }
        assertThatThrownBy(() -> SshHost.fingerprintOfKnownHostsLine("fra1.example ssh-ed25519 notbase64"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SSH host key");
    }

    @Test
    void aHostKeyThatIsNotThePinnedOneIsRefusedBeforeAnyCommand() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String wrong = SshHost.fingerprint(other.getPublic());

        assertThatThrownBy(() -> connect(wrong)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not the pinned " + wrong)
                .hasMessageContaining(SshHost.fingerprint(hostKey.getPublic()));
        assertThat(commandsRun.get()).isZero();
    }
}
