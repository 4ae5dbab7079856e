package net.nsglobal.te.world.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.nsglobal.atlas.api.ApiKey;
import net.nsglobal.atlas.api.AtlasApiException;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasConfig;
import net.nsglobal.atlas.api.Credits;
import net.nsglobal.atlas.api.FieldError;
import net.nsglobal.atlas.api.MeasurementInfo;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.api.RetryPolicy;
import net.nsglobal.atlas.backend.RipeAtlasBackend;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.model.Schedule;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.PingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulated Atlas's API face, read by the unchanged atlas client: ping results from the world's RTT model in
 * Atlas's format, reproducible; the probes' paging and filters; the measurement's status and prices and the
 * account's credits; RIPE's error bodies for bad input, unknown measurements and missing keys; and its throttle,
 * whose Retry-After the client honours.
 */
@Timeout(60)
class SimulatedAtlasApiTest {
    static final String KEY = "5f3a-simulated-key";
    static final String ANYCAST = "192.0.2.53";
    static final String FRA1 = "198.51.100.1";
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final ObjectMapper M = new ObjectMapper();

    private final TinyWorld world = new TinyWorld();
    private final TestClock clock = new TestClock(T0);
    private final TestClock wall = new TestClock(T0);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SimulatedAtlas atlas(AtlasOptions options) {
        SimulatedAtlas a = new SimulatedAtlas(world, Map.of(), clock, options).start(0);
        open.add(a);
        return a;
    }

    private SimulatedAtlas atlas() {
        return atlas(AtlasOptions.of(KEY, Set.of(ANYCAST), Map.of(FRA1, "fra1")).withCredits(1000));
    }

    /** A client whose back-off is recorded and moves the throttle's wall clock instead of sleeping. */
    private AtlasClient client(SimulatedAtlas a, String key, int attempts) {
        RetryPolicy retry = new RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(7),
                wall);
        AtlasClient c = new AtlasClient(AtlasConfig.of(a.url(), key == null ? null : ApiKey.of(key))
                .withRetry(retry, d -> {
                    sleeps.add(d);
                    wall.advance(d);
                }).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        open.add(c);
        return c;
    }

    private static MeasurementRequest ping(String target, Schedule schedule) {
        List<MeasurementDefinition> defs = List.of(PingDefinition.of(target, 4));
        return new MeasurementRequest(defs, List.of(ProbeSelection.of(ProbeSelection.Type.COUNTRY, "DE", 5),
                ProbeSelection.of(ProbeSelection.Type.PROBES, "3,4", 2)), schedule, Optional.empty());
    }

    private static List<PingResult> pings(AtlasClient c, long msm) {
        List<MeasurementResult> out = new ArrayList<>();
        c.results(msm, ResultQuery.all(), out::add);
        return out.stream().map(PingResult.class::cast).toList();
    }

    @Test
    void pingsToAUnicastAddressAreTheWorldsRttReproducibly() {
        AtlasClient c = client(atlas(), KEY, 1);
        long msm = c.create(ping(FRA1, Schedule.oneOff())).get(0);
        List<PingResult> results = pings(c, msm);

        assertThat(results).extracting(PingResult::probeId).containsExactly(1, 2, 3, 4);
        for (PingResult r : results) {
            long seed = Noise.seed(msm, r.probeId(), T0.getEpochSecond());
            List<Double> expected = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                expected.add(Noise.ms(world.rttMs(r.probeId(), "fra1", Noise.mix(seed, i)).getAsDouble()));
            }
            assertThat(r.rtts()).isEqualTo(expected);
            assertThat(r.sent()).isEqualTo(3);
            assertThat(r.received()).isEqualTo(3);
            assertThat(r.minMs()).isEqualTo(expected.stream().min(Double::compare).orElseThrow());
            assertThat(r.dstAddr()).isEqualTo(FRA1);
            assertThat(r.timestamp()).isEqualTo(T0);
        }
        assertThat(pings(c, msm)).as("read again, the same results").isEqualTo(results);

        // Another simulation of the same world, started at the same second (measurement ids start from the clock's
        // second, so a restarted simulation never reuses an earlier one's), measures the same numbers: the noise is
        // seeded, not random.
        AtlasClient other = client(atlas(), KEY, 1);
        long again = other.create(ping(FRA1, Schedule.oneOff())).get(0);
        assertThat(again).isEqualTo(msm);
        assertThat(pings(other, again)).isEqualTo(results);

