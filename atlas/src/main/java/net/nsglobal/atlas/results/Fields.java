package net.nsglobal.atlas.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** Strict readers for result fields: a missing or mistyped required field makes the record malformed. */
final class Fields {
    private Fields() {
    }

    static MalformedResultException malformed(String why) {
        return new MalformedResultException(why);
    }

    static long requireLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw malformed("missing or non-integer '" + field + "'");
        }
        return v.asLong();
    }

    static int requireInt(JsonNode n, String field) {
        return Math.toIntExact(requireLong(n, field));
    }

    /** The firmware version; absent in some very old results, which documented as version 1. */
    static int fw(JsonNode n) {
        JsonNode v = n.get("fw");
        if (v == null || v.isNull()) {
            return 1;
        }
        if (v.isNumber()) {
            return v.asInt();
        }
        try {
            return Integer.parseInt(v.asText().strip());
        } catch (NumberFormatException e) {
            throw malformed("non-numeric 'fw'");
        }
    }

    static Instant timestamp(JsonNode n, String field) {
        return Instant.ofEpochSecond(requireLong(n, field));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A number that may be absent; {@code -1} (the API's "nothing measured") becomes null. */
    static Double optionalMs(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw malformed("non-numeric '" + field + "'");
        }
        double d = v.asDouble();
        return d < 0 ? null : d;
    }

    /** Renders an Atlas {@code error} member: {@code {"timeout": 5000}} → "timeout", {@code {"getaddrinfo": "x"}} →
     * "getaddrinfo: x"; older firmware wrote a bare string. */
    static String errorText(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        if (!error.isObject() || error.isEmpty()) {
            return "error";
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = error.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.getKey());
            if (!"timeout".equals(e.getKey()) && e.getValue().isTextual()) {
                sb.append(": ").append(e.getValue().asText());
            }
        }
        return sb.toString();
    }
}
