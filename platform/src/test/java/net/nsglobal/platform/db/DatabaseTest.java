package net.nsglobal.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database: password authentication, old trust clusters, per-module migrations, kill -9 recovery. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DatabaseTest {
    @TempDir Path dir;

    private static Connection connect(int port, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        if (password != null) p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", p);
    }

    private static <T> T one(Database db, String sql, Class<T> type) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    @Test
    void embeddedServerDemandsTheStoredPasswordOverTcpAndSocket() throws Exception {
        Path pwFile = dir.resolve(EmbeddedAuth.PASSWORD_FILE);
        String password;
        try (Database db = Database.embedded(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pwFile))).isEqualTo("rw-------");
            password = Files.readString(pwFile).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            int port = db.embeddedPort();
            assertThatThrownBy(() -> connect(port, "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
            try (Connection c = connect(port, password)) {
                assertThat(c.isValid(5)).isTrue();
            }
            // Unix-socket ("local") and TCP ("host") lines alike: nothing is trusted.
            List<String> methods = db.jdbi().withHandle(h -> h.createQuery(
                    "select type || ' ' || auth_method from pg_hba_file_rules").mapTo(String.class).list());
            assertThat(methods).isNotEmpty().allMatch(m -> m.endsWith(" scram-sha-256"))
                    .anyMatch(m -> m.startsWith("local ")).anyMatch(m -> m.startsWith("host "));
            assertThat(one(db, "show fsync", String.class)).isEqualTo("on");
        }
        try (Database again = Database.embedded(dir)) {
            assertThat(Files.readString(pwFile).trim()).as("password reused on restart").isEqualTo(password);
            assertThat(one(again, "select 1", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aClusterMadeByTheOldTrustBasedCodeIsConvertedAndKeepsItsData() throws Exception {
        Path pg = dir.resolve("pg");
        Files.createDirectories(pg);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (v text); insert into kept values ('before')");
        }
        assertThat(Files.readString(pg.resolve("pg_hba.conf"))).contains("trust");
        try (Database db = Database.embedded(dir)) {
            assertThat(one(db, "select v from kept", String.class)).isEqualTo("before");
            assertThatThrownBy(() -> connect(db.embeddedPort(), "wrong").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(db.embeddedPort(), null).close()).isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(pg.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
        try (Database db = Database.embedded(dir)) {
            assertThat(one(db, "select count(*) from kept", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aLostPasswordFileGetsAClearError() throws Exception {
        try (Database db = Database.embedded(dir)) { /* initialised */ }
        Files.delete(dir.resolve(EmbeddedAuth.PASSWORD_FILE));
        assertThatThrownBy(() -> Database.embedded(dir).close())
                .hasMessageContaining("refused the new password").hasMessageContaining("Restore the old file");
    }

    @Test
    void eachModuleMigratesItsOwnFolderWithItsOwnHistoryInAnyOrder() throws Exception {
        try (Database db = Database.embedded(dir)) {
            db.migrate("beta");
            db.migrate("alpha");
            db.migrate("alpha"); // nothing left to do
            db.jdbi().useHandle(h -> h.execute("insert into alpha_item (id, name, note) values (1, 'a', 'n')"));
            db.jdbi().useHandle(h -> h.execute("insert into beta_item (id) values (1)"));
            List<String> alpha = db.jdbi().withHandle(h -> h.createQuery(
                    "select coalesce(version, '-') from flyway_history_alpha where success order by installed_rank").mapTo(String.class).list());
            List<String> beta = db.jdbi().withHandle(h -> h.createQuery(
                    "select coalesce(version, '-') from flyway_history_beta where success order by installed_rank").mapTo(String.class).list());
            assertThat(alpha).containsSubsequence("1", "2").doesNotContain("beta");
            assertThat(beta).endsWith("1").doesNotContain("2");
            assertThatThrownBy(() -> db.migrate("no_such_module")).hasMessageContaining("no_such_module");
        }
    }

    @Test
    void startsOverAPostmasterOrphanedByKill9AndKeepsTheData() throws Exception {
        Path pg = dir.resolve("pg");
        try (Database db = Database.embedded(dir)) {
            db.jdbi().useHandle(h -> h.execute("create table kept (v text); insert into kept values ('x')"));
        }
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
            try (Database db = Database.embedded(dir)) {
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(one(db, "select v from kept", String.class)).isEqualTo("x");
            }
        } finally {
            jvm.destroyForcibly();
        }
    }
}
