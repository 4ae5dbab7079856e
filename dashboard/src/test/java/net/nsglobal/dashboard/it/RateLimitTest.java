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
        // per IP 6, per domain 1, per RNAME 1, at most 2 pending sign-ups
        h = new Harness(dir, new DashboardConfig.Limits(6, 1, 1, Duration.ofHours(1), 2, 16 * 1024, Duration.ofHours(24)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void limitsAnswer429AndSendNoMail() throws Exception {
        Http api = new Http(h.url());
        String shop = "{\"domain\":\"knot-shop.test\",\"primaries\":[\"" + h.knot.primary() + "\"]}";
        assertThat(api.postJson("/api/v1/signups", shop).statusCode()).isEqualTo(202);
        HttpResponse<String> again = api.postJson("/api/v1/signups", shop);
        assertThat(again.statusCode()).as("per domain").isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();

        String john = "{\"domain\":\"john-doe.test\",\"primaries\":[\"" + h.knot.primary() + "\"]}";
        assertThat(api.postJson("/api/v1/signups", john).statusCode()).isEqualTo(202);
        String api2 = "{\"domain\":\"api-shop.test\",\"primaries\":[\"" + h.knot.primary() + "\"]}";
        HttpResponse<String> capped = api.postJson("/api/v1/signups", api2);
        assertThat(capped.statusCode()).as("pending cap (2)").isEqualTo(429);
        assertThat(capped.body()).contains("waiting for confirmation");
        assertThat(h.mail.getReceivedMessages()).hasSize(2);

        // The web form shows the limit next to the domain field.
        Http web = new Http(h.url());
        HttpResponse<String> form = web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", "knot-shop.test",
                "primary", h.knot.primary()));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.body()).contains("id=\"domain-error\"").contains("Too many sign-ups are waiting");

        // 6 requests per IP per hour: this is the 7th from 127.0.0.1.
        int status = 0;
        for (int i = 0; i < 3; i++) status = api.postJson("/api/v1/signups", "{\"domain\":\"x\"}").statusCode();
        assertThat(status).as("per client IP").isEqualTo(429);
        assertThat(h.mail.getReceivedMessages()).hasSize(2);
    }
}
