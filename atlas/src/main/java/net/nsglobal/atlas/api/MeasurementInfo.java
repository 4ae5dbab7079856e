package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of {@code GET /api/v2/measurements/{id}/} that scheduling and billing need. Prices come from here
 * ({@code credits_per_result}), never from constants in this code: RIPE changes them.
 *
 * @param estimatedResultsPerDay as the API reports it (it can be negative for stopped measurements)
 */
public record MeasurementInfo(long id, String type, String status, boolean oneOff, Integer interval,
                              Double creditsPerResult, Integer probesRequested, Integer probesScheduled,
                              Integer participantCount, Long estimatedResultsPerDay, String description,
                              String target, Long startTime, Long stopTime) {

    public MeasurementInfo(long id, String type, String status, boolean oneOff, Integer interval,
                           Double creditsPerResult, Integer probesRequested, Integer probesScheduled,
                           Integer participantCount, Long estimatedResultsPerDay) {
        this(id, type, status, oneOff, interval, creditsPerResult, probesRequested, probesScheduled, participantCount,
                estimatedResultsPerDay, null, null, null, null);
    }

    static MeasurementInfo fromJson(JsonNode n) {
        JsonNode status = n.path("status");
        return new MeasurementInfo(n.path("id").asLong(), n.path("type").asText(null),
                status.isObject() ? status.path("name").asText(null) : status.asText(null),
                n.path("is_oneoff").asBoolean(false), intOrNull(n, "interval"), doubleOrNull(n, "credits_per_result"),
                intOrNull(n, "probes_requested"), intOrNull(n, "probes_scheduled"), intOrNull(n, "participant_count"),
                n.hasNonNull("estimated_results_per_day") ? n.get("estimated_results_per_day").asLong() : null,
                n.path("description").asText(null), n.path("target").asText(null), longOrNull(n, "start_time"),
                longOrNull(n, "stop_time"));
    }

    private static Long longOrNull(JsonNode n, String f) {
        return n.hasNonNull(f) && n.get(f).isNumber() ? n.get(f).asLong() : null;
    }

    /**
     * Expected cost of a one-off measurement: credits per result × probes (scheduled if known, else requested).
     * Null when the API did not say the price.
     */
    public Double expectedCreditsOneOff() {
        Integer probes = probesScheduled != null && probesScheduled > 0 ? probesScheduled : probesRequested;
        if (creditsPerResult == null || probes == null) {
            return null;
        }
        return creditsPerResult * probes;
    }

    /** Expected daily cost of a periodic measurement, from the API's own results-per-day estimate. */
    public Double expectedCreditsPerDay() {
        if (creditsPerResult == null || estimatedResultsPerDay == null) {
            return null;
        }
        return creditsPerResult * Math.max(0, estimatedResultsPerDay);
    }

    private static Integer intOrNull(JsonNode n, String f) {
        return n.hasNonNull(f) && n.get(f).isNumber() ? n.get(f).asInt() : null;
    }

    private static Double doubleOrNull(JsonNode n, String f) {
        return n.hasNonNull(f) && n.get(f).isNumber() ? n.get(f).asDouble() : null;
    }
}
