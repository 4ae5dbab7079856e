package net.nsglobal.atlas.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * API answers in the shapes RIPE Atlas sends them (src/test/resources/api): paged probe and measurement listings,
 * credits, and a paged-probe server that filters by {@code asn_v4}, {@code status} and {@code tags} as the API does,
 * so what a command prints depends on the request it sent.
 */
public final class ApiFixtures {
    private static final ObjectMapper M = new ObjectMapper();

    private ApiFixtures() {
    }

    public static String text(String name) {
        try (InputStream in = ApiFixtures.class.getResourceAsStream("/api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture api/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A two-page listing: page 1 links to {@code page2Url}, page 2 back to {@code page1Url}. */
    public static String page(String name, String nextUrl, String previousUrl) {
        return text(name).replace("\"NEXT\"", "\"" + nextUrl + "\"").replace("\"PREVIOUS\"", "\"" + previousUrl + "\"");
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** {@code GET /api/v2/probes/} over the two fixture pages, filtered as the API filters. */
    public static MockResponse probes(MockWebServer server, RecordedRequest r) {
        boolean second = "2".equals(r.getUrl().queryParameter("page"));
        String next = server.url("/api/v2/probes/?" + r.getUrl().encodedQuery() + "&page=2").toString();
        ObjectNode page;
        try {
            page = (ObjectNode) M.readTree(second ? page("probes-page-2.json", null, "x")
                    : page("probes-page-1.json", next, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String asn = r.getUrl().queryParameter("asn_v4");
        String status = r.getUrl().queryParameter("status");
        String tags = r.getUrl().queryParameter("tags");
        ArrayNode kept = M.createArrayNode();
        for (JsonNode p : page.get("results")) {
            boolean ok = asn == null || asn.equals(p.path("asn_v4").asText());
            ok &= status == null || status.equals(p.path("status").path("id").asText());
            if (tags != null) {
                List<String> has = p.findValuesAsText("slug");
                ok &= Arrays.stream(tags.split(",")).allMatch(has::contains);
            }
            if (ok) {
                kept.add(p);
            }
        }
        page.set("results", kept);
        return json(200, page.toString());
    }
}