        // One started an hour later hands out other ids.
        clock.advance(Duration.ofHours(1));
        AtlasClient later = client(atlas(), KEY, 1);
        clock.advance(Duration.ofHours(-1));
        assertThat(later.create(ping(FRA1, Schedule.oneOff())).get(0)).isNotEqualTo(msm);
    }

    @Test
    void pingsToTheAnycastAddressFollowTheRouteAndAreLostWithoutOne() {
        AtlasClient c = client(atlas(), KEY, 1);
        long msm = c.create(ping(ANYCAST, Schedule.oneOff())).get(0);
        List<PingResult> results = pings(c, msm);
        PingResult toAms = results.get(2);
        assertThat(toAms.minMs()).isBetween(TinyWorld.base(3, "ams1"), TinyWorld.base(3, "ams1") + 1);
        PingResult noRoute = results.get(3);
        assertThat(noRoute.probeId()).isEqualTo(4);
        assertThat(noRoute.received()).isZero();
        assertThat(noRoute.lost()).isEqualTo(3);
        assertThat(noRoute.minMs()).as("Atlas's -1 reads as nothing measured").isNull();
    }

    @Test
    void periodicRoundsFallDueOnTheSimulationClockAndCostCredits() {
        AtlasClient c = client(atlas(), KEY, 1);
        long msm = c.create(ping(FRA1, Schedule.periodic(Duration.ofSeconds(300), null, T0.plus(Duration.ofDays(1))))).get(0);
        MeasurementInfo info = c.measurement(msm);
        assertThat(info.status()).isEqualTo("Ongoing");
        assertThat(info.oneOff()).isFalse();
        assertThat(info.interval()).isEqualTo(300);
        assertThat(info.creditsPerResult()).isEqualTo(3.0);
        assertThat(info.probesRequested()).isEqualTo(7);
        assertThat(info.probesScheduled()).isEqualTo(4);
        assertThat(info.participantCount()).isEqualTo(4);
        assertThat(info.estimatedResultsPerDay()).isEqualTo(4 * 288);
        assertThat(new RipeAtlasBackend(c).expectedCredits(msm)).isEqualTo(3.0 * 4 * 288);

        clock.advance(Duration.ofSeconds(901));
        assertThat(pings(c, msm)).extracting(r -> r.timestamp().getEpochSecond() - T0.getEpochSecond())
                .containsOnly(0L, 300L, 600L, 900L).hasSize(16);
        Credits credits = c.credits();
        assertThat(credits.currentBalance()).isEqualTo(1000 - 16 * 3);
        assertThat(credits.pastDayMeasurementResults()).isEqualTo(16);
        assertThat(credits.pastDayCreditsSpent()).isEqualTo(48);
        assertThat(credits.estimatedDailyExpenditure()).isEqualTo(3L * 4 * 288);

        // 952 credits left: 79 more rounds of 12; the 80th finds the balance short and the measurement is forced off.
        clock.advance(Duration.ofDays(1));
        assertThat(pings(c, msm)).hasSize(16 + 79 * 4);
        assertThat(c.measurement(msm).status()).isEqualTo("Forced to stop");
        assertThat(c.credits().currentBalance()).isEqualTo(4);
    }

    @Test
    void aMeasurementWaitsForItsStartTimeAndIsListedAmongTheExpenses() {
        AtlasClient c = client(atlas(), KEY, 1);
        Instant start = T0.plusSeconds(3600);
        long msm = c.create(ping(FRA1, Schedule.periodic(Duration.ofSeconds(600), start, start.plusSeconds(1800))))
                .get(0);
        assertThat(c.measurement(msm).status()).isEqualTo("Scheduled");
        assertThat(pings(c, msm)).isEmpty();
        assertThat(c.expenses()).singleElement().satisfies(e -> {
            assertThat(e.measurementId()).isEqualTo(msm);
            assertThat(e.estimatedDailyCost()).isEqualTo(3L * 4 * 144);
        });

        clock.advance(Duration.ofSeconds(3600));
        assertThat(c.measurement(msm).status()).isEqualTo("Ongoing");
        clock.advance(Duration.ofHours(2));
        assertThat(pings(c, msm)).extracting(r -> r.timestamp().getEpochSecond() - start.getEpochSecond())
                .as("rounds at 0, 600, 1200 s; none at the stop time").containsOnly(0L, 600L, 1200L).hasSize(12);
        assertThat(c.measurement(msm).status()).isEqualTo("Stopped");
        assertThat(c.expenses()).isEmpty();
    }

    @Test
    void probesArePagedAndFilteredAsTheApiDoes() {
        AtlasClient anonymous = client(atlas(), null, 1);
        List<Probe> all = new ArrayList<>();
        anonymous.probes(ProbeQuery.all().pageSize(2), all::add);
        // The API adds RIPE's system tags (what the probe's record supports); everything else is the world's probe.
        assertThat(all).usingRecursiveFieldByFieldElementComparatorIgnoringFields("tags").isEqualTo(TinyWorld.PROBES);
        assertThat(all.get(1).tags()).contains("system-ipv4-works", "system-ipv6-works");
        assertThat(all.get(0).tags()).contains("system-ipv4-works").doesNotContain("system-ipv6-works");

        List<Probe> some = new ArrayList<>();
        anonymous.probes(ProbeQuery.all().asn(3320).connectedOnly().pageSize(1), some::add);
        assertThat(some).extracting(Probe::id).containsExactly(1, 2);
        some.clear();
        anonymous.probes(ProbeQuery.all().country("NL"), some::add);
        assertThat(some).extracting(Probe::id).containsExactly(3);
    }

    @Test
    void errorsHaveRipesBody() throws Exception {
        SimulatedAtlas a = atlas();
        AtlasClient c = client(a, KEY, 1);
        DnsDefinition badType = new DnsDefinition(4, ANYCAST, "x", DnsDefinition.QueryClass.CHAOS, "NOPE",
                "hostname.bind", true, false, DnsDefinition.Protocol.UDP, 1232, true, false);
        assertThatThrownBy(() -> c.create(MeasurementRequest.oneOff(List.of(badType),
                ProbeSelection.of(ProbeSelection.Type.AREA, "WW", 5))))
                .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.title()).isEqualTo("Bad Request");
                    assertThat(e.detail()).isEqualTo("The following fields are invalid: query_type");
                    assertThat(e.errors()).extracting(FieldError::pointer)
                            .containsExactly("/definitions/0/query_type");
                });
        DnsDefinition badName = new DnsDefinition(4, ANYCAST, "x", DnsDefinition.QueryClass.CHAOS, "TXT",
                "hostname..bind", true, false, DnsDefinition.Protocol.UDP, 1232, true, false);
        assertThatThrownBy(() -> c.create(MeasurementRequest.oneOff(List.of(badName),
                ProbeSelection.of(ProbeSelection.Type.AREA, "WW", 5))))
                .isInstanceOfSatisfying(AtlasApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::pointer).containsExactly("/definitions/0/query_argument"));
        assertThatThrownBy(() -> c.measurement(42)).isInstanceOfSatisfying(AtlasApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client(a, "not-our-key", 1).credits()).isInstanceOfSatisfying(
                AtlasApiException.class, e -> assertThat(e.status()).isEqualTo(403));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> badJson = http.send(HttpRequest.newBuilder(URI.create(a.url() + "measurements/"))
                .header("Authorization", "Key " + KEY).POST(HttpRequest.BodyPublishers.ofString("{\"definitions\": ["))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badJson.statusCode()).isEqualTo(400);
        JsonNode err = M.readTree(badJson.body()).get("error");
        assertThat(err.get("status").asInt()).isEqualTo(400);
        assertThat(err.get("code").asInt()).isEqualTo(102);
        assertThat(err.get("title").asText()).isEqualTo("Bad Request");
        assertThat(err.get("detail").asText()).startsWith("JSON parse error");

        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(URI.create(a.url() + "measurements/"))
                .POST(HttpRequest.BodyPublishers.ofString(ping(FRA1, Schedule.oneOff()).toJson().toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(M.readTree(noKey.body()).at("/error/detail").asText())
                .isEqualTo("Authentication credentials were not provided.");
        HttpResponse<String> bigPage = http.send(HttpRequest.newBuilder(URI.create(a.url() + "probes/?page_size=501"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigPage.statusCode()).isEqualTo(400);
        assertThat(M.readTree(bigPage.body()).at("/error/errors/0/source/parameter").asText()).isEqualTo("page_size");
        assertThat(c.credits().currentBalance()).as("nothing was created, nothing spent").isEqualTo(1000);
    }

    @Test
    void aThrottledClientWaitsRetryAfterThenSucceeds() {
        SimulatedAtlas a = atlas(AtlasOptions.of(KEY, Set.of(ANYCAST), Map.of())
                .withRateLimit(2, Duration.ofSeconds(30), wall));
        AtlasClient c = client(a, KEY, 3);
        c.credits();
        c.credits();
        assertThat(sleeps).isEmpty();

        assertThat(c.credits().currentBalance()).isEqualTo(1_000_000);
        assertThat(sleeps).as("the client waited what Retry-After said").containsExactly(Duration.ofSeconds(30));

        wall.advance(Duration.ofSeconds(30)); // a fresh window
        AtlasClient impatient = client(a, KEY, 1);
        impatient.credits();
        impatient.credits();
        assertThatThrownBy(impatient::credits).isInstanceOfSatisfying(AtlasApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.title()).isEqualTo("Too Many Requests");
            assertThat(e.detail()).isEqualTo("Request was throttled. Expected available in 30 seconds.");
        });
    }
}
