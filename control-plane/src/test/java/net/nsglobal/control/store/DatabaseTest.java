package net.nsglobal.control.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database: migrations, durability settings, and recovery from a postmaster left behind by kill -9. */
class DatabaseTest {
    @TempDir Path dir;

    @Test
    void startsOverAPostmasterOrphanedByKill9AndKeepsTheData() throws Exception {
        Path pg = dir.resolve("pg");
        try (Database db = Database.open(null, null, null, dir)) {
            db.jdbi().useHandle(h -> h.execute("insert into zone (domain, catalog_id, primaries, rname_mailbox) "
                    + "values ('kept.test', 'z1', '192.0.2.1:53', 'h@kept.test')"));
            String fsync = db.jdbi().withHandle(h -> h.createQuery("show fsync").mapTo(String.class).one());
            assertThat(fsync).isEqualTo("on");
        }
        // A control plane in another JVM, SIGKILLed: its postmaster keeps running on the data directory.
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) { /* start-up log */ }
            assertThat(line).as("child JVM opened the database").isEqualTo("ready");
            jvm.destroyForcibly().waitFor();
            long orphan = Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid")).get(0).trim());
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

            try (Database db = Database.open(null, null, null, dir)) {
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(new Repository(db.jdbi(), SecretBox.open(dir.resolve("k"))).zone("kept.test")).isPresent();
            }
        } finally {
            jvm.destroyForcibly();
        }
    }
}
