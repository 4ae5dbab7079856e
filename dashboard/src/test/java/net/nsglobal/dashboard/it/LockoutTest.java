package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-up pressure cannot lock an owner out. An attacker fills what used to be the global cap of pending requests
 * and spends the owner's mailbox allowance with requests mailed to the owner; the owner can still sign up, and can
 * still remove the zone.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LockoutTest {
    @TempDir static Path dir;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        // per IP 100, per domain 3, per RNAME 2, "max pending" 3 (once global; now per domain and per mailbox)
        h = new Harness(dir, "{per-client-ip: 100, per-client-site: 300, per-domain: 3, per-rname: 2, max-pending: 3}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
    }

    private static String body(String domain) {
        return "{\"domain\":\"" + domain + "\",\"primaries\":[\"" + h.knot.hostPort() + "\"]}";
    }

    @Test
    void pendingRequestsOfOthersAndMailsToTheOwnerBlockNeitherSignUpNorRemoval() throws Exception {
        Http attacker = new Http(h.url());
        for (String z : new String[] {Harness.SHOP, Harness.JOHN, Harness.API}) {
            assertThat(attacker.postJson("/api/v1/signups", body(z)).statusCode()).isEqualTo(202);
        }
        assertThat(h.pendingCount()).isEqualTo(3);

        Http owner = new Http(h.url());
        HttpResponse<String> signup = owner.postJson("/api/v1/signups", body(Harness.CHANGE));
        assertThat(signup.statusCode()).as("owner's sign-up: " + signup.body()).isEqualTo(202);
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo("owner@change-shop.test", 1)));
        assertThat(owner.post(path, Map.of("csrf", owner.csrf(path))).statusCode()).isEqualTo(303);

        // The attacker asks for a change of the owner's zone: the mail goes to the owner, whose mailbox allowance
        // (2 per hour) is now spent.
        HttpResponse<String> change = attacker.post("/manage/change", Map.of("csrf", attacker.csrf("/manage"),
                "domain", Harness.CHANGE, "primary", h.knot.hostPort()));
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        HttpResponse<String> more = attacker.post("/manage/change", Map.of("csrf", attacker.csrf("/manage"),
                "domain", Harness.CHANGE, "primary", h.knot.hostPort()));
        assertThat(more.statusCode()).isEqualTo(429);

        HttpResponse<String> removal = owner.post("/manage/remove", Map.of("csrf", owner.csrf("/manage"),
                "domain", Harness.CHANGE));
        assertThat(removal.statusCode()).as("owner's removal: " + removal.body()).isEqualTo(200);
        assertThat(h.awaitMailTo("owner@change-shop.test", 3).getSubject()).contains("removal");
    }
}
