package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.testdata.ApiFixtures;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What keeps an operator from paying twice or waiting forever: a create whose outcome is unknown says so and how to
 * check; Retry-After is honoured as asked, within the deadline; plus the listings and answers in RIPE's own shapes.
 */
@Timeout(60)
class CreateSafetyAndDeadlineTest {
    private static final String THROTTLED = """
            {"error": {"status": 429, "title": "Too Many Requests",
             "detail": "Request was throttled. Expected available in 3600 seconds."}}""";

    private MockAtlas atlas;

    @BeforeEach
    void setUp() throws Exception {
        atlas = new MockAtlas();
    }

    @AfterEach
    void tearDown() {
        atlas.close();
    }

    private static MeasurementRequest ping() {
        return MeasurementRequest.oneOff(List.of(PingDefinition.of("192.0.2.1", 4)), ProbeSelection.parse("area:WW:5"));
    }

    @Test
    void aRetryAfterLongerThanTheBackOffCapIsHonouredAsAsked() {
        atlas.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").body(THROTTLED)
                .build());
        atlas.server.enqueue(ApiFixtures.json(200, ApiFixtures.text("credits.json")));
        atlas.client.credits();
        assertThat(atlas.sleeps).containsExactly(Duration.ofSeconds(120)); // retry-max-delay is 60 s
    }

    @Test
    void aRetryAfterBeyondTheDeadlineGivesUpAtOnceSayingWhy() throws Exception {
        try (MockAtlas short10 = new MockAtlas()) {
            AtlasClient c = new AtlasClient(short10.client.config().withDeadline(Duration.ofMinutes(10)));
            short10.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600")
                    .body(THROTTLED).build());
            short10.server.enqueue(ApiFixtures.json(200, ApiFixtures.text("credits.json")));
            assertThatThrownBy(c::credits).isInstanceOfSatisfying(AtlasApiException.class, e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.getMessage()).contains("retry after 3600 s", "deadline of 600 s", "try again later");
            });
            assertThat(short10.sleeps).as("no wait at all").isEmpty();
            assertThat(short10.server.getRequestCount()).isEqualTo(1);
            c.close();
        }
    }

    @Test
    void aCreateThatTimesOutSaysItMayExistAndHowToCheck() throws Exception {
        try (MockAtlas slow = new MockAtlas(5, Duration.ofMillis(300))) {
            slow.server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
                    .body("{\"measurements\": [1]}").build());
            assertThatThrownBy(() -> slow.client.create(ping())).isInstanceOf(AtlasException.class)
                    .hasMessageContaining("timed out").hasMessageContaining("may have been created")
                    .hasMessageContaining("atlas list --mine");
            assertThat(slow.server.getRequestCount()).as("never re-sent").isEqualTo(1);
        }
    }

    @Test
    void aCreateWhoseConnectionIsResetOrAnswered500SaysItMayExist() {
        atlas.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        assertThatThrownBy(() -> atlas.client.create(ping())).hasMessageContaining("may have been created")
                .hasMessageContaining("atlas list --mine");
        atlas.server.enqueue(ApiFixtures.json(500, """
                {"error": {"status": 500, "title": "Internal Server Error", "detail": "A server error occurred."}}"""));
        assertThatThrownBy(() -> atlas.client.create(ping())).isInstanceOfSatisfying(AtlasApiException.class,
                e -> assertThat(e.getMessage()).contains("HTTP 500", "A server error occurred.",
                        "may have been created", "atlas list --mine"));
        assertThat(atlas.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void warningsInAnAnswerReachTheOperator() {
        List<String> warned = new ArrayList<>();
        atlas.client.onWarning(warned::add);
        atlas.server.enqueue(ApiFixtures.json(201, """
                {"measurements": [60012345],
                 "warnings": ["Some of the requested probes are not available", {"detail": "stop_time was moved"}]}"""));
        assertThat(atlas.client.create(ping())).containsExactly(60012345L);
        assertThat(warned).containsExactly(
                "POST /api/v2/measurements/: Some of the requested probes are not available",
                "POST /api/v2/measurements/: stop_time was moved");
    }

    @Test
    void myMeasurementsFollowPagesUpToTheLimit() throws Exception {
        String page2 = atlas.server.url("/api/v2/measurements/my/?page=2").toString();
        atlas.server.enqueue(ApiFixtures.json(200, ApiFixtures.page("measurements-my-page-1.json", page2, null)));
        atlas.server.enqueue(ApiFixtures.json(200, ApiFixtures.page("measurements-my-page-2.json", null, "x")));
        List<MeasurementInfo> got = new ArrayList<>();
        long n = atlas.client.measurements(new MeasurementQuery(true, Optional.of("dns"), Optional.empty(), 2, 0),
                got::add);
        assertThat(n).isEqualTo(3);
        assertThat(got).extracting(MeasurementInfo::id).containsExactly(60012345L, 60012399L, 60012401L);
        assertThat(got.get(1).status()).isEqualTo("Ongoing");
        assertThat(got.get(1).target()).isEqualTo("2001:db8::53");
        assertThat(got.get(1).stopTime()).isEqualTo(1796199600L);
        RecordedRequest first = atlas.server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v2/measurements/my/");
        assertThat(first.getUrl().queryParameter("type")).isEqualTo("dns");
        assertThat(first.getUrl().queryParameter("page_size")).isEqualTo("2");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Key " + MockAtlas.KEY);
        assertThat(atlas.server.takeRequest().getUrl().queryParameter("page")).isEqualTo("2");

        atlas.server.enqueue(ApiFixtures.json(200, ApiFixtures.page("measurements-my-page-1.json", page2, null)));
        assertThat(atlas.client.measurements(MeasurementQuery.mine(1), m -> { })).as("limit").isEqualTo(1);
        assertThat(atlas.server.getRequestCount()).as("the limit stops paging").isEqualTo(3);
    }

    @Test
    void latestReadsTheDocumentedObjectKeyedByProbe() throws Exception {
        List<String> cf = SharedData.lines(SharedData.CLOUDFLARE_IDSERVER);
        String body = "{\"10855\": [" + cf.get(0) + "], \"" + new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(cf.get(1)).get("prb_id").asText() + "\": [" + cf.get(1) + "]}";
        atlas.server.enqueue(ApiFixtures.json(200, body));
        List<Integer> probes = new ArrayList<>();
        assertThat(atlas.client.latest(1768147, List.of(), r -> probes.add(r.probeId())).parsed()).isEqualTo(2);
        assertThat(probes).first().isEqualTo(10855);
    }

    @Test
    void creditsCarryTheDailyCap() {
        atlas.server.enqueue(ApiFixtures.json(200, ApiFixtures.text("credits.json")));
        Credits c = atlas.client.credits();
        assertThat(c.maxDailyCredits()).isEqualTo(1_000_000L);
        assertThat(c.currentBalance()).isEqualTo(2345678L);
    }

    @Test
    void probeFiltersGoToTheApiAndExclusionsAreAppliedToTheTagsList() throws Exception {
        atlas.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return ApiFixtures.probes(atlas.server, r);
            }
        });
        List<Probe> got = new ArrayList<>();
        atlas.client.probes(ProbeQuery.all().asn(3333).connectedOnly().withTags(List.of("system-ipv6-works"))
                .withoutTags(List.of("system-anchor")), got::add);
        RecordedRequest r = atlas.server.takeRequest();
        assertThat(r.getUrl().queryParameter("asn_v4")).isEqualTo("3333");
        assertThat(r.getUrl().queryParameter("status")).isEqualTo("1");
        assertThat(r.getUrl().queryParameter("tags")).isEqualTo("system-ipv6-works");
        assertThat(got).extracting(Probe::id).containsExactly(6001, 6003, 6004); // 6002 is an anchor
        Probe office = got.get(0);
        assertThat(office.asnV4()).isEqualTo(3333);
        assertThat(office.asnV6()).isEqualTo(3333);
        assertThat(office.status()).isEqualTo("Connected");
        assertThat(office.latitude()).isEqualTo(52.3795);
        assertThat(office.tags()).contains("office", "system-ipv4-works", "system-ipv6-works");
        assertThat(got.get(1).hasTag("system-ipv4-works")).isFalse();
    }
}
