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
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.nsglobal.atlas.testdata.ProbePages;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nsglobal atlas …} against a MockWebServer replaying RIPE Atlas: table and JSON-lines output. */
class AtlasCommandTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String KEY = "9a8b7c6d-0000-4000-8000-123456789abc";

    private static List<JsonNode> realProbes;
    private static String cloudflare;
    private static String pings;

    private MockWebServer server;
    private final List<RecordedRequest> seen = new ArrayList<>();
    private String out;
    private String err;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadRecordings() {
        realProbes = ProbePages.realProbes();
        cloudflare = SharedData.asJsonArray(SharedData.lines(SharedData.CLOUDFLARE_IDSERVER));
        pings = SharedData.asJsonArray(SharedData.lines(SharedData.PING_OPENDNS).subList(0, 50));
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        Dispatcher probes = ProbePages.dispatcher(server, realProbes);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                seen.add(r);
                String path = r.getUrl().encodedPath();
                String m = r.getMethod();
                if (path.equals("/api/v2/probes/")) {
                    return probes.dispatch(r);
                }
                if (m.equals("POST") && path.equals("/api/v2/measurements/")) {
                    return json(201, "{\"measurements\": [60012345]}");
                }
                if (path.equals("/api/v2/measurements/60012345/")) {
                    return json(200, """
                            {"id": 60012345, "type": "dns", "status": {"id": 0, "name": "Specified"},
                             "is_oneoff": true, "credits_per_result": 10, "probes_requested": 500,
                             "probes_scheduled": null, "estimated_results_per_day": 0}""");
                }
                if (path.equals("/api/v2/measurements/1768147/results/")) {
                    return json(200, cloudflare);
                }
                if (path.equals("/api/v2/measurements/9040446/results/")) {
                    return json(200, pings);
                }
                if (path.equals("/api/v2/credits/")) {
                    return json(200, """
                            {"current_balance": 2345678, "estimated_daily_income": 21600,
                             "estimated_daily_expenditure": 12000, "estimated_runout_seconds": null,
                             "past_day_measurement_results": 1200, "past_day_credits_spent": 12000}""");
                }
                if (path.equals("/api/v2/credits/expense-items/")) {
                    return json(200, """
                            {"groups": {"owned_measurements": [{"measurement_id": 60012345,
                              "measurement": "https://atlas.ripe.net/api/v2/measurements/60012345/",
                              "description": "NS-Global catchment 192.0.2.53",
                              "scheduled_start_time": "2026-01-15T12:00:00Z", "scheduled_stop_time": null,
                              "next_day_running_time_seconds": 86400, "estimated_participants": 480,
                              "estimated_daily_cost": 460800}],
                             "billed_measurements": [{"measurement_id": 60012399,
                              "measurement": "https://atlas.ripe.net/api/v2/measurements/60012399/",
                              "description": "Ping oracle fra1", "scheduled_start_time": "2026-01-15T12:00:00Z",
                              "scheduled_stop_time": "2026-01-16T12:00:00Z", "next_day_running_time_seconds": 86400,
                              "estimated_participants": 100, "estimated_daily_cost": 28800}]}}""");
                }
                return json(404, "{\"error\": {\"status\": 404, \"title\": \"Not Found\", \"detail\": \"Not found.\"}}");
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private int run(Map<String, String> env, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cmd = new CommandLine(new AtlasCommand(env));
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

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                rows.add(M.readTree(line));
            }
        }
        return rows;
    }

    @Test
    void probesByCountryAsJsonLinesAndTable() throws Exception {
        assertThat(run(Map.of(), "probes", "--country", "NL", "--format", "json")).isZero();
        List<JsonNode> rows = jsonLines();
        assertThat(rows).hasSize(536).allSatisfy(r -> assertThat(r.get("country").asText()).isEqualTo("NL"));
        assertThat(rows.get(0).get("id").asInt()).isEqualTo(7);
        assertThat(rows.get(0).get("lat").asDouble()).isEqualTo(51.2005);
        assertThat(rows.get(0).get("lon").asDouble()).isEqualTo(6.0075);
        assertThat(rows.get(0).get("asn_v4").asInt()).isEqualTo(33915);
        assertThat(err).contains("536 probes");

        assertThat(run(Map.of(), "probes", "--country", "NL")).isZero();
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(537);
        assertThat(lines[0]).startsWith("id").contains("asn_v4", "country", "lat", "lon", "status");
        assertThat(lines[1]).startsWith("7 ").contains("33915", "NL", "51.20", "6.01", "Connected");
    }

    @Test
    void catchmentCreatesTheMeasurementAndPrintsTheApisExpectedCredits() throws Exception {
        Path cfg = tmp.resolve("te.yaml");
        Files.writeString(cfg, "atlas: {api-key: " + KEY + "}\n");
        assertThat(run(Map.of(), "catchment", "--target", "192.0.2.53", "--probes", "area:WW:500", "--config",
                cfg.toString(), "--format", "json")).as(err).isZero();
        assertThat(jsonLines().get(0).get("created").asLong()).as("the id comes first").isEqualTo(60012345L);
        JsonNode row = jsonLines().get(1);
        assertThat(row.get("msm_id").asLong()).isEqualTo(60012345L);
        assertThat(row.get("credits_per_result").asDouble()).isEqualTo(10.0);
        assertThat(row.get("expected_credits").asDouble()).isEqualTo(5000.0);

        RecordedRequest post = seen.stream().filter(r -> r.getMethod().equals("POST")).findFirst().orElseThrow();
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Key " + KEY);
        JsonNode body = M.readTree(post.getBody().utf8());
        assertThat(body.at("/definitions/0/query_class").asText()).isEqualTo("CHAOS");
        assertThat(body.at("/definitions/0/set_nsid_bit").asBoolean()).isTrue();
        assertThat(body.at("/probes/0/requested").asInt()).isEqualTo(500);

        // The key from the environment works the same; table output names the id and the credits.
        assertThat(run(Map.of("RIPE_ATLAS_KEY", KEY), "catchment", "--target", "2001:db8::53",
                "--tags-include", "system-ipv6-works", "--tags-exclude", "system-anchor,home")).isZero();
        assertThat(out).contains("60012345", "2001:db8::53", "5000.00");
        JsonNode v6 = M.readTree(seen.stream().filter(r -> r.getMethod().equals("POST")).reduce((a, b) -> b)
                .orElseThrow().getBody().utf8());
        assertThat(v6.at("/definitions/0/af").asInt()).isEqualTo(6);
        assertThat(v6.at("/probes/0/tags/include/0").asText()).isEqualTo("system-ipv6-works");
        assertThat(v6.at("/probes/0/tags/exclude")).hasSize(2);
        assertThat(out + err).doesNotContain(KEY);
    }

    @Test
    void catchmentWithoutAKeyFailsClearly() {
        assertThat(run(Map.of(), "catchment", "--target", "192.0.2.53")).isEqualTo(1);
        assertThat(err).contains("RIPE_ATLAS_KEY");
        assertThat(seen).isEmpty();
    }

    @Test
    void resultsPrintSiteRttAndRcodePerProbe() throws Exception {
        assertThat(run(Map.of(), "results", "1768147", "--since", "2015-03-21T00:00:00Z", "--format", "json"))
                .isZero();
        List<JsonNode> rows = jsonLines();
        assertThat(rows).hasSize(2684);
        JsonNode first = rows.get(0);
        assertThat(first.get("probe").asInt()).isEqualTo(10855);
        assertThat(first.get("site").asText()).isEqualTo("JNB");
        assertThat(first.get("rtt_ms").asDouble()).isEqualTo(65.725);
        assertThat(first.get("rcode").asText()).isEqualTo("NOERROR");
        assertThat(first.get("timestamp").asText()).isEqualTo("2015-03-21T00:08:23Z");
        assertThat(seen.get(0).getUrl().queryParameter("start")).isEqualTo("1426896000");
        assertThat(err).contains("2684 results, 0 malformed");

        assertThat(run(Map.of(), "results", "1768147", "--probe", "10855,11333")).isZero();
        assertThat(out.split("\n")[0]).contains("probe", "site", "rtt_ms", "rcode");
        assertThat(out.split("\n")[1]).contains("10855", "JNB", "65.73", "NOERROR");
        assertThat(seen.get(1).getUrl().queryParameter("probe_ids")).isEqualTo("10855,11333");
    }

    @Test
    void pingResultsShowLoss() throws Exception {
        assertThat(run(Map.of(), "results", "9040446", "--format", "json")).isZero();
        List<JsonNode> rows = jsonLines();
        assertThat(rows).hasSize(50).allSatisfy(r -> assertThat(r.get("type").asText()).isEqualTo("ping"));
        assertThat(rows.get(0).get("loss").asText()).isEqualTo("0/3");
        assertThat(rows.get(0).get("rtt_ms").asDouble()).isEqualTo(57.02257);
    }

    @Test
    void creditsAndApiErrors() throws Exception {
        assertThat(run(Map.of("RIPE_ATLAS_KEY", KEY), "credits", "--format", "json")).isZero();
        JsonNode c = jsonLines().get(0);
        assertThat(c.get("balance").asLong()).isEqualTo(2345678);
        assertThat(c.get("daily_expenditure").asLong()).isEqualTo(12000);
        assertThat(c.get("runout_seconds").isNull()).isTrue();

        assertThat(run(Map.of("RIPE_ATLAS_KEY", KEY), "credits", "--expenses", "--format", "json")).isZero();
        List<JsonNode> rows = jsonLines();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("msm_id").asLong()).isEqualTo(60012345L);
        assertThat(rows.get(1).get("daily_cost").asLong()).isEqualTo(460800);
        assertThat(rows.get(1).get("billed_to_me").asBoolean()).isFalse();
        assertThat(rows.get(2).get("billed_to_me").asBoolean()).isTrue();
        assertThat(rows.get(2).get("participants").asLong()).isEqualTo(100);

        assertThat(run(Map.of(), "results", "42")).isEqualTo(1);
        assertThat(err).contains("HTTP 404", "Not found.");
    }
}
