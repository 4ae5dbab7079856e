package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.nsglobal.testkit.Knot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits hold against an attacker who varies what is free to vary: the client address inside its network, the
 * zone name under a registrable domain they own, and the spelling of a mailbox. Tiny limits; real Knot, GreenMail and
 * PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RateLimitTest {
    @TempDir static Path dir;
    static Harness h;
    static int mails;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> zones = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            String z = "z" + i + ".attacker.test";
            zones.put(z, Harness.zone(z, "hostmaster." + z + ".", i)); // a different mailbox each
        }
        zones.put("tag-a.test", Harness.zone("tag-a.test", "owner\\+a.mail-x.test.", 1));
        zones.put("tag-b.test", Harness.zone("tag-b.test", "OWNER.mail-x.test.", 1));
        // per /24: 10, per domain: 3, per RNAME: 1, at most 2 pending per registrable domain, 1 zone per RNAME
        h = new Harness(dir, "{per-client-ip: 10, per-client-site: 30, per-domain: 3, per-rname: 1, "
                + "max-pending-per-domain: 2, max-pending-per-rname: 10, max-zones-per-domain: 100, max-zones-per-rname: 1}", zones, Map.of(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
    }

    private static String body(String domain) {
        return "{\"domain\":\"" + domain + "\",\"primaries\":[\"" + h.knot.hostPort() + "\"]}";
    }

    /** Before: every zN.attacker.test had its own allowance, so one owner of attacker.test could mail without end. */
    @Test @Order(1)
    void namesUnderOneRegistrableDomainShareItsLimit() throws Exception {
        Http api = new Http(h.url());
        for (int i = 1; i <= 3; i++) {
            assertThat(api.postJson("/api/v1/signups", body("z" + i + ".attacker.test")).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> fourth = api.postJson("/api/v1/signups", body("z4.attacker.test"));
        assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        mails += 3;
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
    }

    /**
     * At most 2 requests under attacker.test wait for confirmation: the third one made room by dropping the oldest
     * (z1's link no longer works) instead of being refused, so pending requests cannot lock an owner out.
     */
    @Test @Order(2)
    void pendingRequestsPerRegistrableDomainAreCappedByDroppingTheOldest() throws Exception {
        int pending = h.plane.jdbi().withHandle(x -> x.createQuery("select count(*) from pending_request "
                + "where domain like '%.attacker.test' and confirmed_at is null").mapTo(Integer.class).one());
        assertThat(pending).isEqualTo(2);
        Http web = new Http(h.url());
        String z1 = Harness.confirmPath(Harness.body(h.awaitMailTo("hostmaster@z1.attacker.test", 1)));
        String z3 = Harness.confirmPath(Harness.body(h.awaitMailTo("hostmaster@z3.attacker.test", 1)));
        assertThat(web.get(z1).statusCode()).as("the oldest link").isEqualTo(404);
        assertThat(web.get(z3).statusCode()).as("the newest link").isEqualTo(200);
    }

    /** Before: owner+a@… and OWNER@… were two mailboxes with two allowances, though one person reads both. */
    @Test @Order(3)
    void tagAndCaseVariantsOfAMailboxShareItsLimit() throws Exception {
        Http api = new Http(h.url());
        HttpResponse<String> a = api.postJson("/api/v1/signups", body("tag-a.test"));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(202);
        HttpResponse<String> b = api.postJson("/api/v1/signups", body("tag-b.test"));
        assertThat(b.statusCode()).as(b.body()).isEqualTo(429);
        assertThat(b.body()).contains("was mailed recently");
        mails += 1;
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
    }

    /** Before: zones per mailbox were unbounded; now a confirmed zone counts against its RNAME's cap (here 1). */
    @Test @Order(4)
    void zonesPerMailboxAreCapped() throws Exception {
        Http api = new Http(h.url());
        assertThat(api.postJson("/api/v1/signups", body(Harness.CHANGE)).statusCode()).isEqualTo(202);
        mails += 1;
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("owner@change-shop.test", 1)));
        Http web = new Http(h.url());
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);
        HttpResponse<String> twin = api.postJson("/api/v1/signups", body(Harness.TWIN)); // same RNAME mailbox
        assertThat(twin.statusCode()).as(twin.body()).isEqualTo(429);
        assertThat(twin.body()).contains("the most one mailbox may have");
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);
    }

    /** Before: each address had its own allowance; now 127.0.1.1 … 127.0.1.11 are one /24 with 10 requests. */
    @Test @Order(5)
    void addressesOfOneNetworkShareItsLimit() throws Exception {
        Http api = new Http(h.url());
        for (int i = 1; i <= 10; i++) {
            assertThat(api.postJsonFrom("127.0.1." + i, "/api/v1/signups", "{\"domain\":\"x\"}")).isEqualTo(400);
        }
        assertThat(api.postJsonFrom("127.0.1.11", "/api/v1/signups", "{\"domain\":\"x\"}"))
                .as("11th request from 127.0.1.0/24").isEqualTo(429);
        assertThat(api.postJsonFrom("127.0.2.1", "/api/v1/signups", "{\"domain\":\"x\"}"))
                .as("another /24").isEqualTo(400);
    }
}
