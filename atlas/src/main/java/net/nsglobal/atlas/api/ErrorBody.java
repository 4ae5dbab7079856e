package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an API error body: {@code {"error": {"status", "title", "detail", "errors": [{"source": {"pointer" |
 * "parameter"}, "detail"}]}}} (REST API manual, "Error Handling"), or the bare {@code {"detail": "…"}} some endpoints
 * return, or anything else (a proxy's HTML page), which is shortened into the detail.
 */
final class ErrorBody {
    private ErrorBody() {
    }

    static AtlasApiException toException(ObjectMapper mapper, String request, int status, String body) {
        JsonNode root = null;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (Exception notJson) {
            // Not JSON: keep a short excerpt as the detail.
        }
        if (root == null || !root.isObject()) {
            String excerpt = body == null ? null : body.strip();
            if (excerpt != null && excerpt.length() > 200) {
                excerpt = excerpt.substring(0, 200) + "…";
            }
            return new AtlasApiException(request, status, null, excerpt == null || excerpt.isEmpty() ? null : excerpt,
                    List.of());
        }
        JsonNode err = root.has("error") && root.get("error").isObject() ? root.get("error") : root;
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode e : err.path("errors")) {
            JsonNode src = e.path("source");
            errors.add(new FieldError(src.path("pointer").asText(null), src.path("parameter").asText(null),
                    e.path("detail").asText(null)));
        }
        return new AtlasApiException(request, status, err.path("title").asText(null), err.path("detail").asText(null),
                errors);
    }
}
