package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * RIPE Atlas's error body (REST API manual, "Error Handling"): {@code {"error": {"status", "code", "title", "detail",
 * "errors": [{"source": {"pointer" | "parameter"}, "detail"}]}}}. Codes as the API uses them: 102 for a request it
 * cannot read or is not allowed to make, 104 for fields (or parameters) that are invalid.
 */
final class ApiError {
    static final int CODE_REQUEST = 102;
    static final int CODE_INVALID = 104;

    /** One entry of {@code errors}: a JSON pointer into the request body, or a query parameter. */
    record Problem(String pointer, String parameter, String detail) {
        static Problem at(String pointer, String detail) {
            return new Problem(pointer, null, detail);
        }

        static Problem param(String parameter, String detail) {
            return new Problem(null, parameter, detail);
        }
    }

    private ApiError() {
    }

    static Reply of(int status, int code, String title, String detail, List<Problem> problems) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode e = root.putObject("error");
        e.put("status", status).put("code", code).put("title", title).put("detail", detail);
        if (!problems.isEmpty()) {
            var arr = e.putArray("errors");
            for (Problem p : problems) {
                ObjectNode o = arr.addObject();
                ObjectNode src = o.putObject("source");
                if (p.pointer() != null) {
                    src.put("pointer", p.pointer());
                } else {
                    src.put("parameter", p.parameter());
                }
                o.put("detail", p.detail());
            }
        }
        return Reply.json(status, root);
    }

    static Reply unreadable(String detail) {
        return of(400, CODE_REQUEST, "Bad Request", detail, List.of());
    }

    /** Invalid fields: the detail names them as the API does ("The following fields are invalid: a, b"). */
    static Reply invalid(List<Problem> problems) {
        String fields = String.join(", ", problems.stream()
                .map(p -> p.pointer() != null ? p.pointer().substring(p.pointer().lastIndexOf('/') + 1)
                        : p.parameter())
                .distinct().toList());
        return of(400, CODE_INVALID, "Bad Request", "The following fields are invalid: " + fields, problems);
    }

    static Reply badParameter(String parameter, String detail) {
        return of(400, CODE_INVALID, "Bad Request", "Invalid " + parameter.replace('_', ' '),
                List.of(Problem.param(parameter, detail)));
    }

    static Reply notFound() {
        return of(404, CODE_REQUEST, "Not Found", "Not found.", List.of());
    }

    static Reply noCredentials() {
        return of(403, CODE_REQUEST, "Forbidden", "Authentication credentials were not provided.", List.of());
    }

    static Reply badKey() {
        return of(403, CODE_INVALID, "Forbidden",
                "The provided API key does not have permission to perform this action.", List.of());
    }

    static Reply methodNotAllowed(String method) {
        return of(405, CODE_REQUEST, "Method Not Allowed", "Method \"" + method + "\" not allowed.", List.of());
    }

    /** Django REST framework's throttle text, which the API passes through, with the wait in Retry-After. */
    static Reply throttled(long seconds) {
        return of(429, CODE_REQUEST, "Too Many Requests",
                "Request was throttled. Expected available in " + seconds + " seconds.", List.of())
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
