package net.nsglobal.atlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.Credits;
import net.nsglobal.atlas.api.ExpenseItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atlas credits}: the balance and RIPE's own income/spending estimates. */
@Command(name = "credits", mixinStandardHelpOptions = true, description = "Show the RIPE Atlas credit balance.")
final class CreditsCommand extends AtlasSubcommand {
    @Option(names = "--expenses", description = "Also list the measurements spending credits, with RIPE's daily cost")
    boolean expenses;

    @Override
    int run(AtlasClient client) {
        Credits c = client.credits();
        Output o = new Output(out(), common.format,
                List.of("balance", "daily_income", "daily_expenditure", "runout_seconds", "past_day_results",
                        "past_day_spent", "max_daily_credits"), 12, 13, 18, 15, 17, 15);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("balance", c.currentBalance());
        row.put("daily_income", c.estimatedDailyIncome());
        row.put("daily_expenditure", c.estimatedDailyExpenditure());
        row.put("runout_seconds", c.estimatedRunoutSeconds());
        row.put("past_day_results", c.pastDayMeasurementResults());
        row.put("past_day_spent", c.pastDayCreditsSpent());
        row.put("max_daily_credits", c.maxDailyCredits());
        o.row(row);
        if (expenses) {
            Output e = new Output(out(), common.format, List.of("msm_id", "description", "participants",
                    "daily_cost", "billed_to_me", "stop"), 10, 32, 13, 11, 13);
            if (common.format == Output.Format.table) {
                out().println();
            }
            for (ExpenseItem x : client.expenses()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("msm_id", x.measurementId());
                r.put("description", x.description());
                r.put("participants", x.estimatedParticipants());
                r.put("daily_cost", x.estimatedDailyCost());
                r.put("billed_to_me", x.billedToMe());
                r.put("stop", x.scheduledStop());
                e.row(r);
            }
        }
        return 0;
    }
}
