package net.nsglobal.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.nsglobal.platform.db.Database;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's background jobs: named Java callbacks run on a schedule by Quartz, whose job store lives in the shared
 * {@link Database} (migration set {@code quartz}), so schedules survive restarts. The store is clustered (see
 * {@link QuartzProperties}): several processes opening the same instance name on the same database are nodes of one
 * cluster, and each firing runs on exactly one of them.
 *
 * <p>Each job has at most two triggers: its schedule ({@code schedule} in the job's own trigger group
 * {@code nsglobal.<name>}: its fixed delay or cron schedule) and {@code <name>.now} (a requested run). Jobs never run
 * concurrently with themselves, on any node ({@link CallbackJob} is {@code @DisallowConcurrentExecution}).
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
 *
 * State of one job's schedule:
 *
 *   active ──pause()──▶ paused ──resume()──▶ active (a run missed while paused happens once, now)
 *   paused: the schedule does not fire; runNow() still runs the job once
 * </pre>
 *
 * A fixed-delay job's next run is set when a run ends (end + delay), whichever trigger caused the run: a
 * requested run also restarts the delay. A cron job keeps to its expression; after downtime it runs once
 * ("fire and proceed") and then at its next due time. A pause is kept by pausing the job's trigger group (Quartz's
 * {@code QRTZ_PAUSED_TRIGGER_GRPS}), so it holds across the re-scheduling after each fixed-delay run, a changed
 * schedule and restarts, on every node.
 *
 * <p>Use: {@link #open}, register every job ({@link #everyDelay}, {@link #cron}), {@link #start}; {@link #runNow},
 * {@link #list}, {@link #pause}, {@link #resume} from request handlers; {@link #close} before closing the database.
 * Registration of a job whose schedule is stored unchanged keeps its stored next run, so a restart does not delay (or
 * hurry) it. Every node of a cluster registers the same jobs.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    static final String CONTEXT_KEY = "net.nsglobal.platform.jobs";
    private static final String GROUP = "nsglobal";
    private static final String SCHEDULE_KEY = "schedule";
    private static final String LAST_RUN_KEY = "lastRun";
    private static final String LAST_OUTCOME_KEY = "lastOutcome";
    private static final String AUTO = "AUTO";

    /** The nodes open in this JVM: instance name → node ids ({@value #AUTO} for {@link #open}'s). */
    private static final Map<String, Set<String>> LIVE = new HashMap<>();
    private static final AtomicLong PROVIDERS = new AtomicLong();

    /** A job's work. Exceptions are logged (naming the job) and do not stop the schedule. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /**
     * A job's work that wants the time its run was due ({@code scheduledFireTime}; for a requested run, the request's
     * time): the same value on whichever node runs it, so it can name what the run produces.
     */
    @FunctionalInterface
    public interface Firing {
        void run(Instant scheduledFireTime) throws Exception;
    }

    private final Scheduler scheduler;
    private final String instanceName;
    private final String nodeKey;
    private final String providerName;
    private final Duration shutdownBound;
    private final Map<String, Registered> registered = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private record Registered(Firing task, Duration delay) {}

    private Jobs(Scheduler scheduler, String instanceName, String nodeKey, String providerName, Duration shutdownBound) {
        this.scheduler = scheduler;
        this.instanceName = instanceName;
        this.nodeKey = nodeKey;
        this.providerName = providerName;
        this.shutdownBound = shutdownBound;
    }

    /**
     * A scheduler in standby on {@code db} (its Quartz tables migrated): this process's node of the cluster
     * {@code instanceName} (instance id generated by Quartz). {@code instanceName} separates schedulers that
     * share one database; {@code threads} is how many different jobs may run at once; {@link #close} waits up to
     * {@code shutdownBound} for running jobs. One per instance name per JVM.
     */
    public static Jobs open(Database db, String instanceName, int threads, Duration shutdownBound) throws JobsException {
        return openNode(db, instanceName, AUTO, threads, shutdownBound);
    }

    /**
     * One node of the cluster {@code instanceName} with the instance id {@code nodeId}: for running several nodes of
     * one cluster in one JVM (tests, and a process that wants a fixed id). Refused if this JVM already runs the node
     * {@code nodeId} of that cluster, or its {@link #open} node.
     */
    public static Jobs openNode(Database db, String instanceName, String nodeId, int threads, Duration shutdownBound)
            throws JobsException {
        if (nodeId == null || nodeId.isBlank()) throw new IllegalArgumentException("jobs: " + instanceName + ": empty node id");
        synchronized (LIVE) {
            Set<String> nodes = LIVE.getOrDefault(instanceName, Set.of());
            if (nodes.contains(nodeId) || nodes.contains(AUTO) || (nodeId.equals(AUTO) && !nodes.isEmpty())) {
                throw new JobsException("jobs: a scheduler named '" + instanceName + "' is already running in this "
                        + "JVM; give each database's scheduler its own instance name", null);
            }
            db.migrate("quartz");
            String provider = "nsglobal-" + instanceName + "-" + PROVIDERS.incrementAndGet();
            DBConnectionManager.getInstance().addConnectionProvider(provider, new PoolConnectionProvider(db.dataSource()));
            try {
                Scheduler s = new StdSchedulerFactory(QuartzProperties.of(instanceName, nodeId, threads, provider)).getScheduler();
                // Quartz's JVM-wide repository keys schedulers by name and would hand a second node of this cluster
                // the first node (with its database) instead of making one: this class keeps the live nodes itself
                // (LIVE, above), so the repository entry is dropped and the next open makes a scheduler of its own.
                SchedulerRepository.getInstance().remove(instanceName);
                Jobs jobs = new Jobs(s, instanceName, nodeId, provider, shutdownBound);
                s.getContext().put(CONTEXT_KEY, jobs);
                LIVE.computeIfAbsent(instanceName, k -> new TreeSet<>()).add(nodeId);
                return jobs;
            } catch (SchedulerException e) {
                DBConnectionManager.getInstance().addConnectionProvider(provider, null);
                throw new JobsException("jobs: cannot create scheduler '" + instanceName + "': " + e.getMessage(), e);
            }
        }
    }

    /** Runs {@code task} again {@code delay} after each run ends (first run {@code delay} from now). */
    public void everyDelay(String name, Duration delay, Task task) throws JobsException {
        everyDelay(name, delay, due -> task.run());
    }

    /** As {@link #everyDelay(String, Duration, Task)}, handing the task the time its run was due. */
    public void everyDelay(String name, Duration delay, Firing task) throws JobsException {
        if (delay.isNegative() || delay.isZero()) throw new IllegalArgumentException("jobs: " + name + ": delay must be positive");
        register(name, "delay " + delay, new Registered(task, delay), () -> oneShot(name, Instant.now().plus(delay)));
    }

    /** Runs {@code task} at the times of a Quartz cron expression (seconds first, e.g. {@code 0 0/5 * * * ?}). */
    public void cron(String name, String expression, Task task) throws JobsException {
        cron(name, expression, due -> task.run());
    }

    /** As {@link #cron(String, String, Task)}, handing the task the time its run was due. */
    public void cron(String name, String expression, Firing task) throws JobsException {
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
            scheduler.unscheduleJob(TriggerKey.triggerKey(name + ".schedule", GROUP)); // where earlier versions kept it
            scheduler.scheduleJob(trigger.make()); // paused if the job's trigger group is paused
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
     * Asks for a run of {@code name} as soon as possible (also while its schedule is paused). Coalesced: when a run
     * is already queued or running on this node, the request is absorbed by it and this returns false (many viewers
     * asking = one run).
     */
    public boolean runNow(String name) throws JobsException {
        requireRegistered(name);
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

    /** Stops {@code name}'s schedule from firing until {@link #resume}; a run in progress finishes. */
    public void pause(String name) throws JobsException {
        requireRegistered(name);
        try {
            scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(scheduleGroup(name)));
            log.info("jobs: {} paused", name);
        } catch (SchedulerException e) {
            throw new JobsException("jobs: cannot pause " + name + ": " + e.getMessage(), e);
        }
    }

    /** Lets {@code name}'s schedule fire again; a run it missed while paused happens once, now. */
    public void resume(String name) throws JobsException {
        requireRegistered(name);
        try {
            scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(scheduleGroup(name)));
            log.info("jobs: {} resumed, next run {}", name, nextRun(name).orElse(null));
        } catch (SchedulerException e) {
            throw new JobsException("jobs: cannot resume " + name + ": " + e.getMessage(), e);
        }
    }

    /** The jobs registered on this node, by name, with their stored state (shared by every node of the cluster). */
    public List<JobInfo> list() throws JobsException {
        List<JobInfo> out = new ArrayList<>();
        try {
            Set<String> paused = Set.copyOf(scheduler.getPausedTriggerGroups());
            for (String name : new TreeSet<>(registered.keySet())) {
                JobDetail d = scheduler.getJobDetail(jobKey(name));
                JobDataMap m = d == null ? new JobDataMap() : d.getJobDataMap();
                String last = m.getString(LAST_RUN_KEY);
                out.add(new JobInfo(name, describe(m.getString(SCHEDULE_KEY)), paused.contains(scheduleGroup(name)),
                        nextRun(name).orElse(null), last == null ? null : Instant.parse(last), m.getString(LAST_OUTCOME_KEY)));
            }
            return out;
        } catch (SchedulerException e) {
            throw new JobsException("jobs: cannot list jobs: " + e.getMessage(), e);
        }
    }

    /** The stored schedule ("delay PT15M", "cron 0 0 3 * * ?") in operators' words. */
    static String describe(String stored) {
        if (stored == null) return "not scheduled";
        if (stored.startsWith("delay ")) {
            Duration d = Duration.parse(stored.substring(6));
            return "every " + d.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " after the previous run ends";
        }
        return stored;
    }

    private void requireRegistered(String name) {
        if (!registered.containsKey(name)) throw new IllegalArgumentException("jobs: no job named " + name);
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
     * When the schedule next runs {@code name}: empty for no such job, while it is paused, and while a fixed-delay job
     * runs (its next run is set when the run ends).
     */
    public Optional<Instant> nextRun(String name) throws JobsException {
        try {
            Trigger t = scheduler.getTrigger(scheduleKey(name));
            if (t == null || t.getNextFireTime() == null) return Optional.empty();
            if (scheduler.getTriggerState(t.getKey()) == Trigger.TriggerState.PAUSED) return Optional.empty();
            return Optional.of(t.getNextFireTime().toInstant());
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
        Instant started = Instant.now();
        String outcome;
        try {
            Date due = ctx.getScheduledFireTime();
            r.task().run(due == null ? started : due.toInstant());
            outcome = "ok in " + Duration.between(started, Instant.now()).toMillis() + " ms";
        } catch (InterruptedException e) {
            log.warn("jobs: {} interrupted", name);
            outcome = "interrupted";
        } catch (Exception | Error e) {
            log.warn("jobs: {} failed: {}", name, e.toString(), e);
            outcome = "failed: " + e;
        }
        // Kept with the job (CallbackJob is @PersistJobDataAfterExecution), so every node lists the same last run.
        ctx.getJobDetail().getJobDataMap().put(LAST_RUN_KEY, started.toString());
        ctx.getJobDetail().getJobDataMap().put(LAST_OUTCOME_KEY, outcome);
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

    private static Trigger oneShot(String name, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(scheduleKey(name)).forJob(jobKey(name)).startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
    }

    static JobKey jobKey(String name) { return JobKey.jobKey(name, GROUP); }
    /** Each job's schedule trigger has a group of its own, so pausing that group pauses exactly this schedule. */
    static String scheduleGroup(String name) { return GROUP + "." + name; }
    static TriggerKey scheduleKey(String name) { return TriggerKey.triggerKey("schedule", scheduleGroup(name)); }
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
            synchronized (LIVE) {
                Set<String> nodes = LIVE.get(instanceName);
                if (nodes != null && nodes.remove(nodeKey) && nodes.isEmpty()) LIVE.remove(instanceName);
            }
        }
    }
}
