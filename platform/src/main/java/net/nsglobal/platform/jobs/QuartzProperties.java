package net.nsglobal.platform.jobs;

import java.util.Properties;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The Quartz configuration of one cluster node: JDBC job store on the platform's PostgreSQL, clustered.
 *
 * <p>Quartz clusters by scheduler name ({@code SCHED_NAME} in every {@code QRTZ_} table): the nodes of one cluster
 * share the name and differ in instance id. Every node checks in to {@code QRTZ_SCHEDULER_STATE} every
 * {@link #CHECKIN_MS}; a node silent for longer than that (plus a grace) is taken as dead, and its in-flight firings
 * are recovered by a live node. A firing is claimed under the {@code TRIGGER_ACCESS} row lock ({@code SELECT … FOR
 * UPDATE} on {@code QRTZ_LOCKS}), so of two nodes exactly one runs it.
 */
final class QuartzProperties {
    private QuartzProperties() {}

    /** Short, so a node that died is noticed (and its firings recovered) within seconds, not the default 7.5 s+. */
    static final long CHECKIN_MS = 2000;
    /** A trigger more than this late counts as misfired and gets its misfire instruction (run once, no backlog). */
    static final long MISFIRE_THRESHOLD_MS = 5000;

    /** @param instanceId this node's id, or {@code AUTO} (host name + start time, Quartz's generator) */
    static Properties of(String name, String instanceId, int threads, String dataSource) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "jobs-" + name + "-" + instanceId);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN_MS));
        // Claim due triggers while holding the row lock: no two nodes ever acquire the same firing.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }
}
