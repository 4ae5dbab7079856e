package net.nsglobal.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.nsglobal.platform.db.Database;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's background jobs: named Java callbacks run on a schedule by Quartz, whose job store lives in the shared
 * {@link Database} (migration set {@code quartz}), so schedules survive restarts.
 *
 * <p>Each job has at most two triggers: {@code <name>.schedule} (its fixed delay or cron schedule) and
 * {@code <name>.now} (a requested run). Jobs never run concurrently with themselves
 * ({@link CallbackJob} is {@code @DisallowConcurrentExecution}).
 *
 * <pre>
 * State of one job run:
 *
 *   idle ──schedule due / runNow()──▶ queued ──a worker thread is free──▶ running ──callback returns/throws──▶ idle
 *                                      │  ▲                                 │
 *                 runNow() absorbed ───┘  └── runNow() absorbed ────────────┘
 *
 *   running ──close(): bound passed──▶ interrupted ──callback returns──▶ idle
 *   queued (fire time passed while the scheduler was down) ──start()──▶ one run now; the backlog is not replayed
 * </pre>
 *
 * A fixed-delay job's next run is set when a run ends (end + delay), whichever trigger caused the run: a
 * requested run also restarts the delay. A cron job keeps to its expression; after downtime it runs once
 * ("fire and proceed") and then at its next due time.
 *
 * <p>Use: {@link #open}, register every job ({@link #everyDelay}, {@link #cron}), {@link #start}; {@link #runNow}
 * from request handlers; {@link #close} before closing the database. Registration of a job whose schedule is stored
 * unchanged keeps its stored next run, so a restart does not delay (or hurry) it.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    static final String CONTEXT_KEY = "net.nsglobal.platform.jobs";
    private static final String GROUP = "nsglobal";
    private static final String SCHEDULE_KEY = "schedule";

    /** A job's work. Exceptions are logged (naming the job) and do not stop the schedule. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final Scheduler scheduler;
    private final String providerName;
    private final Duration shutdownBound;
    private final Map<String, Registered> registered = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private record Registered(Task task, Duration delay) {}

    private Jobs(Scheduler scheduler, String providerName, Duration shutdownBound) {
        this.scheduler = scheduler;
        this.providerName = providerName;
        this.shutdownBound = shutdownBound;
    }

    /**
     * A scheduler in standby on {@code db} (its Quartz tables migrated). {@code instanceName} separates schedulers that
     * share one database; {@code threads} is how many different jobs may run at once; {@link #close} waits up to
     * {@code shutdownBound} for running jobs.
     */
    public static Jobs open(Database db, String instanceName, int threads, Duration shutdownBound) throws JobsException {
        try {
            // Quartz keeps one scheduler per instance name in the JVM and would hand back the running one (on another
            // database) instead of making a second: two owners of one name must be refused, not merged.
            Scheduler live = org.quartz.impl.SchedulerRepository.getInstance().lookup(instanceName);
            if (live != null && !live.isShutdown()) {
                throw new JobsException("jobs: a scheduler named '" + instanceName + "' is already running in this "
                        + "JVM; give each database's scheduler its own instance name", null);
            }
        } catch (SchedulerException e) {
            throw new JobsException("jobs: " + instanceName + ": " + e.getMessage(), e);
        }
        db.migrate("quartz");
        String provider = "nsglobal-" + instanceName + "-" + System.identityHashCode(db);
        DBConnectionManager.getInstance().addConnectionProvider(provider, new PoolConnectionProvider(db.dataSource()));
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, instanceName);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "NON_CLUSTERED");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "jobs-" + instanceName);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", provider);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        // A trigger more than this late counts as misfired and gets its misfire instruction (run once, no backlog).
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        try {
            StdSchedulerFactory f = new StdSchedulerFactory(p);
            Scheduler s = f.getScheduler();
            Jobs jobs = new Jobs(s, provider, shutdownBound);
            s.getContext().put(CONTEXT_KEY, jobs);
            return jobs;
        } catch (SchedulerException e) {
            throw new JobsException("jobs: cannot create scheduler '" + instanceName + "': " + e.getMessage(), e);
        }
    }

    /** Runs {@code task} again {@code delay} after each run ends (first run {@code delay} from now). */
    public void everyDelay(String name, Duration delay, Task task) throws JobsException {
        if (delay.isNegative() || delay.isZero()) throw new IllegalArgumentException("jobs: " + name + ": delay must be positive");
        register(name, "delay " + delay, new Registered(task, delay), () -> oneShot(name, Instant.now().plus(delay)));
    }

    /** Runs {@code task} at the times of a Quartz cron expression (seconds first, e.g. {@code 0 0/5 * * * ?}). */
    public void cron(String name, String expression, Task task) throws JobsException {
        if (!CronExpression.isValidExpression(expression)) {
            throw new IllegalArgumentException("jobs: " + name + ": not a valid cron expression '" + expression + "'");
        }
        register(name, "cron " + expression, new Registered(task, null), () -> TriggerBuilder.newTrigger()
                .withIdentity(scheduleKey(name))
                .forJob(jobKey(name))
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).withMisfireHandlingInstructionFireAndProceed())
                .build());
    }

    private interface TriggerFactory {
        Trigger make();
    }

    private void register(String name, String schedule, Registered r, TriggerFactory trigger) throws JobsException {
        if (registered.putIfAbsent(name, r) != null) throw new IllegalStateException("jobs: " + name + " is registered twice");
        try {
            JobDetail stored = scheduler.getJobDetail(jobKey(name));
            boolean same = stored != null && schedule.equals(stored.getJobDataMap().getString(SCHEDULE_KEY))
                    && scheduler.checkExists(scheduleKey(name));
            if (same) {
                log.info("jobs: {} keeps its stored schedule ({}), next run {}", name, schedule, nextRun(name).orElse(null));
                return;
            }
            JobDetail job = JobBuilder.newJob(CallbackJob.class).withIdentity(jobKey(name))
                    .usingJobData(SCHEDULE_KEY, schedule).storeDurably().build();
            scheduler.addJob(job, true);
            scheduler.unscheduleJob(scheduleKey(name));
            scheduler.scheduleJob(trigger.make());
            log.info("jobs: {} scheduled ({}), next run {}", name, schedule, nextRun(name).orElse(null));
        } catch (SchedulerException e) {
            registered.remove(name);
            throw new JobsException("jobs: cannot register " + name + ": " + e.getMessage(), e);
        }
    }

    /** Starts running due jobs (register every job first: a stored trigger of an unregistered job is dropped). */
    public void start() throws JobsException {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new JobsException("jobs: cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Asks for a run of {@code name} as soon as possible. Coalesced: when a run is already queued or running, the
     * request is absorbed by it and this returns false (many viewers asking = one run).
     */
    public boolean runNow(String name) throws JobsException {
        if (!registered.containsKey(name)) throw new IllegalArgumentException("jobs: no job named " + name);
        if (running.contains(name)) return false;
        try {
            // The store inserts under its trigger-access lock: of N concurrent requests exactly one creates the trigger.
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(nowKey(name)).forJob(jobKey(name))
                    .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
            return true;
        } catch (ObjectAlreadyExistsException e) {
            return false;
        } catch (SchedulerException e) {
            throw new JobsException("jobs: cannot request a run of " + name + ": " + e.getMessage(), e);
        }
    }

    /** True while a requested run of {@code name} is queued, or any run of it is running. */
    public boolean busy(String name) throws JobsException {
        try {
            if (running.contains(name)) return true;
            for (Trigger t : scheduler.getTriggersOfJob(jobKey(name))) {
                if (!t.getKey().equals(scheduleKey(name))) return true;
            }
            return false;
        } catch (SchedulerException e) {
            throw new JobsException("jobs: " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * When the schedule next runs {@code name}: empty for no such job, and while a fixed-delay job runs (its next run is
     * set when the run ends).
     */
    public Optional<Instant> nextRun(String name) throws JobsException {
        try {
            Trigger t = scheduler.getTrigger(scheduleKey(name));
            return t == null || t.getNextFireTime() == null ? Optional.empty() : Optional.of(t.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new JobsException("jobs: " + name + ": " + e.getMessage(), e);
        }
    }

    /** Called by {@link CallbackJob} on a worker thread. */
    void execute(JobExecutionContext ctx) {
        String name = ctx.getJobDetail().getKey().getName();
        Registered r = registered.get(name);
        if (r == null) {
            log.warn("jobs: {} is stored but not registered by this version; removing it", name);
            try {
                scheduler.deleteJob(jobKey(name));
            } catch (SchedulerException e) {
                log.warn("jobs: removing {} failed: {}", name, e.toString());
            }
            return;
        }
        running.add(name);
        try {
            r.task().run();
        } catch (InterruptedException e) {
            log.warn("jobs: {} interrupted", name);
        } catch (Exception | Error e) {
            log.warn("jobs: {} failed: {}", name, e.toString(), e);
        } finally {
            try {
                if (r.delay() != null) {
                    // Fixed delay: the next run is counted from the end of this one. Quartz keeps a trigger rescheduled
                    // during its own run (it re-reads the stored trigger before deleting a spent one).
                    scheduler.rescheduleJob(scheduleKey(name), oneShot(name, Instant.now().plus(r.delay())));
                }
            } catch (SchedulerException e) {
                log.warn("jobs: {}: cannot schedule the next run: {}", name, e.toString());
            } finally {
                running.remove(name);
                Thread.interrupted(); // a pool thread must not carry our interrupt into the next job
            }
        }
    }

    private static Trigger oneShot(String name, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(scheduleKey(name)).forJob(jobKey(name)).startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
    }

    static JobKey jobKey(String name) { return JobKey.jobKey(name, GROUP); }
    static TriggerKey scheduleKey(String name) { return TriggerKey.triggerKey(name + ".schedule", GROUP); }
    static TriggerKey nowKey(String name) { return TriggerKey.triggerKey(name + ".now", GROUP); }

    /**
     * Stops firing, waits up to the shutdown bound for running jobs, interrupts any still running, and shuts Quartz
     * down. Close before the {@link Database}.
     */
    @Override
    public void close() {
        try {
            scheduler.standby();
            long deadline = System.nanoTime() + shutdownBound.toNanos();
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (!scheduler.getCurrentlyExecutingJobs().isEmpty()) {
                for (JobExecutionContext c : scheduler.getCurrentlyExecutingJobs()) {
                    log.warn("jobs: {} still running after {}; interrupting it", c.getJobDetail().getKey().getName(), shutdownBound);
                    scheduler.interrupt(c.getFireInstanceId());
                }
                deadline = System.nanoTime() + shutdownBound.toNanos();
                while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            // Waiting again for a job that ignored its interrupt would break the bound: then leave it behind.
            boolean stillRunning = !scheduler.getCurrentlyExecutingJobs().isEmpty();
            if (stillRunning) log.warn("jobs: a job ignored its interrupt; shutting down without waiting for it");
            scheduler.shutdown(!stillRunning);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try { scheduler.shutdown(false); } catch (SchedulerException ignored) { /* closing anyway */ }
        } catch (SchedulerException e) {
            log.warn("jobs: shutdown: {}", e.toString());
        } finally {
            DBConnectionManager.getInstance().addConnectionProvider(providerName, null);
        }
    }
}
