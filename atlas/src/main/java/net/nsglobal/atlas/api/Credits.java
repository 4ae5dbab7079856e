package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/v2/credits/}: the balance and the API's own estimates of daily income and spending. */
public record Credits(long currentBalance, Long estimatedDailyIncome, Long estimatedDailyExpenditure,
                      Long estimatedRunoutSeconds, Long pastDayMeasurementResults, Long pastDayCreditsSpent) {

    static Credits fromJson(JsonNode n) {
        if (!n.hasNonNull("current_balance")) {
            throw new AtlasException("atlas: credits response has no current_balance");
        }
        return new Credits(n.get("current_balance").asLong(), opt(n, "estimated_daily_income"),
                opt(n, "estimated_daily_expenditure"), opt(n, "estimated_runout_seconds"),
                opt(n, "past_day_measurement_results"), opt(n, "past_day_credits_spent"));
    }

    private static Long opt(JsonNode n, String f) {
        return n.hasNonNull(f) && n.get(f).isNumber() ? n.get(f).asLong() : null;
    }
}
