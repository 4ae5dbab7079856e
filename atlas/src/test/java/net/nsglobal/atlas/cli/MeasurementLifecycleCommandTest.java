package net.nsglobal.atlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.nsglobal.atlas.testdata.ApiFixtures;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands that buy, watch and stop measurements, against a MockWebServer answering in RIPE's shapes: the id is
 * out before anything else can fail, a failed follow-up says how to resume, a re-run with {@code --resume} buys
 * nothing; probe and tag filters reach the API as the request parameters it documents.
 */
@Timeout(60)
class MeasurementLifecycleCommandTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String KEY = "9a8b7c6d-0000-4000-8000-123456789abc";
    private static final String INFO = """
            {"id": 60012345, "type": "dns", "status": {"id": 1, "name": "Scheduled"}, "is_oneoff": true,
             "credits_per_result": 10, "probes_requested": 500, "probes_scheduled": 480, "target": "192.0.2.53",
             "estimated_results_per_day": 0}""";
    private static final String PERIODIC_INFO = """
            {"id": 60012345, "type": "dns", "status": {"id": 1, "name": "Scheduled"}, "is_oneoff": false,
             "interval": 900, "credits_per_result": 10, "probes_requested": 500, "probes_scheduled": 480,
             "target": "192.0.2.53", "estimated_results_per_day": 46080}""";

    private MockWebServer server;
    private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean readBackFails = new AtomicBoolean();
    private final AtomicBoolean periodic = new AtomicBoolean();
    private String out;
    private String err;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                seen.add(r);
                String path = r.getUrl().encodedPath();
                if (path.equals("/api/v2/probes/")) {
                    return ApiFixtures.probes(server, r);
                }
                if (r.getMethod().equals("POST") && path.equals("/api/v2/measurements/")) {
                    return ApiFixtures.json(201, """
                            {"measurements": [60012345],
                             "warnings": ["Your measurement will use fewer probes than requested"]}""");
                }
                if (r.getMethod().equals("DELETE") && path.startsWith("/api/v2/measurements/")) {
                    return new MockResponse.Builder().code(204).build();
                }
                if (path.equals("/api/v2/measurements/60012345/")) {
                    return readBackFails.get() ? ApiFixtures.json(502, """
                            {"error": {"status": 502, "title": "Bad Gateway", "detail": "upstream unavailable"}}""")
                            : ApiFixtures.json(200, periodic.get() ? PERIODIC_INFO : INFO);
                }
                if (path.equals("/api/v2/measurements/my/")) {
                    boolean second = "2".equals(r.getUrl().queryParameter("page"));
                    return ApiFixtures.json(200, second ? ApiFixtures.page("measurements-my-page-2.json", null, "x")
                            : ApiFixtures.page("measurements-my-page-1.json",
                                    server.url("/api/v2/measurements/my/?page=2").toString(), null));
                }
                if (path.equals("/api/v2/measurements/1768147/latest/")) {
                    List<String> cf = SharedData.lines(SharedData.CLOUDFLARE_IDSERVER);
                    return ApiFixtures.json(200, "{\"10855\": [" + cf.get(0) + "]}");
                }
                if (path.equals("/api/v2/credits/")) {
                    return ApiFixtures.json(200, ApiFixtures.text("credits.json"));
                }
                return ApiFixtures.json(404, """
                        {"error": {"status": 404, "title": "Not Found", "detail": "Not found."}}""");
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One attempt per request, so a failing follow-up fails now rather than after real back-off sleeps. */
    private String config() throws Exception {
        Path cfg = tmp.resolve("atlas.yaml");
        Files.writeString(cfg, "atlas: {api-key: " + KEY + ", max-attempts: 1}\n");
        return cfg.toString();
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cmd = new CommandLine(new AtlasCommand(Map.of()));
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--api-url");
        all.add(server.url("/api/v2/").toString());
        int code = cmd.execute(all.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private long posts() {
        return seen.stream().filter(r -> r.getMethod().equals("POST")).count();
    }

    private JsonNode lastPost() throws Exception {
        RecordedRequest post = seen.stream().filter(r -> r.getMethod().equals("POST")).reduce((a, b) -> b)
                .orElseThrow();
        return M.readTree(post.getBody().utf8());
    }

    @Test
    void catchmentPrintsTheIdFirstAndAFailedFollowUpSaysHowToResumeWithoutBuyingAgain() throws Exception {
        readBackFails.set(true);
        assertThat(run("catchment", "--target", "192.0.2.53", "--config", config())).isEqualTo(1);
        assertThat(out).contains("created measurement 60012345");
        assertThat(err).contains("HTTP 502", "60012345 was created", "Do not run catchment again",
                "nsglobal atlas catchment --resume 60012345", "nsglobal atlas results 60012345");
        assertThat(err).contains("# warning from RIPE Atlas: POST /api/v2/measurements/: Your measurement will use "
                + "fewer probes than requested");
        assertThat(posts()).isEqualTo(1);

        readBackFails.set(false);
        assertThat(run("catchment", "--resume", "60012345", "--config", config(), "--format", "json")).as(err)
                .isZero();
        assertThat(posts()).as("--resume buys nothing").isEqualTo(1);
        JsonNode row = M.readTree(out.strip());
        assertThat(row.get("msm_id").asLong()).isEqualTo(60012345L);
        assertThat(row.get("expected_credits").asDouble()).isEqualTo(4800.0);
    }

    @Test
    void catchmentAsksForProbesTaggedWorkingInTheMeasuredFamily() throws Exception {
        assertThat(run("catchment", "--target", "192.0.2.53", "--config", config())).as(err).isZero();
        JsonNode v4 = lastPost();
        assertThat(v4.at("/probes/0/tags/include")).extracting(JsonNode::asText).containsExactly("system-ipv4-works");

        assertThat(run("catchment", "--target", "2001:db8::53", "--config", config(), "--probes",
                "prefix:2001:67c:2e8::/48:10;countries:NL,DE:20", "--tag", "home", "--exclude-tag", "system-anchor"))
                .as(err).isZero();
        JsonNode v6 = lastPost();
        assertThat(v6.at("/definitions/0/af").asInt()).isEqualTo(6);
        assertThat(v6.get("probes")).hasSize(2);
        assertThat(v6.at("/probes/0/value").asText()).isEqualTo("2001:67c:2e8::/48");
        assertThat(v6.at("/probes/1/type").asText()).isEqualTo("countries");
        assertThat(v6.at("/probes/1/value").asText()).isEqualTo("NL,DE");
        assertThat(v6.at("/probes/1/tags/include")).extracting(JsonNode::asText)
                .containsExactly("home", "system-ipv6-works");
        assertThat(v6.at("/probes/1/tags/exclude")).extracting(JsonNode::asText).containsExactly("system-anchor");

        assertThat(run("catchment", "--target", "192.0.2.53", "--config", config(), "--any-probe")).isZero();
        assertThat(lastPost().at("/probes/0").has("tags")).isFalse();
    }

    @Test
    void aPeriodicCatchmentNeedsADurationOrStop() throws Exception {
        assertThat(run("catchment", "--target", "192.0.2.53", "--interval", "15m", "--config", config()))
                .isEqualTo(1);
        assertThat(err).contains("needs a stop time");
        assertThat(posts()).as("refused before anything is bought").isZero();

        periodic.set(true);
        assertThat(run("catchment", "--target", "192.0.2.53", "--interval", "15m", "--duration", "6h", "--config",
                config(), "--format", "json")).as(err).isZero();
        JsonNode body = lastPost();
        assertThat(body.get("is_oneoff").asBoolean()).isFalse();
        assertThat(body.at("/definitions/0/interval").asInt()).isEqualTo(900);
        assertThat(body.get("stop_time").asLong()).isGreaterThan(System.currentTimeMillis() / 1000 + 5 * 3600);
        JsonNode row = M.readTree(out.strip().split("\n")[1]);
        assertThat(row.get("expected_credits_per_day").asDouble()).isEqualTo(460800.0);
    }

    @Test
    void stopListAndLatest() throws Exception {
        assertThat(run("stop", "60012345", "60012399", "--config", config())).as(err).isZero();
        assertThat(out).contains("stopped 60012345", "stopped 60012399");
        assertThat(seen).filteredOn(r -> r.getMethod().equals("DELETE")).extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/api/v2/measurements/60012345/", "/api/v2/measurements/60012399/");

        assertThat(run("list", "--mine", "--config", config(), "--format", "json")).as(err).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String l : out.strip().split("\n")) {
            rows.add(M.readTree(l));
        }
        assertThat(rows).extracting(r -> r.get("msm_id").asLong()).containsExactly(60012345L, 60012399L, 60012401L);
        assertThat(rows.get(2).get("status").asText()).isEqualTo("Ongoing");
        assertThat(rows.get(2).get("stop").asText()).isEqualTo("2026-12-03T03:20:00Z");
        assertThat(seen).filteredOn(r -> r.getUrl().encodedPath().equals("/api/v2/measurements/my/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Key " + KEY));

        assertThat(run("results", "1768147", "--latest", "--format", "json")).as(err).isZero();
        JsonNode latest = M.readTree(out.strip());
        assertThat(latest.get("probe").asInt()).isEqualTo(10855);
        assertThat(latest.get("site").asText()).isEqualTo("JNB");
    }

    @Test
    void creditsShowTheDailyCap() throws Exception {
        assertThat(run("credits", "--config", config(), "--format", "json")).as(err).isZero();
        assertThat(M.readTree(out.strip()).get("max_daily_credits").asLong()).isEqualTo(1_000_000L);
    }

    @Test
    void everyProbeFilterIsSentAsTheApiDocumentsIt() throws Exception {
        assertThat(run("probes", "--asn", "3333", "--format", "json")).as(err).isZero();
        RecordedRequest asn = seen.get(seen.size() - 2);
        assertThat(asn.getUrl().queryParameter("asn_v4")).isEqualTo("3333");
        assertThat(asn.getUrl().queryParameter("status")).isNull();
        assertThat(out.strip().split("\n")).hasSize(4);

        seen.clear();
        assertThat(run("probes", "--connected", "--format", "json")).as(err).isZero();
        assertThat(seen.get(0).getUrl().queryParameter("status")).isEqualTo("1");

        seen.clear();
        assertThat(run("probes", "--tag", "system-ipv4-works", "--format", "json")).as(err).isZero();
        assertThat(seen.get(0).getUrl().queryParameter("tags")).isEqualTo("system-ipv4-works");
        assertThat(out.strip().split("\n")).as("6003 lacks working IPv4").hasSize(3);
        assertThat(M.readTree(out.strip().split("\n")[0]).get("tags")).extracting(JsonNode::asText)
                .contains("system-ipv4-works");

        seen.clear();
        assertThat(run("probes", "--country", "NL", "--asn", "3333", "--connected", "--tag",
                "system-ipv6-works,system-ipv4-works", "--exclude-tag", "system-anchor", "--format", "json"))
                .as(err).isZero();
        RecordedRequest all = seen.get(0);
        assertThat(all.getUrl().queryParameter("country_code")).isEqualTo("NL");
        assertThat(all.getUrl().queryParameter("asn_v4")).isEqualTo("3333");
        assertThat(all.getUrl().queryParameter("status")).isEqualTo("1");
        assertThat(all.getUrl().queryParameter("tags")).isEqualTo("system-ipv6-works,system-ipv4-works");
        assertThat(out.strip().split("\n")).extracting(l -> {
            try {
                return M.readTree(l).get("id").asInt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).containsExactly(6001, 6004);
    }

    @Test
    void aServerAskingToWaitPastTheDeadlineIsGivenUpOnWithAMessage() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                seen.add(r);
                return new MockResponse.Builder().code(429).setHeader("Retry-After", "3600")
                        .setHeader("Content-Type", "application/json").body("""
                                {"error": {"status": 429, "title": "Too Many Requests",
                                 "detail": "Request was throttled. Expected available in 3600 seconds."}}""").build();
            }
        });
        Path cfg = tmp.resolve("patient.yaml");
        Files.writeString(cfg, "atlas: {api-key: " + KEY + "}\n");
        assertThat(run("credits", "--config", cfg.toString(), "--deadline", "30s")).isEqualTo(1);
        assertThat(err).contains("HTTP 429", "retry after 3600 s", "deadline of 30 s");
        assertThat(seen).hasSize(1);
    }
}
