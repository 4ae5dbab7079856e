package net.nsglobal.dns.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** Zones and timers survive a round trip; damaged files are reported, leftover temp files are ignored. */
class ZoneDiskTest {
    @TempDir Path dir;

    @Test
    void roundTripAndDamage() throws Exception {
        ZoneDisk disk = new ZoneDisk(dir);
        List<org.xbill.DNS.Record> rs = HostilePrimaryTest.zone(9, 5);
        Zone z = Zone.compile(Name.fromString("victim.example."), rs.subList(0, rs.size() - 1));
        disk.save(z, new ZoneTimers(1, 2, 3));
        // a crash mid-write leaves a temp file behind: it is not a zone
        Files.writeString(disk.dir().resolve("victim.example.wire.tmp99"), "garbage");
        assertThat(disk.list()).containsExactly(Name.fromString("victim.example."));
        ZoneDisk.Stored s = new ZoneDisk(dir).load(Name.fromString("victim.example."));
        assertThat(s.zone().records()).containsExactlyInAnyOrderElementsOf(z.records());
        assertThat(s.timers()).isEqualTo(new ZoneTimers(1, 2, 3));

        byte[] wire = Files.readAllBytes(disk.dir().resolve("victim.example.wire"));
        Files.write(disk.dir().resolve("victim.example.wire"), java.util.Arrays.copyOf(wire, wire.length / 2));
        assertThatThrownBy(() -> disk.load(Name.fromString("victim.example."))).hasMessageContaining("damaged");
        assertThat(disk.load(Name.fromString("absent.example."))).isNull();
    }

    @Test
    void fileNamesAreReversible() throws Exception {
        for (String n : List.of("example.com.", "xn--bcher-kva.example.", "odd\\/name.example.", ".")) {
            Name name = Name.fromString(n);
            assertThat(ZoneDisk.decodeName(ZoneDisk.encodeName(name))).isEqualTo(name);
        }
    }
}
