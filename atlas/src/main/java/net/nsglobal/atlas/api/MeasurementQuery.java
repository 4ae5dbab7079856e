package net.nsglobal.atlas.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which measurements to list: {@code mine} reads {@code GET /measurements/my/} (every measurement of the key's owner;
 * the key needs "List your measurements"), otherwise {@code GET /measurements/}; optional {@code type} and
 * {@code status} (the API's status id, e.g. 2 = Ongoing) filters; {@code pageSize} per request (API maximum 500) and
 * {@code limit} on the total delivered (0 = every page).
 */
public record MeasurementQuery(boolean mine, Optional<String> type, Optional<String> status, int pageSize, int limit) {
    public MeasurementQuery {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("atlas: page_size must be 1..500, not " + pageSize);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("atlas: limit must be >= 0, not " + limit);
        }
    }

    public static MeasurementQuery mine(int limit) {
        return new MeasurementQuery(true, Optional.empty(), Optional.empty(), 100, limit);
    }

    String path() {
        return mine ? "measurements/my/" : "measurements/";
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        type.ifPresent(t -> p.put("type", t));
        status.ifPresent(s -> p.put("status", s));
        p.put("page_size", Integer.toString(limit > 0 ? Math.min(pageSize, limit) : pageSize));
        return p;
    }
}
