package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code GET /api/v2/credits/expense-items/}: a measurement spending credits, with RIPE's own
 * estimate of its daily cost ({@code estimated_daily_cost}, from the specification and participating probes).
 *
 * @param billedToMe true for {@code billed_measurements} (someone else's measurement billed to this account)
 */
public record ExpenseItem(long measurementId, String description, String scheduledStart, String scheduledStop,
                          Long nextDayRunningSeconds, Long estimatedParticipants, Long estimatedDailyCost,
                          boolean billedToMe) {

    static ExpenseItem fromJson(JsonNode n, boolean billed) {
        return new ExpenseItem(n.path("measurement_id").asLong(), n.path("description").asText(null),
                n.path("scheduled_start_time").asText(null), n.path("scheduled_stop_time").asText(null),
                opt(n, "next_day_running_time_seconds"), opt(n, "estimated_participants"),
                opt(n, "estimated_daily_cost"), billed);
    }

    private static Long opt(JsonNode n, String f) {
        return n.hasNonNull(f) && n.get(f).isNumber() ? n.get(f).asLong() : null;
    }
}
