package net.nsglobal.dns.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** The journal file format: exact round trip; any truncation, bit flip or foreign file is a Damaged verdict. */
class JournalFileTest {
    static final Name Z = Name.fromConstantString("victim.example.");

    static List<Diff> chain(int n) throws Exception {
        List<Diff> diffs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<Record> deleted = i == 1 ? List.of() : List.of(HostilePrimaryTest.a("h" + (i - 1) + ".victim.example.", i - 1));
            diffs.add(new Diff(HostilePrimaryTest.soa(i), HostilePrimaryTest.soa(i + 1), deleted,
                    List.of(HostilePrimaryTest.a("h" + i + ".victim.example.", i))));
        }
        return diffs;
    }

    @Test
    void roundTrip() throws Exception {
        List<Diff> diffs = chain(5);
        JournalFile.Decoded d = JournalFile.decode(Z, JournalFile.encode(Z, diffs));
        assertThat(d).isInstanceOf(JournalFile.Decoded.Ok.class);
        assertThat(((JournalFile.Decoded.Ok) d).diffs()).isEqualTo(diffs);
        // case does not matter for the owner check (names compare case-insensitively, RFC 4343)
        assertThat(JournalFile.decode(Name.fromString("VICTIM.Example."), JournalFile.encode(Z, diffs)))
                .isInstanceOf(JournalFile.Decoded.Ok.class);
        assertThat(((JournalFile.Decoded.Ok) JournalFile.decode(Z, JournalFile.encode(Z, List.of()))).diffs()).isEmpty();
    }

    @Test
    void everyTruncationIsRejected() throws Exception {
        byte[] full = JournalFile.encode(Z, chain(3));
        for (int len = 0; len < full.length; len++) {
            JournalFile.Decoded d = JournalFile.decode(Z, Arrays.copyOf(full, len));
            assertThat(d).as("truncated to %d of %d bytes", len, full.length).isInstanceOf(JournalFile.Decoded.Damaged.class);
        }
    }

    @Test
    void bitFlipsAndTrailingBytesAreRejected() throws Exception {
        byte[] full = JournalFile.encode(Z, chain(3));
        Random rnd = new Random(20261127);
        for (int i = 0; i < full.length; i++) {
            byte[] bad = full.clone();
            bad[i] ^= (byte) (1 << rnd.nextInt(8));
            assertThat(JournalFile.decode(Z, bad)).as("bit flipped in byte %d", i)
                    .isInstanceOf(JournalFile.Decoded.Damaged.class);
        }
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertThat(JournalFile.decode(Z, longer)).isInstanceOf(JournalFile.Decoded.Damaged.class);
        byte[] garbage = new byte[full.length];
        rnd.nextBytes(garbage);
        assertThat(JournalFile.decode(Z, garbage)).isInstanceOf(JournalFile.Decoded.Damaged.class);
    }

    @Test
    void anotherZonesFileIsRejected() throws Exception {
        byte[] full = JournalFile.encode(Z, chain(2));
        JournalFile.Decoded d = JournalFile.decode(Name.fromString("other.example."), full);
        assertThat(d).isInstanceOf(JournalFile.Decoded.Damaged.class);
        assertThat(((JournalFile.Decoded.Damaged) d).reason()).contains("victim.example.");
    }
}
