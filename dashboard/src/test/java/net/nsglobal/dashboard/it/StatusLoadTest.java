package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import net.nsglobal.config.Cidr;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page under load, and the parent-zone servers it asks. Knot serves the parent zone {@code p.test}, whose
 * three name servers are {@link FakeParent}s on loopback addresses (port 53), and the child {@code c.p.test}, a zone
 * NS-Global serves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatusLoadTest {
    static final String CHILD = "c.p.test";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static Harness h;
    static final List<FakeParent> parents = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        String net = "127.53." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
        StringBuilder parent = new StringBuilder(Harness.zone("p.test", "hostmaster.p.test.", 1)
                .replace("@ NS ns1.nsglobal.test.\n@ NS ns2.nsglobal.test.\n", ""));
        for (int i = 1; i <= 3; i++) {
            parent.append("@ NS ns").append(i).append(".p.test.\nns").append(i).append(" A ").append(net).append(i).append('\n');
            parents.add(new FakeParent(net + i, List.of("ns1.nsglobal.test", "ns2.nsglobal.test")));
        }
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("p.test", parent.toString());
        zones.put(CHILD, Harness.zone(CHILD, "hostmaster." + CHILD + ".", 77));
        h = new Harness(dir, "{per-client-ip: 100, per-client-site: 300, per-domain: 100, per-rname: 100, "
                + "max-pending: 100}", zones, Map.of(), null);
        h.plane.jdbi().useHandle(x -> x.execute("insert into zone (domain, catalog_id, primaries, rname_mailbox) "
                + "values (?, 'child', ?, 'hostmaster@c.p.test')", CHILD, h.knot.hostPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
        for (FakeParent p : parents) p.close();
    }

    private static int asked() {
        return parents.stream().mapToInt(p -> p.queries.get()).sum();
    }

    private static JsonNode status() throws Exception {
        HttpResponse<String> r = new Http(h.url()).get("/api/v1/zones/" + CHILD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Before: every concurrent view ran its own live check (40 views, 40 rounds of queries to the parent). */
    @Test @Order(1)
    void manyViewersCauseOneCheck() throws Exception {
        ExecutorService viewers = Executors.newFixedThreadPool(40);
        try {
            List<Future<JsonNode>> views = new ArrayList<>();
            for (int i = 0; i < 40; i++) views.add(viewers.submit(StatusLoadTest::status));
            for (Future<JsonNode> v : views) {
                JsonNode s = v.get();
                assertThat(s.at("/delegation/source").asText()).isEqualTo("parent");
                assertThat(s.at("/delegation/listsOurNameServers").asBoolean()).isTrue();
                assertThat(s.at("/checkedAt").asText()).isNotEmpty();
            }
        } finally {
            viewers.shutdownNow();
        }
        // One check asks each of the 3 parent servers at most once: it stops at the first referral and cancels the
        // queries not yet sent, so under load it may ask fewer. The periodic refresh (every 30 s) may add one more
        // check on a slow machine; 40 checks would ask at least 40 times.
        assertThat(asked()).as("queries at the parent servers").isBetween(1, 6);
    }

    /**
     * Before: one parent server was asked, and a dropped packet cost the page the whole timeout. Now all are asked
     * at once, and the page reads the last result while a check runs.
     */
    @Test @Order(2)
    void aParentThatDropsPacketsIsAskedInParallelAndNeverHoldsThePage() throws Exception {
        for (FakeParent p : parents) {
            p.answer = false;
            p.queries.set(0);
        }
        Thread.sleep(2100); // let the last result grow older than the 2 s a result is fresh
        JsonNode stale = status(); // served at once from the last result; starts one background check
        assertThat(stale.at("/delegation/source").asText()).isEqualTo("parent");
        Wait.holds(Duration.ofSeconds(30), () -> parents.stream().noneMatch(p -> p.queries.get() == 0));
        assertThat(parents).allSatisfy(p -> assertThat(p.queries.get()).as("each parent asked").isEqualTo(1));
        JsonNode meanwhile = status();
        assertThat(meanwhile.at("/delegation/source").asText()).as("the last result, while the check waits")
                .isEqualTo("parent");
    }

    /** Before: parent servers were asked wherever DNS said they were; now the primaries' address policy applies. */
    @Test @Order(3)
    void parentServersOutsideTheAllowListAreNeverAsked() throws Exception {
        h.stopPlane();
        for (FakeParent p : parents) {
            p.answer = true;
            p.queries.set(0);
        }
        h.config = h.config.withAllowList(List.of(Cidr.of("127.0.0.1/32"))); // Knot stays allowed
        h.startPlane();
        JsonNode s = status();
        assertThat(s.at("/delegation/source").asText()).as("falls back to the zone's own NS set").isEqualTo("zone");
        assertThat(asked()).as("packets sent to 127.53.x.x (loopback, not allowed)").isZero();
        assertThat(s.at("/primaries/0/serial").asLong()).as("the allowed primary is still asked").isEqualTo(77);
    }
}
