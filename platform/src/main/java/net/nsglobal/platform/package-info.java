/**
 * What every NS-Global service module shares, so that each module does not bring its own:
 * {@link net.nsglobal.platform.db} (the one PostgreSQL, migrations per module),
 * {@link net.nsglobal.platform.jobs} (the background-job scheduler on that database) and
 * {@link net.nsglobal.platform.sites} (the fleet inventory, {@code sites/*.yaml}).
 * May use: the config kit ({@code net.nsglobal.config}), PostgreSQL/Hikari/Flyway/Jdbi, Quartz, Jackson.
 * Used by: the control plane, te-engine, the launcher. Imports no module above it (no dns-node, no web code).
 */
package net.nsglobal.platform;
