package net.nsglobal.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one PostgreSQL: the configured one (a JDBC URL, user and password) or, when none is configured, an
 * embedded PostgreSQL whose data directory is kept under {@code dataDir/pg} so a restart finds everything again.
 *
 * <p>The embedded instance asks for a password on every connection, over TCP and over its Unix socket alike
 * (scram-sha-256; pg_hba.conf has no {@code trust} line): another local user must not be able to read sign-up data by
 * connecting to the port. The superuser password is generated once and kept in {@link EmbeddedAuth#PASSWORD_FILE}
 * (mode 0600) next to {@code pg/}; a data directory initialised by older code with {@code trust} is converted in place
 * on its first start (see {@link EmbeddedAuth}).
 *
 * <p>Each module owns its tables: {@link #migrate(String)} runs the module's own Flyway folder
 * {@code classpath:db/migration/<module>} with its own history table {@code flyway_history_<module>}, so the modules'
 * migrations are versioned independently and may run in any order relative to each other.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_-]{0,40}");

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** The superuser of the embedded PostgreSQL in {@code dataDir}, to reach it while it runs in another process. */
    public static final String EMBEDDED_USER = EmbeddedAuth.SUPERUSER;

    /**
     * The password of the embedded PostgreSQL in {@code dataDir} (its 0600 file), for a tool that connects to that
     * instance while another process runs it (the operator CLI beside a running control plane).
     */
    public static String embeddedPassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve(EmbeddedAuth.PASSWORD_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("database: no " + file + " (the embedded PostgreSQL of this data directory has "
                    + "never been started by this version)");
        }
        return java.nio.file.Files.readString(file).trim();
    }

    /** The embedded PostgreSQL in {@code dataDir/pg}, created on first use. */
    public static Database embedded(Path dataDir) throws IOException {
        return open(null, null, null, dataDir);
    }

    /**
     * Opens the database at {@code url} (with {@code user}/{@code password}, either may be null), or, when {@code url}
     * is null or blank, the embedded one under {@code dataDir}. Runs no migrations: each module calls
     * {@link #migrate(String)} for its own folder.
     */
    public static Database open(String url, String user, String password, Path dataDir) throws IOException {
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            Path pgData = dataDir.resolve("pg");
            Files.createDirectories(pgData);
            stopOrphan(pgData);
            EmbeddedAuth auth = EmbeddedAuth.prepare(dataDir, pgData);
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    // zonky's defaults are for throw-away test databases (fsync off); this one must survive crashes
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", auth.password());
            auth.initdbOptions().forEach(b::setLocaleConfig);
            try {
                embedded = b.start();
            } catch (IOException | RuntimeException e) {
                throw new IOException(auth.startFailureHint() + ": " + e.getMessage(), e);
            }
            try {
                auth.enforce(embedded);
            } catch (IOException | RuntimeException e) {
                embedded.close();
                throw e;
            }
            url = embedded.getJdbcUrl(EmbeddedAuth.SUPERUSER, "postgres");
            user = EmbeddedAuth.SUPERUSER;
            password = auth.password();
            log.info("platform db: embedded PostgreSQL, data in {}", pgData);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        hc.setMaximumPoolSize(10);
        hc.setPoolName("platform-db");
        try {
            return new Database(embedded, new HikariDataSource(hc));
        } catch (RuntimeException e) {
            if (embedded != null) embedded.close();
            throw e;
        }
    }

    /**
     * Brings {@code module}'s tables up to date: the versioned migrations in {@code classpath:db/migration/<module>},
     * recorded in {@code flyway_history_<module>}. The other modules' tables are none of its business: a module's
     * first migration runs even when the schema already holds other modules' tables (baseline at version 0). A module
     * name may contain '-' (the history table name is then quoted by Flyway, e.g. {@code "flyway_history_control-plane"}).
     */
    public void migrate(String module) {
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("platform db: module name must match " + MODULE + ", got '" + module + "'");
        }
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + module)
                .table("flyway_history_" + module)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("other modules tables present before the first " + module + " migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /**
     * A control plane killed with SIGKILL leaves its embedded postmaster running on the data directory, and a new one
     * cannot start there. postmaster.pid's first line is that process (PostgreSQL docs, "Database File Layout"); if
     * it is still a postgres on this very directory, ask it to shut down (SIGTERM) and wait.
     */
    static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // unreadable: let PostgreSQL judge the stale file itself
        }
        java.util.Optional<ProcessHandle> ph = ProcessHandle.of(pid);
        if (ph.isEmpty()) return;
        String cmd = ph.get().info().commandLine().orElse("");
        if (!cmd.contains("postgres") || !cmd.contains(pgData.toString())) return;
        log.warn("platform db: stopping the embedded PostgreSQL (pid {}) left running on {} by an earlier run", pid, pgData);
        ph.get().destroy();
        try {
            ph.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IOException("embedded PostgreSQL pid " + pid + " on " + pgData + " did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    public Jdbi jdbi() { return jdbi; }

    /** The connection pool (for Quartz and anything else that wants plain JDBC). */
    public DataSource dataSource() { return pool; }

    /** The embedded server's TCP port, or -1 when the database is external. */
    public int embeddedPort() { return embedded == null ? -1 : embedded.getPort(); }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("platform db: stopping embedded PostgreSQL failed: {}", e.toString());
            }
        }
    }
}
