package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v2/credits/}: the balance, the API's own estimates of daily income and spending, and the daily
 * spending cap that applies to the key ({@code max_daily_credits}, null when the answer has none).
 */
public record Credits(long currentBalance, Long estimatedDailyIncome, Long estimatedDailyExpenditure,
                      Long estimatedRunoutSeconds, Long pastDayMeasurementResults, Long pastDayCreditsSpent,
                      Long maxDailyCredits) {

    public Credits(long currentBalance, Long estimatedDailyIncome, Long estimatedDailyExpenditure,
                   Long estimatedRunoutSeconds, Long pastDayMeasurementResults, Long pastDayCreditsSpent) {
        this(currentBalance, estimatedDailyIncome, estimatedDailyExpenditure, estimatedRunoutSeconds,
                pastDayMeasurementResults, pastDayCreditsSpent, null);
    }

    static Credits fromJson(JsonNode n) {
        if (!n.hasNonNull("current_balance")) {
            throw new AtlasException("atlas: credits response has no current_balance");
        }
        return new Credits(n.get("current_balance").asLong(), opt(n, "estimated_daily_income"),
                opt(n, "estimated_daily_expenditure"), opt(n, "estimated_runout_seconds"),
                opt(n, "past_day_measurement_results"), opt(n, "past_day_credits_spent"), opt(n, "max_daily_credits"));
    }

    private static Long opt(JsonNode n, String f) {
        return n.hasNonNull(f) && n.get(f).isNumber() ? n.get(f).asLong() : null;
    }
}
