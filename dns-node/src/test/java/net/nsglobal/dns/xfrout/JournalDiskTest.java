package net.nsglobal.dns.xfrout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.xfrin.Diff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** The journal across restarts: read back lazily, kept only where it chains to the current serial, damage dropped. */
class JournalDiskTest {
    static final Name Z = JournalTest.Z;
    @TempDir Path dir;

    private Journal written(List<Diff> diffs) throws Exception {
        Journal j = new Journal(1000, new JournalDisk(dir));
        j.append(Z, diffs);
        j.close();
        return j;
    }

    @Test
    void historySurvivesARestart() throws Exception {
        written(List.of(JournalTest.d(1, 2), JournalTest.d(2, 3), JournalTest.d(3, 4)));
        assertThat(new JournalDisk(dir).file(Z)).exists();
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 1, 4)).hasSize(3);
            assertThat(j.since(Z, 3, 4)).hasSize(1);
        }
    }

    @Test
    void aChangeAfterTheRestartExtendsTheStoredChain() throws Exception {
        written(List.of(JournalTest.d(1, 2), JournalTest.d(2, 3)));
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            j.append(Z, List.of(JournalTest.d(3, 4)));
            assertThat(j.since(Z, 1, 4)).hasSize(3);
        }
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 1, 4)).hasSize(3);
        }
    }

    @Test
    void onlyThePartEndingAtTheCurrentSerialIsKept() throws Exception {
        // the journal got to 4 but the zone file only to 3 (crash between the two writes)
        written(List.of(JournalTest.d(1, 2), JournalTest.d(2, 3), JournalTest.d(3, 4)));
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 1, 3)).hasSize(2);
            assertThat(j.since(Z, 3, 4)).isNull();
        }
        // the zone is at a serial the stored history never reached: nothing kept, the file goes
        written(List.of(JournalTest.d(1, 2)));
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 1, 9)).isNull();
            j.flush();
        }
        assertThat(new JournalDisk(dir).file(Z)).doesNotExist();
    }

    @Test
    void aSmallerBoundAgesOutOnRestore() throws Exception {
        written(List.of(JournalTest.d(1, 2), JournalTest.d(2, 3), JournalTest.d(3, 4)));
        try (Journal j = new Journal(6, new JournalDisk(dir))) { // 3 records per difference
            assertThat(j.since(Z, 1, 4)).isNull();
            assertThat(j.since(Z, 2, 4)).hasSize(2);
        }
    }

    @Test
    void aDamagedFileIsDroppedAndDeleted() throws Exception {
        written(List.of(JournalTest.d(1, 2), JournalTest.d(2, 3)));
        Path f = new JournalDisk(dir).file(Z);
        byte[] data = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(data, data.length - 7));
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 1, 3)).isNull();
            j.append(Z, List.of(JournalTest.d(3, 4))); // history starts again from here
            assertThat(j.since(Z, 3, 4)).hasSize(1);
        }
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 3, 4)).hasSize(1);
            assertThat(j.since(Z, 1, 4)).isNull();
        }
    }

    @Test
    void forgettingAZoneDeletesItsFile() throws Exception {
        written(List.of(JournalTest.d(1, 2)));
        Path f = new JournalDisk(dir).file(Z);
        assertThat(f).exists();
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            j.forget(Z); // never read back since the start: still deleted
            j.flush();
        }
        assertThat(f).doesNotExist();
    }
    @Test
    void aSlowZoneIsSpacedOutButCloseWritesItsLastVersion() throws Exception {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<List<Diff>> history = new java.util.concurrent.atomic.AtomicReference<>(
                List.of(JournalTest.d(1, 2)));
        JournalWriter w = new JournalWriter(new JournalDisk(dir), zone -> {
            writes.incrementAndGet();
            try {
                Thread.sleep(20); // a slow write: the zone is then spaced by ~200 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return history.get();
        });
        w.dirty(Z);
        w.flush();
        assertThat(writes.get()).isEqualTo(1);
        history.set(List.of(JournalTest.d(1, 2), JournalTest.d(2, 3)));
        w.dirty(Z); // within the spacing: deferred, not lost
        w.close();
        assertThat(writes.get()).isEqualTo(2);
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            assertThat(j.since(Z, 1, 3)).hasSize(2);
        }
    }
    @Test
    void sweepDeletesTheFilesOfZonesNoLongerServed() throws Exception {
        Name kept = Name.fromString("kept.example.");
        Name touched = Name.fromString("touched.example.");
        try (Journal j = new Journal(1000, new JournalDisk(dir))) {
            j.append(Z, List.of(JournalTest.d(1, 2)));
            j.append(kept, List.of(JournalTest.d(1, 2)));
            j.append(touched, List.of(JournalTest.d(1, 2)));
        }
        JournalDisk disk = new JournalDisk(dir);
        assertThat(disk.list()).containsExactlyInAnyOrder(Z, kept, touched);
        try (Journal j = new Journal(1000, disk)) {
            assertThat(j.since(touched, 1, 2)).hasSize(1); // read since the start: never swept
            assertThat(j.sweep(kept::equals)).isEqualTo(1);
            j.flush();
        }
        assertThat(disk.list()).containsExactlyInAnyOrder(kept, touched);
    }
}
