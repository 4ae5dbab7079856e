package net.nsglobal.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.nsglobal.platform.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shared scheduler on a real PostgreSQL: coalesced requests, schedules kept across restarts, bounded shutdown. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobsTest {
    @TempDir static Path dir;
    static Database db;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = Database.embedded(dir);
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) db.close();
    }

    private static void waitUntil(Check c) throws Exception {
        while (!c.ok()) Thread.sleep(20);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Before: Quartz handed the second owner the first one's running scheduler (and its database). */
    @Test
    void aSecondSchedulerOfTheSameNameInOneJvmIsRefused() throws Exception {
        try (Jobs first = Jobs.open(db, "twice", 1, Duration.ofSeconds(10))) {
            first.start();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Jobs.open(db, "twice", 1, Duration.ofSeconds(10)))
                    .isInstanceOf(JobsException.class).hasMessageContaining("'twice' is already running");
        }
        try (Jobs again = Jobs.open(db, "twice", 1, Duration.ofSeconds(10))) {
            assertThat(again).as("the name is free once the first is closed").isNotNull();
        }
    }

    @Test
    void manyConcurrentRunNowRequestsMakeOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch requestsDone = new CountDownLatch(1);
        int n = 16;
        List<Boolean> accepted = new ArrayList<>();
        try (Jobs jobs = Jobs.open(db, "coalesce", 4, Duration.ofSeconds(10))) {
            jobs.everyDelay("probe", Duration.ofHours(1), () -> {
                runs.incrementAndGet();
                requestsDone.await(); // stays running until every request has been made
            });
            jobs.start();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Boolean>> fs = new ArrayList<>();
                for (int i = 0; i < n; i++) fs.add(pool.submit(() -> { gate.await(); return jobs.runNow("probe"); }));
                gate.countDown();
                for (Future<Boolean> f : fs) accepted.add(f.get());
            } finally {
                pool.shutdownNow();
            }
            requestsDone.countDown();
            waitUntil(() -> runs.get() >= 1 && !jobs.busy("probe"));
            assertThat(accepted).filteredOn(b -> b).hasSize(1);
            assertThat(runs.get()).isEqualTo(1);
            // Idle again: the next request is a new run.
            assertThat(jobs.runNow("probe")).isTrue();
            waitUntil(() -> runs.get() == 2 && !jobs.busy("probe"));
        }
    }

    @Test
    void aFixedDelayJobRunsAgainAfterEachRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Jobs jobs = Jobs.open(db, "delay", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("tick", Duration.ofMillis(100), runs::incrementAndGet);
            jobs.start();
            waitUntil(() -> runs.get() >= 3);
            waitUntil(() -> jobs.nextRun("tick").isPresent()); // set again when the current run ends
        }
    }

    @Test
    void theStoredScheduleSurvivesARestartOnTheSameDatabase() throws Exception {
        Instant delayNext;
        Instant cronNext;
        try (Jobs jobs = Jobs.open(db, "restart", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("daily", Duration.ofHours(24), () -> { });
            jobs.cron("nightly", "0 0 3 * * ?", () -> { });
            jobs.start();
            delayNext = jobs.nextRun("daily").orElseThrow();
            cronNext = jobs.nextRun("nightly").orElseThrow();
        }
        Thread.sleep(50); // a re-created trigger would get a later first run
        try (Jobs jobs = Jobs.open(db, "restart", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("daily", Duration.ofHours(24), () -> { });
            jobs.cron("nightly", "0 0 3 * * ?", () -> { });
            jobs.start();
            assertThat(jobs.nextRun("daily")).contains(delayNext);
            assertThat(jobs.nextRun("nightly")).contains(cronNext);
        }
        try (Jobs jobs = Jobs.open(db, "restart", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("daily", Duration.ofHours(48), () -> { });
            assertThat(jobs.nextRun("daily").orElseThrow()).as("a changed schedule replaces the stored one").isAfter(delayNext);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunMissedDuringDowntimeHappensOnceNotAsABacklog() throws Exception {
        try (Jobs jobs = Jobs.open(db, "misfire", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("hourly", Duration.ofHours(1), () -> { });
            jobs.cron("minutely", "0 * * * * ?", () -> { });
        }
        // The scheduler was down for two hours: both triggers are long overdue (dozens of minutely runs missed).
        long twoHoursAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        db.jdbi().useHandle(h -> h.createUpdate("update qrtz_triggers set next_fire_time = :t where sched_name = 'misfire'")
                .bind("t", twoHoursAgo).execute());
        AtomicInteger hourly = new AtomicInteger();
        AtomicInteger minutely = new AtomicInteger();
        Instant started = Instant.now();
        try (Jobs jobs = Jobs.open(db, "misfire", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("hourly", Duration.ofHours(1), hourly::incrementAndGet);
            jobs.cron("minutely", "0 * * * * ?", minutely::incrementAndGet);
            jobs.start();
            waitUntil(() -> hourly.get() >= 1 && jobs.nextRun("hourly").isPresent());
            waitUntil(() -> minutely.get() >= 1 && jobs.nextRun("minutely").orElseThrow().isAfter(started));
            assertThat(hourly.get()).isEqualTo(1);
            assertThat(jobs.nextRun("hourly").orElseThrow()).isAfter(started.plus(Duration.ofMinutes(59)));
            // One catch-up run; a replayed backlog would have run the minutely job once per missed minute.
            assertThat(minutely.get()).isBetween(1, 2);
        }
    }

    /**
     * Before: a pause was lost when the fixed-delay job re-scheduled itself after a run (the new trigger was stored
     * as waiting), so a paused job ran again after the next run ended.
     */
    @Test
    void aPausedScheduleStaysPausedThroughRunsAndRestartsUntilResumed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Jobs jobs = Jobs.open(db, "pausing", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("tick", Duration.ofMillis(200), runs::incrementAndGet);
            jobs.cron("nightly", "0 0 3 * * ?", () -> { throw new IllegalStateException("no upstream"); });
            jobs.start();
            waitUntil(() -> runs.get() >= 1 && jobs.nextRun("tick").isPresent());
            jobs.pause("tick");
            assertThat(jobs.list()).filteredOn(j -> j.name().equals("tick")).singleElement()
                    .satisfies(j -> assertThat(j.paused()).isTrue()).satisfies(j -> assertThat(j.nextRun()).isNull());
            // A requested run still happens while paused, and its re-scheduling keeps the pause.
            int before = runs.get();
            waitUntil(() -> !jobs.busy("tick"));
            jobs.runNow("tick");
            waitUntil(() -> runs.get() > before && !jobs.busy("tick"));
            assertThat(jobs.list().get(1)).as("tick").satisfies(j -> {
                assertThat(j.name()).isEqualTo("tick");
                assertThat(j.paused()).isTrue();
                assertThat(j.nextRun()).isNull();
                assertThat(j.lastRun()).isNotNull();
                assertThat(j.lastOutcome()).startsWith("ok in ");
                assertThat(j.schedule()).isEqualTo("every 0.2s after the previous run ends");
            });
            jobs.runNow("nightly");
            waitUntil(() -> jobs.list().get(0).lastOutcome() != null && !jobs.busy("nightly"));
            assertThat(jobs.list().get(0)).satisfies(j -> {
                assertThat(j.schedule()).isEqualTo("cron 0 0 3 * * ?");
                assertThat(j.paused()).isFalse();
                assertThat(j.nextRun()).isNotNull();
                assertThat(j.lastOutcome()).isEqualTo("failed: java.lang.IllegalStateException: no upstream");
            });
        }
        try (Jobs jobs = Jobs.open(db, "pausing", 2, Duration.ofSeconds(10))) {
            jobs.everyDelay("tick", Duration.ofMillis(200), runs::incrementAndGet);
            jobs.cron("nightly", "0 0 3 * * ?", () -> { });
            jobs.start();
            assertThat(jobs.list().get(1).paused()).as("paused across a restart").isTrue();
            assertThat(jobs.list().get(0).lastOutcome()).as("the last outcome is stored").startsWith("failed: ");
            int before = runs.get();
            jobs.resume("tick");
            assertThat(jobs.list().get(1).paused()).isFalse();
            waitUntil(() -> runs.get() >= before + 2);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (Jobs jobs = Jobs.open(db, "pausing", 1, Duration.ofSeconds(10))) {
                jobs.pause("nope");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("jobs: no job named nope");
    }

    @Test
    void closeWaitsForARunningJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Jobs jobs = Jobs.open(db, "drain", 2, Duration.ofSeconds(30));
        jobs.everyDelay("slow", Duration.ofHours(1), () -> {
            started.countDown();
            release.await();
            finished.set(true);
        });
        jobs.start();
        jobs.runNow("slow");
        started.await();
        Thread releaser = new Thread(() -> {
            try { Thread.sleep(300); } catch (InterruptedException e) { return; }
            release.countDown();
        });
        releaser.start();
        jobs.close();
        assertThat(finished).as("close returned only after the run finished").isTrue();
        releaser.join();
    }

    @Test
    void closeInterruptsAJobStillRunningAtTheBound() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Jobs jobs = Jobs.open(db, "bound", 2, Duration.ofMillis(300));
        jobs.everyDelay("stuck", Duration.ofHours(1), () -> {
            started.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        });
        jobs.start();
        jobs.runNow("stuck");
        started.await();
        jobs.close();
        assertThat(interrupted).isTrue();
    }
}
