package net.nsglobal.control.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's PostgreSQL: the configured one ({@code --db-url}) or, when none is configured, an embedded
 * PostgreSQL whose data directory is kept under {@code dataDir/pg} so a restart finds everything again. Flyway
 * applies the versioned migrations in {@code db/migration} on every start.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    public static Database open(String url, String user, String password, Path dataDir) throws IOException {
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            Path pgData = dataDir.resolve("pg");
            Files.createDirectories(pgData);
            stopOrphan(pgData);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    // zonky's defaults are for throw-away test databases (fsync off); this one must survive crashes
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            log.info("dashboard db: embedded PostgreSQL, data in {}", pgData);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        hc.setMaximumPoolSize(8);
        hc.setPoolName("dashboard-db");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/control-plane").load().migrate();
        } catch (RuntimeException e) {
            if (embedded != null) embedded.close();
            throw e;
        }
        return new Database(embedded, pool);
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
        log.warn("dashboard db: stopping the embedded PostgreSQL (pid {}) left running on {} by an earlier run", pid, pgData);
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

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("dashboard db: stopping embedded PostgreSQL failed: {}", e.toString());
            }
        }
    }
}
