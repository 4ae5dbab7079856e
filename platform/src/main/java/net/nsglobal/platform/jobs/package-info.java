/**
 * Background jobs for every module: {@link net.nsglobal.platform.jobs.Jobs} runs named callbacks on a fixed-delay or
 * cron schedule with Quartz's JDBC job store in the shared database (migration set {@code quartz}), clustered (the
 * processes opening one instance name on one database are nodes of one cluster; each firing runs on one of them),
 * coalesces on-demand runs ({@code runNow}), lists, pauses and resumes jobs for operators, runs no backlog after
 * downtime, and shuts down within a bound.
 * May use: Quartz, platform.db. Used by: the control plane (status probes), te-engine (measurement jobs), the launcher.
 */
package net.nsglobal.platform.jobs;
