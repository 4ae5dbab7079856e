package net.nsglobal.control.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** The collector key file: what dns-node's tsig-keys-file reader accepts, rewritten from the zone list, mode 0600. */
class CollectorKeysFileTest {
    @TempDir Path dir;

    static final String S1 = "c2VjcmV0LW9uZS1zZWNyZXQtb25lLXNlY3JldC1vbmU=";
    static final String S2 = "c2VjcmV0LXR3by1zZWNyZXQtdHdvLXNlY3JldC10d28=";

    private static ZoneEntry zone(String domain, String key, String alg, String secret, long created) {
        return new ZoneEntry(domain, "z" + domain.length(), List.of("192.0.2.1"), key, alg, secret, "h@" + domain,
                Instant.ofEpochSecond(created), Instant.ofEpochSecond(created));
    }

    @Test
    void writesTheConfirmedZonesKeysAndDropsThemWhenZonesGoOrKeysChange() throws Exception {
        Path f = dir.resolve("sub/keys.yaml");
        CollectorKeysFile kf = new CollectorKeysFile(f);
        assertThat(kf.write(List.of(zone("a.test", "ka", "hmac-sha512", S1, 1), zone("b.test", null, null, null, 2),
                zone("c.test", "kc.", "hmac-sha256", S2, 3)))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        var keys = NodeConfig.loadKeyFile(f); // the node's own reader accepts it
        assertThat(keys).extracting(k -> k.name().toString()).containsExactly("ka.", "kc.");
        assertThat(keys.get(0).algorithm().toString()).isEqualTo("hmac-sha512");
        assertThat(keys.get(0).secret()).isEqualTo(java.util.Base64.getDecoder().decode(S1));

        // a.test removed, c.test's key replaced by another name
        assertThat(kf.write(List.of(zone("b.test", null, null, null, 2), zone("c.test", "kc2", "hmac-sha256", S2, 3))))
                .isTrue();
        assertThat(NodeConfig.loadKeyFile(f)).extracting(k -> k.name()).containsExactly(Name.fromString("kc2."));
        try (var left = Files.list(f.getParent())) {
            assertThat(left).as("no temp files left behind").containsExactly(f);
        }
        assertThat(kf.write(List.of())).isTrue();
        assertThat(NodeConfig.loadKeyFile(f)).isEmpty();
    }

    @Test
    void aKeyNameClaimedTwiceWithDifferentSecretsStaysWithTheOlderSignUp() throws Exception {
        Path f = dir.resolve("keys.yaml");
        new CollectorKeysFile(f).write(List.of(zone("new.test", "shared", "hmac-sha256", S2, 20),
                zone("old.test", "shared", "hmac-sha256", S1, 10), zone("same.test", "shared", "hmac-sha256", S1, 30)));
        var keys = NodeConfig.loadKeyFile(f);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).secret()).isEqualTo(java.util.Base64.getDecoder().decode(S1));
    }
}
