package net.nsglobal.atlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.Credits;
import picocli.CommandLine.Command;

/** {@code atlas credits}: the balance and RIPE's own income/spending estimates. */
@Command(name = "credits", mixinStandardHelpOptions = true, description = "Show the RIPE Atlas credit balance.")
final class CreditsCommand extends AtlasSubcommand {
    @Override
    int run(AtlasClient client) {
        Credits c = client.credits();
        Output o = new Output(out(), common.format,
                List.of("balance", "daily_income", "daily_expenditure", "runout_seconds", "past_day_results",
                        "past_day_spent"), 12, 13, 18, 15, 17);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("balance", c.currentBalance());
        row.put("daily_income", c.estimatedDailyIncome());
        row.put("daily_expenditure", c.estimatedDailyExpenditure());
        row.put("runout_seconds", c.estimatedRunoutSeconds());
        row.put("past_day_results", c.pastDayMeasurementResults());
        row.put("past_day_spent", c.pastDayCreditsSpent());
        o.row(row);
        return 0;
    }
}
