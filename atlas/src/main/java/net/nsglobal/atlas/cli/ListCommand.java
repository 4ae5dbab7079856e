package net.nsglobal.atlas.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.MeasurementQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atlas list}: measurements, newest pages followed until {@code --limit}; {@code --mine} lists the key owner's
 * own ({@code /measurements/my/}), which is how to find out whether a create whose answer was lost took effect.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List measurements (--mine: your own, e.g. to check whether a create took effect).")
final class ListCommand extends AtlasSubcommand {
    @Option(names = "--mine", description = "Only your own measurements (needs a key with \"List your measurements\")")
    boolean mine;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this type: dns, ping, traceroute, …")
    String type;

    @Option(names = "--status", paramLabel = "ID", description = "Only this status id (e.g. 2 = Ongoing, 4 = Stopped)")
    String status;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
            description = "At most N measurements, 0 = every page (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--page-size", defaultValue = "100", paramLabel = "N",
            description = "API page size, 1..500 (default: ${DEFAULT-VALUE})")
    int pageSize;

    @Override
    int run(AtlasClient client) {
        MeasurementQuery q = new MeasurementQuery(mine, Optional.ofNullable(type), Optional.ofNullable(status),
                pageSize, limit);
        Output o = new Output(out(), common.format,
                List.of("msm_id", "type", "status", "target", "start", "stop", "credits_per_result", "description"),
                10, 6, 12, 22, 21, 21, 19);
        long n = client.measurements(q, m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("msm_id", m.id());
            row.put("type", m.type());
            row.put("status", m.status());
            row.put("target", m.target());
            row.put("start", m.startTime() == null ? null : Instant.ofEpochSecond(m.startTime()).toString());
            row.put("stop", m.stopTime() == null ? null : Instant.ofEpochSecond(m.stopTime()).toString());
            row.put("credits_per_result", m.creditsPerResult());
            row.put("description", m.description());
            o.row(row);
        });
        err().printf("# %d measurement(s)%n", n);
        err().flush();
        return 0;
    }
}
