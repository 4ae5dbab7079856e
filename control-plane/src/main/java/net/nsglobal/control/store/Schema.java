package net.nsglobal.control.store;

import java.util.List;
import java.util.Set;
import net.nsglobal.platform.db.Database;

/**
 * The control plane's tables in the shared database: migration set {@value #MODULE} ({@code db/migration/control-plane},
 * history in {@code "flyway_history_control-plane"}).
 *
 * <p>Before the shared database, the control plane had the database to itself and kept its history in Flyway's default
 * {@code flyway_schema_history}. Such a database is adopted once: when that table exists, the new one does not, and
 * every version it records is one of the control plane's own {@link #LEGACY_VERSIONS}, it is renamed (in one
 * transaction) so Flyway continues from there instead of running V1 again over the existing tables.
 */
public final class Schema {
    public static final String MODULE = "control-plane";
    static final String HISTORY = "flyway_history_" + MODULE;
    /** The migrations the control plane had when it owned the database alone. */
    static final Set<String> LEGACY_VERSIONS = Set.of("1", "100");

    private Schema() {}

    /** Adopts an old single-owner history if there is one, then brings the control plane's tables up to date. */
    public static void migrate(Database db) {
        adoptLegacyHistory(db);
        db.migrate(MODULE);
    }

    static void adoptLegacyHistory(Database db) {
        db.jdbi().useTransaction(h -> {
            boolean legacy = h.createQuery("select to_regclass('flyway_schema_history') is not null")
                    .mapTo(Boolean.class).one();
            boolean current = h.createQuery("select to_regclass('\"" + HISTORY + "\"') is not null")
                    .mapTo(Boolean.class).one();
            if (!legacy || current) return;
            List<String> versions = h.createQuery("select version from flyway_schema_history where version is not null")
                    .mapTo(String.class).list();
            List<String> foreign = versions.stream().filter(v -> !LEGACY_VERSIONS.contains(v)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException("control-plane db: flyway_schema_history records versions " + foreign
                        + " that are not the control plane's (" + LEGACY_VERSIONS + "); not adopting it. Move those "
                        + "entries to their module's history table, then start again.");
            }
            h.execute("lock table flyway_schema_history in access exclusive mode");
            h.execute("alter table flyway_schema_history rename to \"" + HISTORY + "\"");
            org.slf4j.LoggerFactory.getLogger(Schema.class).info(
                    "control-plane db: adopted flyway_schema_history (versions {}) as {}", versions, HISTORY);
        });
    }
}
