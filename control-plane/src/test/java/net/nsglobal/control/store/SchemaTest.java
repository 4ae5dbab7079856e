package net.nsglobal.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.db.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's tables in the shared database, and the adoption of a database it used to own alone. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchemaTest {
    @TempDir Path dir;

    /** What the control plane did before the shared database: Flyway's default history table, V1 and V100. */
    private static void migrateTheOldWay(Database db) {
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/control-plane").target("100")
                .load().migrate();
    }

    private static List<String> versions(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("select version from \"" + Schema.HISTORY
                + "\" where success and version is not null order by installed_rank").mapTo(String.class).list());
    }

    @Test
    void aDatabaseMadeByTheOldCodeKeepsItsDataAndGetsTheNewMigrations() throws Exception {
        try (Database db = Database.embedded(dir)) {
            migrateTheOldWay(db);
            db.jdbi().useHandle(h -> h.execute("insert into zone (domain, catalog_id, primaries, rname_mailbox) "
                    + "values ('kept.test', 'z1', '192.0.2.1:53', 'h@kept.test')"));
        }
        try (Database db = Database.embedded(dir)) {
            Schema.migrate(db);
            assertThat(new SqlRepository(db.jdbi(), SecretBox.open(dir.resolve("k"))).zone("kept.test")).isPresent();
            assertThat(versions(db)).containsExactly("1", "100", "200", "300");
            boolean oldGone = db.jdbi().withHandle(h -> h.createQuery("select to_regclass('flyway_schema_history') is null")
                    .mapTo(Boolean.class).one());
            assertThat(oldGone).as("the old history table is gone (renamed)").isTrue();
            db.jdbi().useHandle(h -> h.execute("insert into zone_status (domain, result, inputs, checked_at) "
                    + "values ('kept.test', '{}', '', now())"));
        }
        try (Database db = Database.embedded(dir)) {
            Schema.migrate(db); // nothing left to do
            assertThat(versions(db)).containsExactly("1", "100", "200", "300");
        }
    }

    @Test
    void anOldHistoryWithOtherModulesVersionsIsNotAdoptedAndSaysWhy() throws Exception {
        try (Database db = Database.embedded(dir)) {
            migrateTheOldWay(db);
            db.jdbi().useHandle(h -> h.execute("insert into flyway_schema_history (installed_rank, version, description, "
                    + "type, script, checksum, installed_by, execution_time, success) "
                    + "values (99, '7', 'someone else', 'SQL', 'V7__x.sql', 0, 'x', 0, true)"));
            assertThatThrownBy(() -> Schema.migrate(db)).hasMessageContaining("flyway_schema_history")
                    .hasMessageContaining("[7]");
            int rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from flyway_schema_history")
                    .mapTo(Integer.class).one());
            assertThat(rows).as("left as it was").isEqualTo(3);
        }
    }
}
