package net.nsglobal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.testkit.Http;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's Tokyo story in {@code nsglobal demo}, through the operator's JSON API: the demo's fleet (sites/ with
 * sites/demo/, where nrt1's second transit is Hurricane Electric) draws much of Europe to Tokyo; the engine's first
 * proposal stops nrt1 announcing to HE while nrt1 keeps its other sessions; approved with the banner's operator
 * token, it rewrites nrt1's BIRD file; the round measured at once finds Europe's probes off nrt1, at European sites,
 * and the proposal VERIFIED.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DemoTokyoStoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EUROPEAN_SITES = List.of("fra1", "lhr1", "ams1", "cdg1");

    @TempDir Path dir;

    @Test
    void theTokyoFixIsProposedApprovedAppliedAndVerified() throws Exception {
        int base = DemoBrowserTest.freeBlock(Demo.EDGE_OFFSET + 12);
        int http = DemoBrowserTest.freeBlock(1);
        try (Demo demo = Demo.start(new Demo.Options(dir.resolve("demo"), base, "127.0.0.1", http, null, null, null,
                Path.of("../sites"), List.of()))) {
            DemoObservatory o = demo.observatory().orElseThrow();
            String url = demo.banner().stream().filter(l -> l.startsWith("dashboard: ")).findFirst().orElseThrow()
                    .substring("dashboard: ".length()).replaceAll("/$", "");
            String token = demo.banner().stream().filter(l -> l.startsWith("operator-token: ")).findFirst().orElseThrow()
                    .substring("operator-token: ".length());
            Http api = new Http(url);

            JsonNode first = Wait.until("a first proposal", Duration.ofSeconds(360), () -> {
                JsonNode list = JSON.readTree(api.getBearer("/api/v1/te/proposals", token).body()).path("proposals");
                return list.size() == 0 ? null : list.get(list.size() - 1);
            }, n -> n != null);
            long id = first.path("id").asLong();
            assertThat(first.path("state").asText()).isEqualToIgnoringCase("PROPOSED");
            JsonNode detail = JSON.readTree(api.getBearer("/api/v1/te/proposals/" + id, token).body());
            assertThat(detail.path("knobs").path("nrt1").path("he").path("announce").asBoolean(true))
                    .as("nrt1 stops announcing to Hurricane Electric; reasons: " + detail.path("reasons")).isFalse();
            assertThat(detail.path("knobs").path("nrt1").path("ntt").path("announce").asBoolean()).as("nrt1 keeps NTT").isTrue();
            assertThat(detail.path("reasons").toString()).contains("nrt1 stops announcing to AS6939");
            CatchmentSnapshot before = o.observatory().latest().orElseThrow();
            long europeAtNrt1 = count(before, "nrt1");
            assertThat(europeAtNrt1).as("Europe at Tokyo before the fix").isGreaterThan(europe(before) / 4);

            Path nrt1 = o.birdDir().resolve("nrt1.conf");
            String was = Files.readString(nrt1);
            Instant approved = Instant.now();
            HttpResponse<String> ok = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(url + "/api/v1/te/proposals/" + id + "/approve"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"Tokyo story test\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

            Wait.until("nrt1's BIRD file rewritten", Duration.ofSeconds(60), () -> !Files.readString(nrt1).equals(was));
            JsonNode verified = Wait.until("the proposal verified or rolled back", Duration.ofSeconds(240),
                    () -> JSON.readTree(api.getBearer("/api/v1/te/proposals/" + id, token).body()),
                    n -> List.of("VERIFIED", "ROLLED_BACK", "FAILED").contains(n.path("state").asText().toUpperCase()));
            assertThat(verified.path("state").asText()).as(verified.toString()).isEqualToIgnoringCase("VERIFIED");
            assertThat(verified.path("verification").isObject()).isTrue();

            CatchmentSnapshot after = Wait.until("a complete round after the change", Duration.ofSeconds(120),
                    () -> o.observatory().latest(), s -> s.isPresent() && s.get().time().isAfter(approved)
                            && s.get().probes().size() > 200).orElseThrow();
            long europe = europe(after), atNrt1 = count(after, "nrt1"), atEurope = 0;
            for (String s : EUROPEAN_SITES) atEurope += count(after, s);
            System.out.printf("European probes: before %d of %d at nrt1; after %d of %d at nrt1, %d at %s%n", europeAtNrt1,
                    europe(before), atNrt1, europe, atEurope, EUROPEAN_SITES);
            assertThat(atNrt1).as("Europe off Tokyo").isLessThanOrEqualTo(europe / 20);
            assertThat(atEurope).as("Europe at European sites").isGreaterThanOrEqualTo(europe * 3 / 4);
        }
    }

    private static long europe(CatchmentSnapshot s) {
        return s.probes().stream().filter(p -> "EU".equals(p.region()) && p.site() != null).count();
    }

    private static long count(CatchmentSnapshot s, String site) {
        return s.probes().stream().filter(p -> "EU".equals(p.region()) && site.equals(p.site())).count();
    }
}
