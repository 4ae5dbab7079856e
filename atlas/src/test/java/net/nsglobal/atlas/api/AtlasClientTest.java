package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.model.Schedule;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client against a recorded RIPE Atlas: requests, error shapes, retries, secrecy of the key. */
class AtlasClientTest {
    private static final ObjectMapper M = new ObjectMapper();
    /** The documented v2 error shape (REST API manual, "Error Handling"). */
    private static final String ERROR_400 = """
            {"error": {"status": 400, "code": 104, "detail": "The following fields are invalid: target",
             "title": "Bad Request", "errors": [{"source": {"pointer": "/definitions/0/target"},
             "detail": "This field is required."}]}}""";
    private static final String ERROR_403 = """
            {"error": {"status": 403, "code": 104, "title": "Forbidden",
             "detail": "The provided API key does not have permission to perform this action."}}""";

    private MockAtlas atlas;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() throws Exception {
        atlas = new MockAtlas();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("net.nsglobal.atlas")).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger("net.nsglobal.atlas")).detachAppender(logs);
        // Whatever the test did, the key never reached a log line.
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(MockAtlas.KEY));
        atlas.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void createsSeveralDefinitionsOnOneProbeSetWithTheKeyHeader() throws Exception {
        atlas.server.enqueue(json(201, "{\"measurements\": [1001, 1002]}"));
        MeasurementRequest req = new MeasurementRequest(
                List.<MeasurementDefinition>of(DnsDefinition.catchment("192.0.2.53", 4),
                        PingDefinition.of("192.0.2.53", 4)),
                List.of(ProbeSelection.of(ProbeSelection.Type.AREA, "WW", 500)
                        .withTags(List.of("system-ipv4-works"), List.of("system-anchor"))),
                Schedule.periodic(Duration.ofMinutes(15), Instant.ofEpochSecond(1800000000),
                        Instant.ofEpochSecond(1800086400)), Optional.empty());

        assertThat(atlas.client.create(req)).containsExactly(1001L, 1002L);

        RecordedRequest r = atlas.server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/measurements/");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Key " + MockAtlas.KEY);
        JsonNode body = M.readTree(r.getBody().utf8());
        JsonNode dns = body.get("definitions").get(0);
        assertThat(dns.get("type").asText()).isEqualTo("dns");
        assertThat(dns.get("query_class").asText()).isEqualTo("CHAOS");
        assertThat(dns.get("query_type").asText()).isEqualTo("TXT");
        assertThat(dns.get("query_argument").asText()).isEqualTo("hostname.bind");
        assertThat(dns.get("set_nsid_bit").asBoolean()).isTrue();
        assertThat(dns.get("use_probe_resolver").asBoolean()).isFalse();
        assertThat(dns.get("protocol").asText()).isEqualTo("UDP");
        assertThat(dns.get("udp_payload_size").asInt()).isEqualTo(1232);
        assertThat(dns.get("include_abuf").asBoolean()).isTrue();
        assertThat(dns.get("interval").asInt()).isEqualTo(900);
        JsonNode ping = body.get("definitions").get(1);
        assertThat(ping.get("type").asText()).isEqualTo("ping");
        assertThat(ping.get("packets").asInt()).isEqualTo(3);
        assertThat(ping.get("interval").asInt()).isEqualTo(900);
        JsonNode probes = body.get("probes");
        assertThat(probes).hasSize(1);
        assertThat(probes.get(0).get("type").asText()).isEqualTo("area");
        assertThat(probes.get(0).get("value").asText()).isEqualTo("WW");
        assertThat(probes.get(0).get("requested").asInt()).isEqualTo(500);
        assertThat(probes.get(0).at("/tags/include/0").asText()).isEqualTo("system-ipv4-works");
        assertThat(probes.get(0).at("/tags/exclude/0").asText()).isEqualTo("system-anchor");
        assertThat(body.get("is_oneoff").asBoolean()).isFalse();
        assertThat(body.get("start_time").asLong()).isEqualTo(1800000000L);
        assertThat(body.get("stop_time").asLong()).isEqualTo(1800086400L);
    }

    @Test
    void oneOffRequestWithEveryProbeSelector() throws Exception {
        for (ProbeSelection.Type t : ProbeSelection.Type.values()) {
            atlas.server.enqueue(json(201, "{\"measurements\": [7]}"));
            String value = switch (t) {
                case AREA -> "North-East";
                case REGION -> "western_europe";
                case COUNTRY -> "NL";
                case COUNTRIES -> "NL,DE,FR";
                case ASN -> "3333";
                case PREFIX -> "2001:67c:2e8::/48";
                case PROBES -> "7,8,10";
                case MSM -> "1768147";
            };
            atlas.client.create(MeasurementRequest.oneOff(List.of(PingDefinition.of("192.0.2.1", 4)),
                    ProbeSelection.parse(t.apiName() + ":" + value + ":3")));
            JsonNode body = M.readTree(atlas.server.takeRequest().getBody().utf8());
            assertThat(body.get("is_oneoff").asBoolean()).isTrue();
            assertThat(body.at("/probes/0/type").asText()).isEqualTo(t.apiName());
            assertThat(body.at("/probes/0/value").asText()).isEqualTo(value);
            assertThat(body.at("/probes/0/requested").asInt()).isEqualTo(3);
            assertThat(body.get("definitions").get(0).has("interval")).isFalse();
        }
    }

    @Test
    void badRequestSurfacesDetailAndFieldPointersWithoutTheKey() throws Exception {
        atlas.server.enqueue(json(400, ERROR_400));
        assertThatThrownBy(() -> atlas.client.create(MeasurementRequest.oneOff(
                List.of(PingDefinition.of("192.0.2.1", 4)), ProbeSelection.parse("area:WW:5"))))
                .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.title()).isEqualTo("Bad Request");
                    assertThat(e.detail()).isEqualTo("The following fields are invalid: target");
                    assertThat(e.errors()).containsExactly(
                            new FieldError("/definitions/0/target", null, "This field is required."));
                    assertThat(e.getMessage()).contains("POST /api/v2/measurements/", "HTTP 400",
                            "/definitions/0/target: This field is required.").doesNotContain(MockAtlas.KEY);
                });
        assertThat(atlas.server.getRequestCount()).as("a 400 is not retried").isEqualTo(1);
    }

    @Test
    void forbiddenAndParameterErrors() {
        atlas.server.enqueue(json(403, ERROR_403));
        assertThatThrownBy(() -> atlas.client.credits()).isInstanceOfSatisfying(AtlasApiException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.detail()).contains("does not have permission");
            assertThat(e.getMessage()).doesNotContain(MockAtlas.KEY);
        });
        atlas.server.enqueue(json(400, """
                {"error": {"status": 400, "title": "Bad Request", "detail": "Invalid page size",
                 "errors": [{"source": {"parameter": "page_size"}, "detail": "Must be <= 500"}]}}"""));
        assertThatThrownBy(() -> atlas.client.probes(net.nsglobal.atlas.probes.ProbeQuery.all(), p -> { }))
                .isInstanceOfSatisfying(AtlasApiException.class,
                        e -> assertThat(e.errors().get(0).location()).isEqualTo("?page_size"));
        atlas.server.enqueue(new MockResponse.Builder().code(404).body("<html>Not Found</html>").build());
        assertThatThrownBy(() -> atlas.client.measurement(5))
                .isInstanceOfSatisfying(AtlasApiException.class, e -> assertThat(e.detail()).contains("Not Found"));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() throws Exception {
        atlas.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{}").build());
        atlas.server.enqueue(json(200, "{\"current_balance\": 1500000}"));
        assertThat(atlas.client.credits().currentBalance()).isEqualTo(1500000);
        assertThat(atlas.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(atlas.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterAsHttpDate() {
        atlas.server.enqueue(new MockResponse.Builder().code(503)
                .setHeader("Retry-After", "Thu, 15 Jan 2026 12:00:30 GMT").build());
        atlas.server.enqueue(json(200, "{\"current_balance\": 1}"));
        atlas.client.credits();
        assertThat(atlas.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void serverErrorsBackOffExponentiallyWithJitterThenGiveUp() {
        for (int i = 0; i < 5; i++) {
            atlas.server.enqueue(json(502, "{\"error\": {\"status\": 502, \"detail\": \"upstream\"}}"));
        }
        assertThatThrownBy(() -> atlas.client.measurement(1))
                .isInstanceOfSatisfying(AtlasApiException.class, e -> assertThat(e.status()).isEqualTo(502));
        assertThat(atlas.server.getRequestCount()).isEqualTo(5);
        assertThat(atlas.sleeps).hasSize(4);
        for (int i = 0; i < 4; i++) {
            long ceiling = 1000L << i;
            assertThat(atlas.sleeps.get(i).toMillis()).as("delay %d", i).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void aPostIsRetriedOnlyWhenTheApiSaysItDidNotProcessIt() {
        atlas.server.enqueue(json(503, "{}"));
        atlas.server.enqueue(json(201, "{\"measurements\": [9]}"));
        MeasurementRequest req = MeasurementRequest.oneOff(List.of(PingDefinition.of("192.0.2.1", 4)),
                ProbeSelection.parse("area:WW:5"));
        assertThat(atlas.client.create(req)).containsExactly(9L);

        atlas.server.enqueue(json(500, "{\"error\": {\"status\": 500, \"detail\": \"oops\"}}"));
        assertThatThrownBy(() -> atlas.client.create(req)).isInstanceOf(AtlasApiException.class);
        assertThat(atlas.server.getRequestCount()).as("the 500 on POST was not retried").isEqualTo(3);
    }

    @Test
    void resultsRequestCarriesWindowAndProbesAndStreamsRealData() throws Exception {
        List<String> lines = SharedData.lines(SharedData.CLOUDFLARE_IDSERVER);
        atlas.server.enqueue(json(200, SharedData.asJsonArray(lines)));
        List<MeasurementResult> got = new ArrayList<>();
        ParseStats s = atlas.client.results(1768147, new ResultQuery(Optional.of(Instant.ofEpochSecond(1426896000)),
                Optional.of(Instant.ofEpochSecond(1426900000)), List.of(10855, 11333)), got::add);
        assertThat(s.parsed()).isEqualTo(2684);
        assertThat(((DnsResult) got.get(0)).firstAnswer().orElseThrow().site().value()).isEqualTo("JNB");
        RecordedRequest r = atlas.server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/measurements/1768147/results/");
        assertThat(r.getUrl().queryParameter("start")).isEqualTo("1426896000");
        assertThat(r.getUrl().queryParameter("stop")).isEqualTo("1426900000");
        assertThat(r.getUrl().queryParameter("probe_ids")).isEqualTo("10855,11333");
        assertThat(r.getUrl().queryParameter("format")).isEqualTo("json");

        atlas.server.enqueue(json(200, SharedData.asJsonArray(lines.subList(0, 2))));
        assertThat(atlas.client.latest(1768147, List.of(10855), m -> { }).parsed()).isEqualTo(2);
        RecordedRequest l = atlas.server.takeRequest();
        assertThat(l.getUrl().encodedPath()).isEqualTo("/api/v2/measurements/1768147/latest/");
        assertThat(l.getUrl().queryParameter("probe_ids")).isEqualTo("10855");
    }

    @Test
    void stopDeletesTheMeasurement() throws Exception {
        atlas.server.enqueue(new MockResponse.Builder().code(204).build());
        atlas.client.stop(1768147);
        RecordedRequest r = atlas.server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/measurements/1768147/");
    }

    @Test
    void measurementAndCreditsCarryTheApisPrices() {
        atlas.server.enqueue(json(200, """
                {"id": 1001, "type": "dns", "status": {"id": 1, "name": "Scheduled"}, "is_oneoff": true,
                 "interval": null, "credits_per_result": 10, "probes_requested": 500, "probes_scheduled": 480,
                 "participant_count": null, "estimated_results_per_day": 0}"""));
        MeasurementInfo info = atlas.client.measurement(1001);
        assertThat(info.status()).isEqualTo("Scheduled");
        assertThat(info.creditsPerResult()).isEqualTo(10.0);
        assertThat(info.expectedCreditsOneOff()).isEqualTo(4800.0);

        atlas.server.enqueue(json(200, """
                {"current_balance": 2345678, "estimated_daily_income": 21600, "estimated_daily_expenditure": 12000,
                 "estimated_daily_balance": 9600, "calculation_time": "2026-01-15T12:00:00",
                 "estimated_runout_seconds": null, "past_day_measurement_results": 1200,
                 "past_day_credits_spent": 12000}"""));
        Credits c = atlas.client.credits();
        assertThat(c.currentBalance()).isEqualTo(2345678);
        assertThat(c.estimatedDailyExpenditure()).isEqualTo(12000);
        assertThat(c.estimatedRunoutSeconds()).isNull();
        assertThat(c.pastDayCreditsSpent()).isEqualTo(12000);
    }

    @Test
    void withoutAKeyWriteOperationsRefuseBeforeSendingAnything() {
        try (AtlasClient anon = new AtlasClient(AtlasConfig.of(atlas.apiUrl(), null))) {
            assertThatThrownBy(() -> anon.credits()).hasMessageContaining("RIPE_ATLAS_KEY");
            assertThatThrownBy(() -> anon.stop(1)).hasMessageContaining("API key");
        }
        assertThat(atlas.server.getRequestCount()).isZero();
    }

    @Test
    void readTimeoutIsReportedNotHung() throws Exception {
        try (MockAtlas slow = new MockAtlas(1, Duration.ofMillis(200))) {
            slow.server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
            assertThatThrownBy(() -> slow.client.measurement(1)).isInstanceOf(AtlasException.class)
                    .isNotInstanceOf(AtlasCancelledException.class).hasMessageContaining("timed out");
        }
    }

    @Test
    void aDroppedConnectionIsRetriedForReadsButNeverForCreation() {
        atlas.server.enqueue(new MockResponse.Builder()
                .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
        atlas.server.enqueue(json(200, "{\"id\": 5, \"is_oneoff\": true}"));
        assertThat(atlas.client.measurement(5).id()).isEqualTo(5);
        assertThat(atlas.sleeps).hasSize(1);

        atlas.server.enqueue(new MockResponse.Builder()
                .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
        atlas.server.enqueue(json(201, "{\"measurements\": [6]}"));
        assertThatThrownBy(() -> atlas.client.create(MeasurementRequest.oneOff(
                List.of(PingDefinition.of("192.0.2.1", 4)), ProbeSelection.parse("area:WW:5"))))
                .isInstanceOf(AtlasException.class).hasMessageContaining("POST /api/v2/measurements/ failed");
        assertThat(atlas.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void interruptingTheCallerCancelsARetryWait() throws Exception {
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
            AtlasConfig cfg = AtlasConfig.of(server.url("/api/v2/").toString(), ApiKey.of(MockAtlas.KEY))
                    .withRetry(new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofHours(2), new java.util.Random(3),
                            java.time.Clock.systemUTC()), Sleeper.SYSTEM).withDeadline(Duration.ofHours(2));
            try (AtlasClient client = new AtlasClient(cfg)) {
                java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                        new java.util.concurrent.atomic.AtomicReference<>();
                Thread caller = new Thread(() -> {
                    try {
                        client.measurement(1);
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                });
                caller.start();
                server.takeRequest();
                while (caller.isAlive()) {
                    caller.interrupt();
                    caller.join(50);
                }
                assertThat(thrown.get()).isInstanceOf(AtlasCancelledException.class);
                assertThat(server.getRequestCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void keyIsRedactedEverywhereItCouldLeak() {
        ApiKey k = ApiKey.of(MockAtlas.KEY);
        assertThat(k.toString()).doesNotContain(MockAtlas.KEY);
        assertThat(atlas.client.config().toString()).doesNotContain(MockAtlas.KEY).contains("apiKey=set");
        assertThatThrownBy(() -> ApiKey.of("  ")).hasMessageNotContaining(MockAtlas.KEY);
    }
}
