package net.nsglobal.cli.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import net.nsglobal.cli.ControlPlaneCommand;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.operator.OperatorSettings;
import net.nsglobal.control.operator.Operators;
import net.nsglobal.control.store.Schema;
import net.nsglobal.platform.db.Database;
import net.nsglobal.control.store.SqlOperatorStore;
import picocli.CommandLine.Option;

/**
 * The database options of the {@code ops} commands (a picocli mixin) and the control plane's database they open: the
 * configured PostgreSQL, or the embedded one in the data directory. When a control plane is running on that embedded
 * database, the command connects to it (its port is in {@code postmaster.pid}) instead of starting a second server on
 * the same files.
 */
final class Store {
    @Option(names = "--config", description = "the control plane's YAML config (its data-dir and db)")
    Path config;

    @Option(names = "--data-dir", description = "the control plane's data directory (overrides data-dir)")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL (overrides db.url)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user") String dbUser;

    @Option(names = "--db-password", description = "database password") String dbPassword;

    /** Bad options or config: exit status 2. */
    static final class Unusable extends Exception {
        Unusable(String message) { super(message); }
    }

    /** An open database and the operators over it; closing it closes the database. */
    record Opened(Database db, Operators operators) implements AutoCloseable {
        @Override public void close() { db.close(); }
    }

    Opened open() throws Unusable, IOException {
        String url = dbUrl;
        String user = dbUser;
        String password = dbPassword;
        Path dir = dataDir;
        OperatorSettings settings = OperatorSettings.defaults("http://localhost");
        if (config != null) {
            ControlPlaneConfig c;
            try {
                c = ControlPlaneConfig.read(ProcessFile.load(config, ControlPlaneCommand.SECTIONS));
            } catch (ConfigException e) {
                throw new Unusable(e.getMessage());
            }
            if (url == null) {
                url = c.db().url();
                if (user == null) user = c.db().user();
                if (password == null) password = c.db().password();
            }
            if (dir == null) dir = c.dataDir();
            settings = OperatorSettings.of(c);
        }
        if ((url == null || url.isBlank()) && dir == null) {
            throw new Unusable("ops: say which database: --config FILE, --data-dir DIR (embedded PostgreSQL) or "
                    + "--db-url URL");
        }
        if (url == null || url.isBlank()) {
            Optional<Integer> port = net.nsglobal.platform.db.RunningEmbedded.port(dir.resolve("pg"));
            if (port.isPresent()) {
                url = "jdbc:postgresql://localhost:" + port.get() + "/postgres";
                user = Database.EMBEDDED_USER;
                password = Database.embeddedPassword(dir);
            } else if (!Files.isDirectory(dir)) {
                throw new Unusable("ops: no data directory " + dir + " (start the control plane once, or give "
                        + "--data-dir of an existing one)");
            }
        }
        Database db = Database.open(url, user, password, dir == null ? Path.of(".") : dir);
        try {
            Schema.migrate(db); // the control plane's tables, also when the CLI comes first
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Opened(db, new Operators(new SqlOperatorStore(db.jdbi()), settings,
                Clock.systemUTC()));
    }

    /** One change to the operators, done by {@link #change}: returns what to print on success. */
    interface Change {
        String apply(Operators operators) throws Exception;
    }

    /**
     * Opens the database, applies {@code change} and reports as every {@code ops} command does: its message and exit
     * 0; a refused change (unknown or taken name, bad password) "nothing changed" and 1; unusable options 2.
     */
    int change(Change change) throws Exception {
        try (Opened s = open()) {
            System.out.println(change.apply(s.operators()));
            return 0;
        } catch (Operators.Invalid | net.nsglobal.control.store.OperatorStore.NameTaken e) {
            System.err.println("ops: " + e.getMessage() + "; nothing changed");
            return 1;
        } catch (Unusable e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
