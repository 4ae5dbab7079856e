package net.nsglobal.platform.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Hands Quartz connections from the platform's pool; the pool is the Database's to close, not Quartz's. */
final class PoolConnectionProvider implements ConnectionProvider {
    private final DataSource pool;

    PoolConnectionProvider(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        // The Database closes the pool after every user of it has stopped.
    }

    @Override
    public void initialize() {
        // The pool is already running.
    }
}
