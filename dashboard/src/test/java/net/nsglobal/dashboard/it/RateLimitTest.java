package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.nsglobal.dashboard.config.DashboardConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits per client IP, per domain and per RNAME, and the cap on pending sign-ups, with tiny limits. */
class RateLimitTest {
    @TempDir static Path dir;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        // per IP 7, per domain 1, per RNAME 1, at most 3 pending sign-ups
        h = new Harness(dir, new DashboardConfig.Limits(7, 1, 1, Duration.ofHours(1), 3, 16 * 1024, Duration.ofHours(24)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
    }

    private static String body(String domain) {
        return "{\"domain\":\"" + domain + "\",\"primaries\":[\"" + h.knot.primary() + "\"]}";
    }

    @Test
    void limitsAnswer429AndSendNoMail() throws Exception {
        Http api = new Http(h.url());
        assertThat(api.postJson("/api/v1/signups", body(Harness.SHOP)).statusCode()).isEqualTo(202);   // 1
        HttpResponse<String> again = api.postJson("/api/v1/signups", body(Harness.SHOP));              // 2
        assertThat(again.statusCode()).as("per domain").isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();

        assertThat(api.postJson("/api/v1/signups", body(Harness.CHANGE)).statusCode()).isEqualTo(202); // 3
        HttpResponse<String> twin = api.postJson("/api/v1/signups", body(Harness.TWIN));               // 4
        assertThat(twin.statusCode()).as("per RNAME: same mailbox as change-shop.test").isEqualTo(429);

        assertThat(api.postJson("/api/v1/signups", body(Harness.JOHN)).statusCode()).isEqualTo(202);   // 5
        HttpResponse<String> capped = api.postJson("/api/v1/signups", body(Harness.API));              // 6
        assertThat(capped.statusCode()).as("pending cap (3)").isEqualTo(429);
        assertThat(capped.body()).contains("waiting for confirmation");
        assertThat(h.mail.getReceivedMessages()).hasSize(3);

        // The web form shows the limit next to the domain field.                                      // 7
        Http web = new Http(h.url());
        HttpResponse<String> form = web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", Harness.API,
                "primary", h.knot.primary()));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.body()).contains("id=\"domain-error\"").contains("Too many sign-ups are waiting");

        // 7 requests per IP per hour: this is the 8th from 127.0.0.1, refused before anything is looked at.
        HttpResponse<String> ip = api.postJson("/api/v1/signups", "{\"domain\":\"x\"}");
        assertThat(ip.statusCode()).as("per client IP").isEqualTo(429);
        assertThat(ip.body()).contains("Too many requests from your address");
        assertThat(h.mail.getReceivedMessages()).hasSize(3);
    }
}
