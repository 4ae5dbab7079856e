package net.nsglobal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.status.StatusService;
import net.nsglobal.control.status.ZoneStatus;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status checks are background jobs on the control plane's scheduler; pages only read the stored result. The zone's
 * one primary is a {@link CountingPrimary}; there is no collector and there are no sites, so every check asks exactly
 * one SOA question there.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatusJobsTest {
    static final String ZONE = "watched.test";
    @TempDir Path dir;
    CountingPrimary primary;
    ControlPlaneConfig config;
    ControlPlane plane;

    @BeforeEach
    void start() throws Exception {
        primary = new CountingPrimary(ZONE, 7);
        InetSocketAddress r = primary.address();
        config = ControlPlaneConfig.parse("http: 127.0.0.1:1\n"
                + "data-dir: " + dir.resolve("data") + "\n"
                + "resolver: " + r.getAddress().getHostAddress() + ":" + r.getPort() + "\n"
                + "smtp: {host: 127.0.0.1, port: 1, security: none, from: t@x.test}\n"
                + "allow-list: [127.0.0.0/8]\nown-prefixes: [192.0.2.0/24]\nns-names: [ns1.nsglobal.test]\n"
                + "catalog: {zone: catalog.nsglobal.test, listen: 127.0.0.1:0, tsig-key: {name: catalog-key.test, "
                + "algorithm: hmac-sha256, secret: dGVzdC1vbmx5LWNhdGFsb2cta2V5LTMyLWJ5dGVzISE=}}\n", dir);
        plane = open();
        addZone(ZONE);
    }

    private ControlPlane open() throws Exception {
        return ControlPlane.start(config, (to, subject, body) -> { }, (serial, zones) -> { });
    }

    private void addZone(String domain) {
        // Changed by its owner long ago: a result aged below is stale, but still describes the zone.
        plane.jdbi().useHandle(h -> h.execute("insert into zone (domain, catalog_id, primaries, rname_mailbox, "
                + "created_at, updated_at) values (?, ?, ?, 'hostmaster@watched.test', now() - interval '1 day', "
                + "now() - interval '1 day')", domain, "id-" + domain, primary.hostPort()));
    }

    private Optional<Instant> storedCheck(String domain) {
        return plane.jdbi().withHandle(h -> h.createQuery("select checked_at from zone_status where domain = ?")
                .bind(0, domain).mapTo(Instant.class).findOne());
    }

    @AfterEach
    void stop() {
        if (plane != null) plane.close();
        primary.close();
    }

    /** Before: each stale view started its own check, in the viewer's request. */
    @Test
    void concurrentReadsOfAStaleZoneAreServedTheStoredResultAndCauseOneProbe() throws Exception {
        ZoneStatus first = plane.statuses().status(ZONE).orElseThrow(); // never checked: waits for the shared check
        assertThat(first.primaries().get(0).serial()).isEqualTo(7L);
        assertThat(primary.soaQueries.get()).isEqualTo(1);
        Instant stored = storedCheck(ZONE).orElseThrow();
        // Age the stored result past FRESH without waiting for it.
        plane.jdbi().useHandle(h -> h.execute("update zone_status set checked_at = checked_at - interval '1 hour'"));

        primary.hold = new CountDownLatch(1); // the primary answers nothing until every reader is back
        ExecutorService readers = Executors.newFixedThreadPool(20);
        List<ZoneStatus> seen = new ArrayList<>();
        try {
            List<Future<ZoneStatus>> reads = new ArrayList<>();
            for (int i = 0; i < 20; i++) reads.add(readers.submit(() -> plane.statuses().status(ZONE).orElseThrow()));
            for (Future<ZoneStatus> r : reads) seen.add(r.get());
        } finally {
            primary.hold.countDown();
            readers.shutdownNow();
        }
        // A reader that probed itself would have waited for the held primary and returned a new result.
        assertThat(seen).allSatisfy(s -> assertThat(s.checkedAt()).isEqualTo(first.checkedAt()));
        Wait.until("the background check stores a new result", Duration.ofSeconds(60),
                () -> storedCheck(ZONE).orElseThrow().isAfter(stored));
        assertThat(primary.soaQueries.get()).as("SOA questions at the primary: the first check and one more").isEqualTo(2);
    }

    /** Before: results lived in memory, and the first view after a restart waited for a new check. */
    @Test
    void storedResultsSurviveARestart() throws Exception {
        ZoneStatus before = plane.statuses().status(ZONE).orElseThrow();
        plane.close();
        plane = null;
        primary.hold = new CountDownLatch(1); // a new check could not finish while we read
        try {
            plane = open();
            ZoneStatus after = plane.statuses().status(ZONE).orElseThrow();
            assertThat(after.checkedAt()).as("the result stored before the restart").isEqualTo(before.checkedAt());
            assertThat(after.primaries().get(0).serial()).isEqualTo(7L);
        } finally {
            primary.hold.countDown();
        }
    }

    /** Before: a private executor ran these; now they are jobs in the shared scheduler, stored in the database. */
    @Test
    void theControlPlaneJobsAreRegisteredAndRun() throws Exception {
        for (String job : List.of(StatusService.RECHECK, StatusService.REFRESH, ControlPlane.PURGE,
                ControlPlane.DELEGATIONS)) {
            assertThat(plane.jobs().nextRun(job)).as(job + " is scheduled").isPresent();
        }
        plane.jdbi().useHandle(h -> h.execute("insert into pending_request (kind, domain, mailbox, token_hash, "
                + "expires_at) values ('SIGNUP', 'expired.test', 'a@expired.test', '\\x01'::bytea, now() - interval '1 minute')"));
        plane.jobs().runNow(ControlPlane.PURGE);
        Wait.until("the purge job deletes the expired request", Duration.ofSeconds(60), () -> plane.jdbi().withHandle(
                h -> h.createQuery("select count(*) from pending_request").mapTo(Integer.class).one()) == 0);

        plane.jobs().runNow(StatusService.REFRESH); // nobody has viewed the zone
        Wait.until("the refresh job checks the zone and stores the result", Duration.ofSeconds(60),
                () -> storedCheck(ZONE).isPresent());
        assertThat(primary.soaQueries.get()).isEqualTo(1);
    }
}
