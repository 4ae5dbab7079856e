package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class ZoneFileLoaderTest {
    private static final Name ORIGIN = Name.fromConstantString("example.com.");

    @TempDir
    Path dir;

    @Test
    void loadsMasterFileWithDirectives() throws Exception {
        Files.writeString(dir.resolve("hosts.inc"), "www A 192.0.2.1\n");
        Path f = dir.resolve("example.com.zone");
        Files.writeString(f, """
                $ORIGIN example.com.
                $TTL 300
                @ SOA ns1 hostmaster 7 3600 600 86400 60
                  NS ns1
                ns1 A 192.0.2.53
                $INCLUDE %s
                """.formatted(dir.resolve("hosts.inc")));
        Zone z = ZoneFileLoader.load(Name.fromString("example.com"), f);
        assertThat(z.origin()).isEqualTo(ORIGIN);
        assertThat(z.serial()).isEqualTo(7);
        assertThat(z.node(Name.fromConstantString("www.example.com.")).has(Type.A)).isTrue();
        assertThat(z.records()).hasSize(4);
    }

    @Test
    void syntaxErrorNamesFileLineAndReason() throws Exception {
        Path f = dir.resolve("bad.zone");
        Files.writeString(f, """
                $TTL 300
                @ SOA ns1 hostmaster 7 3600 600 86400 60
                www A 192.0.2.1
                bad A not-an-address
                """);
        assertThatThrownBy(() -> ZoneFileLoader.load(ORIGIN, f))
                .isInstanceOf(ZoneException.class)
                .hasMessageContaining("example.com")
                .hasMessageContaining(f + ":4:");
    }

    @Test
    void missingSoaIsRejected() throws Exception {
        Path f = dir.resolve("nosoa.zone");
        Files.writeString(f, "$TTL 300\nwww A 192.0.2.1\n");
        assertThatThrownBy(() -> ZoneFileLoader.load(ORIGIN, f))
                .isInstanceOf(ZoneException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("no SOA");
    }

    @Test
    void outOfZoneRecordIsRejectedWithItsLine() throws Exception {
        Path f = dir.resolve("out.zone");
        Files.writeString(f, "$TTL 300\n@ SOA ns1 h 1 2 3 4 5\nwww.example.org. A 192.0.2.1\n");
        assertThatThrownBy(() -> ZoneFileLoader.load(ORIGIN, f))
                .hasMessageContaining(f + ":3:")
                .hasMessageContaining("outside the zone");
    }

    @Test
    void unreadableFile() {
        assertThatThrownBy(() -> ZoneFileLoader.load(ORIGIN, dir.resolve("missing.zone")))
                .isInstanceOf(ZoneException.class)
                .hasMessageContaining("missing.zone");
    }

    @Test
    void cnameAndOtherDataIsRejected() throws Exception {
        Path f = dir.resolve("cname.zone");
        Files.writeString(f, "$TTL 300\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nalias CNAME www\nalias TXT \"x\"\n");
        assertThatThrownBy(() -> ZoneFileLoader.load(ORIGIN, f))
                .isInstanceOf(ZoneException.class)
                .hasMessageContaining(f + ":4:")
                .hasMessageContaining("CNAME and other data");
    }
}
