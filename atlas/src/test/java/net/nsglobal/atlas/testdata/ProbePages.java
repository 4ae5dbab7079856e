package net.nsglobal.atlas.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** The real probe list served the way {@code GET /api/v2/probes/} pages it. */
public final class ProbePages {
    private static final ObjectMapper M = new ObjectMapper();

    private ProbePages() {
    }

    /** Serves real probe metadata in the API's paged {@code {count, next, previous, results}} shape. */
    public static Dispatcher dispatcher(MockWebServer server, List<JsonNode> probes) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (!r.getUrl().encodedPath().equals("/api/v2/probes/")) {
                    return new MockResponse.Builder().code(404).body("{\"detail\": \"Not found.\"}").build();
                }
                String cc = r.getUrl().queryParameter("country_code");
                int size = Integer.parseInt(r.getUrl().queryParameter("page_size"));
                String pageParam = r.getUrl().queryParameter("page");
                int page = pageParam == null ? 1 : Integer.parseInt(pageParam);
                List<JsonNode> match = probes.stream()
                        .filter(p -> cc == null || cc.equals(p.path("country_code").asText())).toList();
                ObjectNode body = M.createObjectNode();
                body.put("count", match.size());
                int from = (page - 1) * size;
                int to = Math.min(match.size(), from + size);
                String base = "/api/v2/probes/?" + (cc == null ? "" : "country_code=" + cc + "&") + "page_size="
                        + size + "&page=";
                if (to < match.size()) {
                    body.put("next", server.url(base + (page + 1)).toString());
                } else {
                    body.putNull("next");
                }
                if (page > 1) {
                    body.put("previous", server.url(base + (page - 1)).toString());
                } else {
                    body.putNull("previous");
                }
                ArrayNode results = body.putArray("results");
                match.subList(from, to).forEach(results::add);
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(body.toString()).build();
            }
        };
    }

    public static List<JsonNode> realProbes() {
        return SharedData.lines(SharedData.PROBES).stream().map(l -> {
            try {
                return M.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
