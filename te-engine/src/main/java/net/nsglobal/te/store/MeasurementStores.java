package net.nsglobal.te.store;

import java.time.Instant;
import net.nsglobal.platform.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the observatory store on the platform database: picks the path, logs it ("te store: path=…"), and applies
 * that path's migrations — db/migration/te always, db/migration/te-timescale only on the TimescaleDB path.
 *
 * <p>The choice ({@link #choose}), with {@link StoreSettings.Path#AUTO}:
 * <ul>
 * <li>the extension is already installed in this database → timescaledb (its tables may be hypertables);
 * <li>{@code pg_available_extensions} lists timescaledb and {@code shared_preload_libraries} names it →
 *     timescaledb;
 * <li>listed but not preloaded → postgresql ({@code CREATE EXTENSION} would fail: it must be preloaded), said so
 *     in the log line;
 * <li>not listed (the embedded PostgreSQL) → postgresql.
 * </ul>
 * Forcing timescaledb where it cannot be created is an error naming what is missing; forcing postgresql always works.
 */
public final class MeasurementStores {
    private static final Logger log = LoggerFactory.getLogger(MeasurementStores.class);

    private MeasurementStores() {}

    /** What the server says about TimescaleDB. */
    public record Availability(boolean available, boolean installed, boolean preloaded) {}

    /** The path taken and why, for the log line. */
    public record Choice(String path, String reason) {
        boolean timescale() { return path.equals("timescaledb"); }
    }

    public static MeasurementStore open(Database db, StoreSettings settings) {
        Availability a = availability(db);
        Choice c = choose(settings.path(), a);
        log.info("te store: path={} ({})", c.path(), c.reason());
        db.migrate("te");
        if (!c.timescale()) return new PostgresMeasurementStore(db.jdbi());
        db.migrate("te-timescale");
        TimescaleMeasurementStore s = new TimescaleMeasurementStore(db.jdbi(), settings);
        s.applyPolicies();
        return s;
    }

    static Availability availability(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT "
                        + "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'), "
                        + "EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'), "
                        + "coalesce(current_setting('shared_preload_libraries', true), '')")
                .map((rs, ctx) -> new Availability(rs.getBoolean(1), rs.getBoolean(2), preloads(rs.getString(3))))
                .one());
    }

    /** shared_preload_libraries is a comma-separated list of names, possibly quoted, possibly with a path. */
    static boolean preloads(String libraries) {
        for (String lib : libraries.split(",")) {
            String l = lib.strip().replace("\"", "").replace("'", "");
            if (l.endsWith("/timescaledb") || l.equals("timescaledb")) return true;
        }
        return false;
    }

    public static Choice choose(StoreSettings.Path wanted, Availability a) {
        boolean usable = a.installed() || (a.available() && a.preloaded());
        switch (wanted) {
            case POSTGRESQL:
                return new Choice("postgresql", "forced by the settings");
            case TIMESCALEDB:
                if (usable) return new Choice("timescaledb", "forced by the settings");
                throw new IllegalStateException("te store: path timescaledb was asked for, but "
                        + (a.available() ? "timescaledb is not in shared_preload_libraries (CREATE EXTENSION needs it)"
                                : "pg_available_extensions does not list timescaledb (not installed on the server)"));
            default:
                if (a.installed()) return new Choice("timescaledb", "extension installed in this database");
                if (usable) return new Choice("timescaledb", "extension available and preloaded");
                if (a.available()) {
                    return new Choice("postgresql", "timescaledb is available but not in shared_preload_libraries");
                }
                return new Choice("postgresql", "timescaledb not in pg_available_extensions");
        }
    }

    /**
     * One maintenance pass, as the store's periodic job runs it: refresh the roll-ups over the refresh window ending
     * at {@code now}, then delete raw samples older than the retention. Returns the raw rows deleted.
     */
    public static long maintain(MeasurementStore store, StoreSettings settings, Instant now) {
        store.refreshRollups(now.minus(settings.rollupRefreshWindow()), now);
        return store.deleteRawBefore(now.minus(settings.rawRetention()));
    }
}
