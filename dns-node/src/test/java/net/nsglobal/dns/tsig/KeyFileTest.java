package net.nsglobal.dns.tsig;

import net.nsglobal.dns.config.TsigKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** The tsig-keys-file: load, re-read on change, all-or-nothing on a bad file, lookup order static → file. */
class KeyFileTest {
    @TempDir Path dir;
    private int version;

    private static final String S1 = Base64.getEncoder().encodeToString("secret-one-secret-one-secret-one".getBytes());
    private static final String S2 = Base64.getEncoder().encodeToString("secret-two-secret-two-secret-two".getBytes());

    /** Writes like the control plane: temp file + atomic rename; a distinct mtime so the change is seen. */
    private void write(Path f, String text) throws Exception {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(1_700_000_000_000L + 1000L * ++version));
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Name n(String s) throws Exception { return Name.fromString(s, Name.root); }

    @Test
    void loadsReloadsOnChangeAndForgetsRemovedKeys() throws Exception {
        Path f = dir.resolve("keys.yaml");
        KeyFile kf = new KeyFile(f);
        assertThat(kf.poll()).as("missing file: no keys, no change").isFalse();
        assertThat(kf.get(n("k1"))).isNull();

        write(f, "tsig-keys:\n  - {name: k1, algorithm: hmac-sha256, secret: " + S1 + "}\n");
        assertThat(kf.poll()).isTrue();
        assertThat(kf.get(n("k1.")).algorithm().dnsName()).isEqualTo(TSIG.HMAC_SHA256);
        assertThat(kf.get(n("k1")).secret()).isEqualTo(Base64.getDecoder().decode(S1));
        assertThat(kf.poll()).as("unchanged file is not re-read").isFalse();

        write(f, "tsig-keys:\n  - {name: k1, algorithm: hmac-sha512, secret: " + S2 + "}\n"
                + "  - {name: k2, secret: " + S1 + "}\n");
        assertThat(kf.poll()).isTrue();
        assertThat(kf.get(n("k1")).algorithm().dnsName()).isEqualTo(TSIG.HMAC_SHA512);
        assertThat(kf.get(n("k1")).secret()).isEqualTo(Base64.getDecoder().decode(S2));
        assertThat(kf.get(n("k2"))).isNotNull();

        write(f, "tsig-keys:\n  - {name: k2, secret: " + S1 + "}\n");
        assertThat(kf.poll()).isTrue();
        assertThat(kf.get(n("k1"))).as("removed from the file = gone").isNull();
        assertThat(kf.size()).isEqualTo(1);

        write(f, "");
        assertThat(kf.poll()).isTrue();
        assertThat(kf.size()).isZero();
    }

    @Test
    void aBadFileKeepsThePreviousKeysAllOrNothing() throws Exception {
        Path f = dir.resolve("keys.yaml");
        KeyFile kf = new KeyFile(f);
        write(f, "tsig-keys:\n  - {name: k1, secret: " + S1 + "}\n");
        assertThat(kf.poll()).isTrue();
        for (String bad : List.of(
                "tsig-keys:\n  - {name: k2, secret: " + S2 + "}\n  - {name: k3, secret: '!!not base64'}\n",
                "tsig-keys:\n  - {name: k2, secret: " + S2 + "}\n  - {name: k2, secret: " + S1 + "}\n",
                "tsig-keys:\n  - {name: k2, algorithm: hmac-md5, secret: " + S2 + "}\n",
                "tsig-keys:\n  - {name: k2, secret: " + S2 + ", colour: red}\n",
                "- {name: k2, secret: " + S2 + "}\n",
                "tsig-keys: [ {name: k2, secret: \n")) {
            write(f, bad);
            assertThat(kf.poll()).as(bad).isFalse();
            assertThat(kf.get(n("k1"))).as("previous key kept after: " + bad).isNotNull();
            assertThat(kf.get(n("k2"))).as("nothing of a bad file is used: " + bad).isNull();
        }
        write(f, "tsig-keys:\n  - {name: k2, secret: " + S2 + "}\n");
        assertThat(kf.poll()).as("a good file after bad ones is read").isTrue();
        assertThat(kf.get(n("k2"))).isNotNull();
        assertThat(kf.get(n("k1"))).isNull();
    }

    @Test
    void keyringLooksUpStaticKeysFirstThenTheFileAtTimeOfUse() throws Exception {
        Path f = dir.resolve("keys.yaml");
        KeyFile kf = new KeyFile(f);
        TsigKey staticK1 = TsigKey.of("k1", "hmac-sha256", S1);
        Keyring ring = new Keyring(List.of(staticK1), kf);
        assertThat(ring.get(n("k2"))).isNull();

        write(f, "tsig-keys:\n  - {name: k1, secret: " + S2 + "}\n  - {name: k2, secret: " + S2 + "}\n");
        kf.poll();
        assertThat(ring.get(n("k1")).secret()).as("static key wins over the file's").isEqualTo(staticK1.secret());
        assertThat(ring.get(n("k2")).secret()).as("same Keyring sees the new file key")
                .isEqualTo(Base64.getDecoder().decode(S2));
        assertThat(new Keyring(List.of(staticK1)).get(n("k2"))).isNull();
    }
}
