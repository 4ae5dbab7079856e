package net.nsglobal.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.nsglobal.platform.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two scheduler nodes of one cluster on one real PostgreSQL: every firing runs once, on one node. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobsClusterTest {
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

    record Fired(String node, Instant due) {}

    private static Jobs node(String id, Queue<Fired> log) throws JobsException {
        Jobs jobs = Jobs.openNode(db, "cluster", id, 2, Duration.ofSeconds(10));
        jobs.cron("tick", "* * * * * ?", due -> {
            log.add(new Fired(id, due));
            Thread.sleep(150); // a run long enough for the other node to try the same firing meanwhile
        });
        return jobs;
    }

    private static void waitUntil(JobsTest.Check c) throws Exception {
        while (!c.ok()) Thread.sleep(20);
    }

    /**
     * Seen red: unclustered, no node checks in (the assertion on QRTZ_SCHEDULER_STATE); with a store per node (RAM)
     * both nodes ran each second's firing. (Unclustered JDBC nodes do not double a firing here: Quartz acquires a
     * trigger by a compare-and-set of its state; clustering adds the check-in, recovery of a dead node's firings and
     * the row lock.)
     */
    @Test
    void eachFiringRunsOnceAcrossTwoNodesAndTheSurvivorCarriesOn() throws Exception {
        Queue<Fired> fired = new ConcurrentLinkedQueue<>();
        Jobs a = node("node-a", fired);
        Jobs b = node("node-b", fired);
        try {
            a.start();
            b.start();
            waitUntil(() -> fired.size() >= 10);
            List<String> checkedIn = db.jdbi().withHandle(h -> h.createQuery(
                    "select instance_name from qrtz_scheduler_state where sched_name = 'cluster' order by 1")
                    .mapTo(String.class).list());
            assertThat(checkedIn).as("both nodes are alive in the cluster").containsExactly("node-a", "node-b");
            assertThat(a.list()).extracting(JobInfo::lastOutcome).allMatch(o -> o == null || o.startsWith("ok"));

            a.close();
            int before = fired.size();
            waitUntil(() -> fired.size() >= before + 3);
            assertThat(fired.stream().skip(before + 1)).as("node-b runs the firings once node-a has left")
                    .allMatch(f -> f.node().equals("node-b"));
        } finally {
            a.close();
            b.close();
        }
        Map<Instant, Long> perFireTime = fired.stream().collect(Collectors.groupingBy(Fired::due, Collectors.counting()));
        assertThat(perFireTime).as("firings run more than once (fire time → runs): %s", fired)
                .allSatisfy((due, runs) -> assertThat(runs).isEqualTo(1L));
        Set<String> nodes = new HashSet<>();
        fired.forEach(f -> nodes.add(f.node()));
        assertThat(nodes).contains("node-b");
    }

    @Test
    void twoNodesOfOneClusterMayRunInOneJvmButNotTheSameNodeTwice() throws Exception {
        try (Jobs a = Jobs.openNode(db, "pair", "one", 1, Duration.ofSeconds(5));
             Jobs b = Jobs.openNode(db, "pair", "two", 1, Duration.ofSeconds(5))) {
            assertThat(a).isNotSameAs(b);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Jobs.openNode(db, "pair", "one", 1, Duration.ofSeconds(5)))
                    .isInstanceOf(JobsException.class).hasMessageContaining("'pair' is already running");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Jobs.open(db, "pair", 1, Duration.ofSeconds(5)))
                    .isInstanceOf(JobsException.class).hasMessageContaining("'pair' is already running");
        }
    }
}
