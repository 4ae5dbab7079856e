package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.testdata.ProbePages;
import net.nsglobal.atlas.testdata.SharedData;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;

/** Probe pagination over the real probe list, the key staying home, and cancellation. */
class PagingAndCancellationTest {

    @Test
    void followsNextThroughEveryPageOfTheRealProbeList() throws Exception {
        try (MockAtlas atlas = new MockAtlas()) {
            atlas.server.setDispatcher(ProbePages.dispatcher(atlas.server, ProbePages.realProbes()));
            List<Probe> all = new ArrayList<>();
            ParseStats s = atlas.client.probes(ProbeQuery.all(), all::add);
            assertThat(s.parsed()).isEqualTo(10901);
            assertThat(all).extracting(Probe::id).doesNotHaveDuplicates();
            assertThat(atlas.server.getRequestCount()).isEqualTo(22); // ceil(10901 / 500)
            RecordedRequest first = atlas.server.takeRequest();
            assertThat(first.getUrl().queryParameter("page_size")).isEqualTo("500");

            Probe p7 = all.get(0);
            assertThat(p7.id()).isEqualTo(7);
            assertThat(p7.countryCode()).isEqualTo("NL");
            assertThat(p7.longitude()).isEqualTo(6.0075); // coordinates are [lon, lat]
            assertThat(p7.latitude()).isEqualTo(51.2005);
            assertThat(p7.asnV4()).isEqualTo(33915);
            assertThat(p7.asnV6()).isNull();
            assertThat(p7.status()).isEqualTo("Connected");
            assertThat(p7.anchor()).isFalse();
            assertThat(all).filteredOn(Probe::anchor).hasSize(784);
            assertThat(all).allSatisfy(p -> assertThat(p.latitude()).isBetween(-90.0, 90.0));
        }
    }

    @Test
    void countryFilterAndApiShapedProbeObjects() throws Exception {
        List<JsonNode> probes = new ArrayList<>(ProbePages.realProbes());
        // The API's own shape: status is an object, asn_v4/asn_v6 are RIPE's fields; and one broken probe.
        ObjectNode api = (ObjectNode) probes.get(0).deepCopy();
        api.putObject("status").put("id", 1).put("name", "Connected").put("since", "2023-04-01T00:00:00Z");
        api.put("asn_v4", 3333).put("asn_v6", 3333).put("id", 6000001);
        ObjectNode broken = (ObjectNode) probes.get(1).deepCopy();
        broken.put("id", "seven");
        probes.add(api);
        probes.add(broken);
        try (MockAtlas atlas = new MockAtlas()) {
            atlas.server.setDispatcher(ProbePages.dispatcher(atlas.server, probes));
            List<Probe> nl = new ArrayList<>();
            ParseStats s = atlas.client.probes(ProbeQuery.all().country("NL").pageSize(100), nl::add);
            assertThat(s.parsed()).isEqualTo(537);
            assertThat(s.skipped()).isEqualTo(1);
            assertThat(nl).allSatisfy(p -> assertThat(p.countryCode()).isEqualTo("NL"));
            Probe fromApi = nl.stream().filter(p -> p.id() == 6000001).findFirst().orElseThrow();
            assertThat(fromApi.asnV4()).isEqualTo(3333);
            assertThat(fromApi.asnV6()).isEqualTo(3333);
            assertThat(fromApi.status()).isEqualTo("Connected");
            assertThat(atlas.server.takeRequest().getUrl().queryParameter("country_code")).isEqualTo("NL");
        }
    }

    @Test
    void theKeyIsNotSentToAForeignNextLink() throws Exception {
        try (MockAtlas atlas = new MockAtlas(); MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            atlas.server.enqueue(new MockResponse.Builder().code(200).body("{\"count\": 2, \"next\": \""
                    + elsewhere.url("/api/v2/probes/?page=2") + "\", \"results\": [{\"id\": 1}]}").build());
            elsewhere.enqueue(new MockResponse.Builder().code(200)
                    .body("{\"count\": 2, \"next\": null, \"results\": [{\"id\": 2}]}").build());
            List<Probe> got = new ArrayList<>();
            atlas.client.probes(ProbeQuery.all(), got::add);
            assertThat(got).extracting(Probe::id).containsExactly(1, 2);
            assertThat(atlas.server.takeRequest().getHeaders().get("Authorization")).isNotNull();
            assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void cancelStopsAStreamHalfWay() throws Exception {
        try (MockAtlas atlas = new MockAtlas()) {
            atlas.server.enqueue(new MockResponse.Builder().code(200)
                    .body(SharedData.asJsonArray(SharedData.lines(SharedData.CLOUDFLARE_IDSERVER)))
                    .throttleBody(16 * 1024, 20, TimeUnit.MILLISECONDS).build());
            AtomicInteger seen = new AtomicInteger();
            assertThatThrownBy(() -> atlas.client.results(1768147, ResultQuery.all(), r -> {
                if (seen.incrementAndGet() == 100) {
                    atlas.client.cancel();
                }
            })).isInstanceOf(AtlasCancelledException.class).hasMessageContaining("cancelled");
            assertThat(seen.get()).isLessThan(2684);
        }
    }

    @Test
    void cancelWakesARetryWait() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build());
            RetryPolicy slow = new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofHours(2), new Random(1),
                    Clock.systemUTC());
            AtlasConfig cfg = AtlasConfig.of(server.url("/api/v2/").toString(), ApiKey.of(MockAtlas.KEY))
                    .withRetry(slow, Sleeper.SYSTEM).withDeadline(Duration.ofHours(2));
            try (AtlasClient client = new AtlasClient(cfg)) {
                CompletableFuture<Credits> f = CompletableFuture.supplyAsync(client::credits);
                server.takeRequest(); // the 503 has been served; the client now waits an hour to retry
                Wait.until("the waiting credits call ends once cancelled", Duration.ofSeconds(30), () -> {
                    client.cancel();
                    return f.isDone();
                });
                assertThatThrownBy(f::join).hasCauseInstanceOf(AtlasCancelledException.class);
                assertThat(server.getRequestCount()).isEqualTo(1);
            }
        }
    }
}
