package net.nsglobal.te.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.te.analyze.JobState;
import net.nsglobal.te.config.Schema;
import net.nsglobal.te.config.TeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The observatory's jobs as operators drive them, on the clustered scheduler over a real PostgreSQL. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ObservatoryServiceTest {
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

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check c) throws Exception {
        while (!c.ok()) Thread.sleep(20);
    }

    @Test
    void operatorsListPauseResumeAndTriggerTheObservatoryJobsInTheirOrder() throws Exception {
        MemoryStore store = new MemoryStore();
        RecordedBackend backend = new RecordedBackend(20, Instant.now());
        TeConfig config = new TeConfig(Schema.Backend.SIMULATED, List.of(InetAddress.getByName("198.51.100.53")),
                Duration.ofHours(1));
        ObservatoryJobs observatory = ObservatoryJobs.of(config, backend, store, Fixtures.SITES);
        try (Jobs jobs = Jobs.open(db, "observatory", 2, Duration.ofSeconds(10))) {
            observatory.register(jobs);
            jobs.everyDelay("not-ours", Duration.ofHours(1), () -> { });
            jobs.start();
            ObservatoryService service = new ObservatoryService(store, jobs, observatory, backend.name(), Fixtures.SITES,
                    Clock.systemUTC(), () -> 1234.0, Double.NaN);

            assertThat(service.jobs()).extracting(JobState::name).as("one list, in data-flow order").containsExactly(
                    "observatory-round", "observatory-ingest", "observatory-rollup", "observatory-retention");
            assertThat(service.jobs()).extracting(JobState::schedule).containsExactly(
                    "every 1h after the previous run ends", "every 5m after the previous run ends",
                    "every 5m after the previous run ends", "cron 0 17 3 * * ?");
            assertThat(service.jobs()).allSatisfy(j -> {
                assertThat(j.paused()).isFalse();
                assertThat(j.nextRun()).isNotNull();
                assertThat(j.lastRun()).isNull();
            });

            assertThat(service.trigger("observatory-round")).isTrue();
            waitUntil(() -> service.jobs().get(0).lastOutcome() != null);
            assertThat(service.jobs().get(0).lastOutcome()).startsWith("ok in ");
            assertThat(store.latestRound()).get().satisfies(r -> {
                assertThat(r.backend()).isEqualTo("recorded");
                assertThat(r.pingMsms()).hasSize(5);
            });
            assertThat(service.credits()).satisfies(c -> {
                assertThat(c.backend()).isEqualTo("recorded");
                assertThat(c.balance()).isEqualTo(1234.0);
                assertThat(c.spentPerJob24h()).containsOnlyKeys("observatory-round");
                assertThat(c.spentPerJob24h().get("observatory-round")).isEqualTo(21 * 10 + 5 * 21 * 3.0);
            });

            assertThat(service.pause("observatory-ingest")).isTrue();
            assertThat(service.jobs().get(1)).satisfies(j -> {
                assertThat(j.paused()).isTrue();
                assertThat(j.nextRun()).isNull();
            });
            assertThat(service.trigger("observatory-ingest")).as("a paused job can still be run by hand").isTrue();
            waitUntil(() -> service.jobs().get(1).lastOutcome() != null && !jobs.busy("observatory-ingest"));
            assertThat(store.catchment(store.latestRound().orElseThrow().catchmentMsm())).hasSize(21);
            assertThat(service.jobs().get(1).paused()).isTrue();
            assertThat(service.resume("observatory-ingest")).isTrue();
            assertThat(service.jobs().get(1).paused()).isFalse();

            assertThat(service.trigger("nope")).isFalse();
            assertThat(service.pause("not-ours")).as("only the observatory's jobs are controlled here").isFalse();
            assertThat(service.resume("nope")).isFalse();
        }
    }

    @Test
    void withoutAConfiguredAddressTheFirstHostOfTheSitesAnycastPrefixIsMeasured() throws Exception {
        TeConfig config = new TeConfig(Schema.Backend.SIMULATED, List.of(), Duration.ofHours(1));
        assertThat(ObservatoryJobs.anycastAddress(config, Fixtures.SITES).getHostAddress()).isEqualTo("198.51.100.1");
        TeConfig given = new TeConfig(Schema.Backend.SIMULATED, List.of(InetAddress.getByName("192.0.2.53")), Duration.ofHours(1));
        assertThat(ObservatoryJobs.anycastAddress(given, Fixtures.SITES).getHostAddress()).isEqualTo("192.0.2.53");
    }
}
