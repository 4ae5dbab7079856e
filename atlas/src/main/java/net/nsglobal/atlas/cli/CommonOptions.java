package net.nsglobal.atlas.cli;

import java.nio.file.Path;
import java.util.Map;
import net.nsglobal.atlas.api.AtlasConfig;
import picocli.CommandLine.Option;

/** Options every {@code atlas} subcommand takes. */
public final class CommonOptions {
    @Option(names = "--api-url", paramLabel = "URL",
            description = "RIPE Atlas API base URL (default: $RIPE_ATLAS_API_URL, atlas.api-url of --config, else "
                    + AtlasConfig.DEFAULT_API_URL + ")")
    String apiUrl;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output: aligned table, or JSON with one object per line (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Process file whose atlas: section gives api-key, api-url, timeouts, retries "
                    + "(docs/configuration.md; the key may also come from $RIPE_ATLAS_KEY)")
    Path config;

    @Option(names = "--deadline", paramLabel = "DURATION",
            description = "Longest one request may wait to be retried, e.g. 90s, 10m (default: atlas.deadline of "
                    + "--config, else 10m); a server asking to wait longer is given up on with a message")
    String deadline;

    AtlasConfig resolve(Map<String, String> env) {
        AtlasConfig c = AtlasConfig.resolve(apiUrl, config, env);
        return deadline == null ? c : c.withDeadline(Durations.parse("--deadline", deadline));
    }
}
