package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.testkit.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The observatory's operator pages and JSON API over real HTTP, reading a {@link FakeObservatory} (real sites, real
 * RIPE Atlas probe positions), with the operators of a real control plane.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ObservatoryPagesTest {
    /** A probe whose text would break the page if it were not escaped. */
    static final ProbeRound HOSTILE = new ProbeRound(99_999_999, 64512L, "\"><script>x</script>", "EU", 50.1, 8.7,
            "fra1", 9.5, "fra1", 8.0, 1.5, true, false, false);
    static final Pattern CIRCLE = Pattern.compile(
            "<circle class=\"probe( flipped)?\" data-probe=\"(\\d+)\" data-site=\"([^\"]*)\"[^>]*><title>([^<]*)</title>");

    @TempDir static Path dir;
    static Harness h;
    static FakeObservatory fake;
    static WebApp web, empty, none;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
        token = h.operatorToken("observer", "observer-password");
        fake = new FakeObservatory(true, List.of(HOSTILE));
        web = ObservatoryWeb.start(h, Optional.of(fake));
        empty = ObservatoryWeb.start(h, Optional.of(new FakeObservatory(false)));
        none = ObservatoryWeb.start(h, Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebApp w : new WebApp[]{web, empty, none}) if (w != null) w.close();
        if (h != null) h.close();
    }

    static Http loggedIn(WebApp w) throws Exception {
        Http http = new Http(w.url());
        assertThat(http.logIn("observer", "observer-password").statusCode()).isEqualTo(303);
        return http;
    }

    static List<ProbeRound> probes() { return fake.latest().orElseThrow().probes(); }

    static String ms(double v) { return String.format(Locale.ROOT, "%.1f ms", v); }

    @Test
    void theMapHasADotPerProbeWithItsDetailsAndTheSitesWithTheirShare() throws Exception {
        HttpResponse<String> page = loggedIn(web).get("/ops/te");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<Integer, String> titles = new HashMap<>();
        int flipped = 0;
        Matcher m = CIRCLE.matcher(page.body());
        while (m.find()) {
            titles.put(Integer.parseInt(m.group(2)), m.group(4));
            if (m.group(1) != null) flipped++;
        }
        assertThat(probes()).hasSizeGreaterThan(300);
        assertThat(titles).hasSize(probes().size());
        assertThat(flipped).isEqualTo(probes().stream().filter(ProbeRound::flipped).count()).isPositive();

        // RIPE Atlas probe 7 (AS33915, NL): every detail in its hover title.
        ProbeRound p7 = probes().stream().filter(p -> p.probeId() == 7).findFirst().orElseThrow();
        assertThat(titles.get(7)).startsWith("probe 7\nASN AS33915\ncountry NL\nsite " + p7.site() + "\nRTT "
                + ms(p7.rttMs()) + "\ninflation " + ms(p7.inflationMs()));
        // A probe without an answer says so, in grey.
        ProbeRound silent = probes().stream().filter(p -> p.site() == null).findFirst().orElseThrow();
        assertThat(titles.get(silent.probeId())).contains("\nsite no answer\nRTT —");
        // The hostile country is text, not markup.
        assertThat(page.body()).doesNotContain("<script>x").contains("country &quot;&gt;&lt;script&gt;x&lt;/script&gt;");

        // Twelve sites, each labelled with its share of all probes.
        Map<String, Double> all = fake.latest().orElseThrow().regions().get(0).sharePerSite();
        for (var s : fake.sites) {
            assertThat(page.body()).contains("data-site=\"" + s.id() + "\"><title>site " + s.id());
            assertThat(page.body()).contains(">" + s.id() + " "
                    + String.format(Locale.ROOT, "%.1f", 100 * all.getOrDefault(s.id(), 0.0)) + "%</text>");
        }
        assertThat(page.body()).contains("<title>Germany</title>"); // the countries are drawn
    }

    @Test
    void theMapSvgFileIsWellFormedXmlWithATitledCirclePerProbe() throws Exception {
        HttpResponse<String> r = loggedIn(web).get("/ops/te/map.svg?site=nrt1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).get().asString().startsWith("image/svg+xml");
        Document doc = xml(r.body());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList circles = doc.getElementsByTagName("circle");
        long atNrt = probes().stream().filter(p -> "nrt1".equals(p.site())).count();
        assertThat(circles.getLength()).isEqualTo((int) atNrt).isPositive();
        for (int i = 0; i < circles.getLength(); i++) {
            Element c = (Element) circles.item(i);
            assertThat(c.getAttribute("data-site")).isEqualTo("nrt1");
            assertThat(c.getElementsByTagName("title").item(0).getTextContent()).contains("\nsite nrt1\n");
        }
    }

    @Test
    void filtersByRegionAndSiteKeepOnlyThoseProbes() throws Exception {
        Http http = loggedIn(web);
        List<MatchResult> eu = circles(http.get("/ops/te?region=EU").body());
        assertThat(eu).hasSize((int) probes().stream().filter(p -> "EU".equals(p.region())).count());
        assertThat(eu.size()).isLessThan(probes().size());
        List<Integer> euIds = probes().stream().filter(p -> "EU".equals(p.region())).map(ProbeRound::probeId).toList();
        assertThat(eu).allSatisfy(c -> assertThat(euIds).contains(Integer.parseInt(c.group(2))));

        List<MatchResult> both = circles(http.get("/ops/te?region=EU&site=ams1").body());
        assertThat(both).hasSize((int) probes().stream()
                .filter(p -> "EU".equals(p.region()) && "ams1".equals(p.site())).count()).isNotEmpty();
        assertThat(both).allSatisfy(c -> assertThat(c.group(3)).isEqualTo("ams1"));
        // The form shows what is selected.
        assertThat(http.get("/ops/te?region=EU&site=ams1").body())
                .contains("<option value=\"EU\" selected>").contains("<option value=\"ams1\" selected>");

        HttpResponse<String> bad = http.get("/ops/te?region=XX");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Region must be one of");
        assertThat(http.get("/ops/te?site=%3Cnope%3E").body()).contains("no site '&lt;nope&gt;'")
                .doesNotContain("<nope>");
    }

    @Test
    void chartsArePngAndSvgWithTheirNumbersBeneath() throws Exception {
        Http http = loggedIn(web);
        HttpResponse<String> page = http.get("/ops/te/charts?hours=24");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<img src=\"/ops/te/charts/share.png?hours=24\"").contains("<img src=\"/ops/te/charts/cdf.png\"");
        // The share table: 24 hourly buckets (25 when the window starts mid-hour), a column per site that answered.
        String share = table(body, "share-table");
        int rows = count(share, "<tr><td>");
        assertThat(rows).isBetween(24, 25);
        assertThat(share).contains("ams1").contains("nrt1");
        // The configuration changes, escaped.
        assertThat(table(body, "changes")).contains("prepend x2 towards ntt")
                .contains("withdraw &lt;from&gt; \"cogent\" &amp; co");
        // The CDF table: a row per region with its anycast and oracle percentiles.
        String cdf = table(body, "cdf-table");
        double[] euRtt = probes().stream().filter(p -> "EU".equals(p.region()) && p.site() != null)
                .mapToDouble(ProbeRound::rttMs).sorted().toArray();
        double euP50 = euRtt[(int) Math.ceil(0.5 * euRtt.length) - 1];
        assertThat(cdf).contains("<tr><td>EU</td><td>" + euRtt.length + "</td>")
                .contains(String.format(Locale.ROOT, "%.1f / ", euP50));

        for (String chart : List.of("share", "cdf")) {
            HttpResponse<byte[]> png = bytes(web, "/ops/te/charts/" + chart + ".png", http);
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("content-type")).hasValue("image/png");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(img).as(chart + ".png decodes").isNotNull();
            assertThat(img.getWidth()).isEqualTo(900);
            assertThat(img.getHeight()).isEqualTo(420);
            HttpResponse<String> svg = http.get("/ops/te/charts/" + chart + ".svg");
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(xml(svg.body()).getDocumentElement().getTagName()).isEqualTo("svg");
        }
        assertThat(http.get("/ops/te/charts/share.svg").body()).contains("Share of probes per site").contains("ams1");
        assertThat(http.get("/ops/te/charts/nope.png").statusCode()).isEqualTo(404);
        assertThat(http.get("/ops/te/charts?hours=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theJsonApiNeedsABearerTokenAndGivesTheLatestRound() throws Exception {
        Http anon = new Http(web.url());
        for (String path : List.of("/api/v1/te/catchment", "/api/v1/te/summary")) {
            HttpResponse<String> r = anon.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).contains("\"error\"").doesNotContain("prb_id");
            assertThat(anon.getBearer(path, "not-a-token").statusCode()).isEqualTo(401);
        }
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> c = anon.getBearer("/api/v1/te/catchment", token);
        assertThat(c.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(c.body());
        assertThat(body.path("round_id").asLong()).isEqualTo(4711);
        assertThat(body.path("time").asText()).isEqualTo("2026-12-07T03:00:00Z");
        assertThat(body.path("probes")).hasSize(probes().size());
        ProbeRound p7 = probes().stream().filter(p -> p.probeId() == 7).findFirst().orElseThrow();
        JsonNode row = null;
        for (JsonNode n : body.path("probes")) if (n.path("prb_id").asInt() == 7) row = n;
        assertThat(row).isNotNull();
        List<String> fields = new java.util.ArrayList<>();
        row.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("prb_id", "asn", "country", "lat", "lon", "site", "rtt_ms", "oracle_ms",
                "inflation_ms", "at_optimal");
        assertThat(row.path("asn").asLong()).isEqualTo(33915);
        assertThat(row.path("country").asText()).isEqualTo("NL");
        assertThat(row.path("lat").asDouble()).isEqualTo(51.2005);
        assertThat(row.path("lon").asDouble()).isEqualTo(6.0075);
        assertThat(row.path("site").asText()).isEqualTo(p7.site());
        assertThat(row.path("rtt_ms").asDouble()).isEqualTo(p7.rttMs());
        assertThat(row.path("oracle_ms").asDouble()).isEqualTo(p7.oracleMs());
        assertThat(row.path("inflation_ms").asDouble()).isEqualTo(p7.inflationMs());
        assertThat(row.path("at_optimal").asBoolean()).isEqualTo(p7.atOptimal());
        // No answer: nulls, not NaN (which is no JSON).
        int silent = probes().stream().filter(p -> p.site() == null).findFirst().orElseThrow().probeId();
        for (JsonNode n : body.path("probes")) {
            if (n.path("prb_id").asInt() == silent) {
                assertThat(n.path("site").isNull()).isTrue();
                assertThat(n.path("rtt_ms").isNull()).isTrue();
                assertThat(n.path("inflation_ms").isNull()).isTrue();
            }
        }

        JsonNode s = json.readTree(anon.getBearer("/api/v1/te/summary", token).body());
        JsonNode allRow = s.path("regions").get(0);
        assertThat(allRow.path("region").asText()).isEqualTo("ALL");
        var all = fake.latest().orElseThrow().regions().get(0);
        assertThat(allRow.path("probes").asInt()).isEqualTo(all.probes());
        assertThat(allRow.path("share_per_site").path("ams1").asDouble()).isEqualTo(all.sharePerSite().get("ams1"));
        assertThat(allRow.path("p50_rtt_ms").asDouble()).isEqualTo(all.p50RttMs());
        assertThat(allRow.path("p90_rtt_ms").asDouble()).isEqualTo(all.p90RttMs());
        assertThat(allRow.path("p50_inflation_ms").asDouble()).isEqualTo(all.p50InflationMs());
        assertThat(allRow.path("p90_inflation_ms").asDouble()).isEqualTo(all.p90InflationMs());
        assertThat(allRow.path("share_at_optimal").asDouble()).isEqualTo(all.shareAtOptimal());
        List<String> regions = new java.util.ArrayList<>();
        s.path("regions").forEach(n -> regions.add(n.path("region").asText()));
        assertThat(regions).contains("EU", "NA", "AS", "OC");
    }

    @Test
    void jobsArePausedResumedAndTriggeredThroughThePageWithItsCsrfToken() throws Exception {
        Http http = loggedIn(web);
        HttpResponse<String> page = http.get("/ops/te/jobs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/ops/te/jobs/oracle-ping/pause\"")
                .contains("17328").contains("8640.50").contains("1234567");
        String csrf = csrf(page.body());

        // Without the form's token nothing happens.
        assertThat(http.post("/ops/te/jobs/oracle-ping/pause", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(fake.job("oracle-ping").paused()).isFalse();

        HttpResponse<String> paused = http.post("/ops/te/jobs/oracle-ping/pause", Map.of("csrf", csrf));
        assertThat(paused.statusCode()).isEqualTo(303);
        assertThat(fake.job("oracle-ping").paused()).isTrue();
        String after = http.get(paused.headers().firstValue("location").orElseThrow()).body();
        assertThat(after).contains("Done: oracle-ping paused.").contains("action=\"/ops/te/jobs/oracle-ping/resume\"");

        assertThat(http.post("/ops/te/jobs/probe-refresh/trigger", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(fake.triggered).containsEntry("probe-refresh", 1);
        assertThat(http.post("/ops/te/jobs/oracle-ping/resume", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(fake.job("oracle-ping").paused()).isFalse();

        assertThat(http.post("/ops/te/jobs/no-such-job/trigger", Map.of("csrf", csrf)).statusCode()).isEqualTo(404);
        // Without a session: to the log-in, and the job is not run.
        Http anon = new Http(web.url());
        anon.get("/ops/login");
        assertThat(anon.post("/ops/te/jobs/probe-refresh/trigger", Map.of("csrf", anon.csrf("/ops/login")))
                .statusCode()).isEqualTo(303);
        assertThat(fake.triggered).containsEntry("probe-refresh", 1);
    }

    @Test
    void withoutASessionThePagesSendToTheLogIn() throws Exception {
        Http anon = new Http(web.url());
        for (String path : List.of("/ops/te", "/ops/te/map.svg", "/ops/te/charts", "/ops/te/charts/cdf.png", "/ops/te/jobs")) {
            HttpResponse<String> r = anon.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("location")).hasValue("/ops/login");
        }
    }

    @Test
    void beforeTheFirstRoundThePagesAndApiAreEmptyButWhole() throws Exception {
        Http http = loggedIn(empty);
        HttpResponse<String> map = http.get("/ops/te");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("No complete measurement round yet").contains("<svg").doesNotContain("<circle class=\"probe");
        HttpResponse<String> charts = http.get("/ops/te/charts");
        assertThat(charts.statusCode()).isEqualTo(200);
        assertThat(charts.body()).contains("No catchment roll-ups in this window yet").contains("No complete measurement round yet");
        assertThat(bytes(empty, "/ops/te/charts/cdf.png", http).statusCode()).isEqualTo(200);
        assertThat(http.get("/ops/te/jobs").body()).contains("No probe has been measured yet");
        JsonNode c = new ObjectMapper().readTree(new Http(empty.url()).getBearer("/api/v1/te/catchment", token).body());
        assertThat(c.path("round_id").isNull()).isTrue();
        assertThat(c.path("probes")).isEmpty();
    }

    @Test
    void withoutAnObservatoryThePagesSaySo() throws Exception {
        Http http = loggedIn(none);
        HttpResponse<String> r = http.get("/ops/te");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("No observatory configured");
        HttpResponse<String> api = new Http(none.url()).getBearer("/api/v1/te/summary", token);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.body()).contains("\"error\":\"This NS-Global runs without the observatory");
        // The rest of the operator pages work as before.
        assertThat(http.get("/ops").statusCode()).isEqualTo(200);
    }

    // ---- helpers ----

    static List<MatchResult> circles(String html) {
        return CIRCLE.matcher(html).results().toList();
    }

    static String table(String html, String id) {
        int i = html.indexOf("id=\"" + id + "\"");
        assertThat(i).as("table " + id).isPositive();
        return html.substring(i, html.indexOf("</table>", i));
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A GET as bytes (an image), with a fresh operator session's cookie. */
    static HttpResponse<byte[]> bytes(WebApp w, String path, Http unused) throws Exception {
        HttpResponse<String> in = new Http(w.url()).logIn("observer", "observer-password");
        String cookie = in.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("nsg_ops="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(w.url() + path))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
