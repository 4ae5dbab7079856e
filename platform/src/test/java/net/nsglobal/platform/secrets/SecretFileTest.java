package net.nsglobal.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret is made once (0600, whole), found again on the next start, and a loosened file is tightened. */
class SecretFileTest {
    @TempDir Path dir;

    @Test
    void madeOnceThenReadBack() throws Exception {
        Path f = dir.resolve("sub/key");
        SecretFile.Secret first = SecretFile.readOrCreate(f, 32, Base64.getEncoder());
        assertThat(first.created()).isTrue();
        assertThat(Base64.getDecoder().decode(first.value())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        SecretFile.Secret again = SecretFile.readOrCreate(f, 32, Base64.getEncoder());
        assertThat(again).isEqualTo(new SecretFile.Secret(first.value(), false));
        try (var files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("key"); // no temp file left
        }
    }

    @Test
    void aFileReadableByOthersIsSetTo0600() throws Exception {
        Path f = dir.resolve("key");
        Files.writeString(f, "c2VjcmV0\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SecretFile.readOrCreate(f, 32, Base64.getEncoder()).value()).isEqualTo("c2VjcmV0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void anEmptyFileIsAnErrorNamingIt() throws Exception {
        Path f = dir.resolve("key");
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        assertThatThrownBy(() -> SecretFile.readOrCreate(f, 32, Base64.getEncoder()))
                .hasMessageContaining(f.toString()).hasMessageContaining("empty");
    }
}
