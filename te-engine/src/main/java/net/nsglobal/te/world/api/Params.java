package net.nsglobal.te.world.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readers of the API's query parameters; a value that does not read is null, for the caller's 400. */
final class Params {
    private Params() {
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    static Long epoch(Map<String, String> q, String name) {
        try {
            return q.containsKey(name) ? Long.parseLong(q.get(name).strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The {@code probe_ids} filter; null if it is not a list of ids. */
    static List<Integer> probeIds(Map<String, String> q) {
        String v = q.get("probe_ids");
        if (v == null || v.isBlank()) {
            return List.of();
        }
        List<Integer> ids = new ArrayList<>();
        for (String s : v.split(",")) {
            try {
                ids.add(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ids;
    }
}
