package net.nsglobal.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TSIG secrets at rest: AES-GCM with a fresh nonce per value, bound to the zone, key in a 0600 file. */
class SecretBoxTest {
    @TempDir Path dir;
    static final String SECRET = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";

    @Test
    void sealsWithAFreshNonceAndOpensOnlyForItsZone() throws Exception {
        Path keyFile = dir.resolve("data/tsig-secrets.key");
        SecretBox box = SecretBox.open(keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String a = box.seal("shop.test", SECRET);
        String b = box.seal("shop.test", SECRET);
        assertThat(a).startsWith("aesgcm1:").doesNotContain(SECRET).isNotEqualTo(b);
        assertThat(box.open("shop.test", a)).isEqualTo(SECRET);
        assertThat(SecretBox.open(keyFile).open("shop.test", b)).as("the same key after a restart").isEqualTo(SECRET);
        assertThatThrownBy(() -> box.open("other.test", a)).hasMessageContaining("other.test");
        assertThat(box.open("shop.test", SECRET)).as("a clear legacy value reads as it is").isEqualTo(SECRET);
    }

    @Test
    void aBadKeyFileIsAClearError() throws Exception {
        Path keyFile = dir.resolve("bad.key");
        Files.writeString(keyFile, "c2hvcnQ=\n");
        assertThatThrownBy(() -> SecretBox.open(keyFile)).hasMessageContaining("bad.key").hasMessageContaining("32-byte");
    }
}
