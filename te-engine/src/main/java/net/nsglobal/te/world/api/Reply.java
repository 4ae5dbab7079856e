package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP answer of the simulated API: status, extra headers, a JSON body (or none, for 204). */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Reply ok(JsonNode body) {
        return json(200, body);
    }

    static Reply noContent() {
        return new Reply(204, Map.of(), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, Map.copyOf(h), body);
    }
}
