package net.nsglobal.te.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Optional;
import net.nsglobal.te.apply.LocalSiteHost;
import net.nsglobal.te.apply.SiteHost;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A router item becomes the host it names; the engine's SSH key file is read, or refused naming site and file. */
class SiteHostsTest {
    @TempDir Path dir;

    @Test
    void aLocalRouterIsItsSocketAndFile() throws Exception {
        SiteHost h = SiteHosts.open(new RouterConfig("te.routers[0]", "fra1", "/run/bird/fra1.ctl", "/etc/bird/fra1.conf",
                Optional.empty()));
        assertThat(h).isInstanceOf(LocalSiteHost.class);
        assertThat(h.runningFile()).isEqualTo("/etc/bird/fra1.conf");
        assertThat(h.describe()).contains("unix:/run/bird/fra1.ctl");
    }

    @Test
    void readsAnOpenSshPrivateKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair pair = g.generateKeyPair();
        Path file = dir.resolve("te_ecdsa");
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "te-engine", null, out);
        }

        KeyPair read = SiteHosts.identity("ams1", file);

        assertThat(read.getPublic()).isEqualTo(pair.getPublic());
    }

    @Test
    void anUnreadableKeyFileNamesTheSiteAndTheFile() throws Exception {
        Path file = dir.resolve("not-a-key");
        Files.writeString(file, "hello\n");
        assertThatThrownBy(() -> SiteHosts.identity("ams1", file)).isInstanceOf(IOException.class)
                .hasMessageContaining("site ams1: ssh-key-file " + file);
        assertThatThrownBy(() -> SiteHosts.identity("ams1", dir.resolve("missing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("site ams1: ssh-key-file " + dir.resolve("missing"));
    }
}
