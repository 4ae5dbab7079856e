package net.nsglobal.dns.xfrin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * The IXFR difference of a reloaded zone is computed on the compiled bytes: diffing two versions of the benchmark
 * zone (bench/lib/bench-zone.sh, 20,000 hosts, 34,869 records) that differ in one record allocates what the
 * difference needs, not objects for every record of both versions (which, alive for the whole diff, survived young
 * collections and made the collector pause on every reload). Measured with the JVM's per-thread allocation counter
 * against the previous all-records comparison ({@link DiffBetweenTest#reference}) in the same run.
 */
@Timeout(120)
class DiffAllocationTest {
    private static final int HOSTS = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void diffingVersionsThatDifferInOneRecordAllocatesAlmostNothing(@TempDir Path dir) throws Exception {
        Name origin = Name.fromConstantString("bench.test.");
        Zone v1 = load(dir, origin, 1, "10.0.48.57");
        Zone v2 = load(dir, origin, 2, "10.9.9.9"); // h12345's A changed
        assertThat(v1.recordCount()).isEqualTo(34_869);

        Diff warm = Diff.between(v1, v2); // classes loaded and code run once before measuring
        DiffBetweenTest.reference(v1, v2);

        long before = THREADS.getCurrentThreadAllocatedBytes();
        Diff diff = Diff.between(v1, v2);
        long now = THREADS.getCurrentThreadAllocatedBytes() - before;
        before = THREADS.getCurrentThreadAllocatedBytes();
        Diff old = DiffBetweenTest.reference(v1, v2);
        long previous = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(diff.deleted()).hasSize(1).isEqualTo(old.deleted()).isEqualTo(warm.deleted());
        assertThat(diff.added()).hasSize(1).isEqualTo(old.added());
        assertThat(diff.deleted().get(0).rdataToString()).isEqualTo("10.0.48.57");
        // Nothing per unchanged record: less than one byte per record of the zone (the previous comparison made
        // several hundred), and under a tenth of what the previous comparison allocated in this run.
        assertThat(now).as("bytes allocated by one diff (previous comparison: %d)", previous)
                .isLessThan(v1.recordCount())
                .isLessThan(previous / 10);
    }

    /** The zone of bench/lib/bench-zone.sh's gen_zone, with its serial and the address of h12345. */
    private static Zone load(Path dir, Name origin, long serial, String h12345) throws Exception {
        StringBuilder z = new StringBuilder("$ORIGIN bench.test.\n$TTL 3600\n")
                .append("@ IN SOA ns1 hostmaster ").append(serial).append(" 3600 900 604800 300\n")
                .append("@ IN NS ns1\n@ IN NS ns2\n@ IN MX 10 mail\n")
                .append("ns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\nmail IN A 192.0.2.3\n")
                .append("*.wild IN A 192.0.2.4\nwww IN CNAME h1\ndeleg IN NS ns.deleg\nns.deleg IN A 192.0.2.5\n");
        for (int i = 0; i < HOSTS; i++) {
            String a = i == 12345 ? h12345 : "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256);
            z.append('h').append(i).append(" IN A ").append(a).append('\n');
            if (i % 2 == 0) z.append('h').append(i).append(" IN AAAA 2001:db8::").append(Integer.toHexString(i)).append('\n');
            if (i % 10 == 0) z.append('h').append(i).append(" IN MX 10 mail\n");
            if (i % 7 == 0) z.append('h').append(i).append(" IN TXT \"host ").append(i).append("\"\n");
        }
        Path file = dir.resolve("bench.test." + serial + ".zone");
        Files.writeString(file, z);
        return ZoneFileLoader.load(origin, file);
    }
}
