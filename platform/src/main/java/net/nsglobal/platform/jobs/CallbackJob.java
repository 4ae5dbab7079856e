package net.nsglobal.platform.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.PersistJobDataAfterExecution;
import org.quartz.SchedulerException;

/**
 * The one Quartz job class: the stored job names which registered {@link Jobs.Task} to call. Never two runs of one job
 * at once, on any node; a trigger firing while the job runs waits (Quartz's BLOCKED state) instead of starting a second run.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public final class CallbackJob implements InterruptableJob {
    private volatile Thread worker;

    @Override
    public void execute(JobExecutionContext ctx) throws JobExecutionException {
        Jobs jobs;
        try {
            jobs = (Jobs) ctx.getScheduler().getContext().get(Jobs.CONTEXT_KEY);
        } catch (SchedulerException e) {
            throw new JobExecutionException("jobs: no scheduler context for " + ctx.getJobDetail().getKey(), e);
        }
        worker = Thread.currentThread();
        try {
            jobs.execute(ctx);
        } finally {
            worker = null;
        }
    }

    @Override
    public void interrupt() {
        Thread t = worker;
        if (t != null) t.interrupt();
    }
}
