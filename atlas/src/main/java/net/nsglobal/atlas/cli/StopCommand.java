package net.nsglobal.atlas.cli;

import java.util.List;
import net.nsglobal.atlas.api.AtlasClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atlas stop ID…}: stops measurements ({@code DELETE /measurements/{id}/}); their results stay readable. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop measurements (they stop spending credits; their results stay readable).")
final class StopCommand extends AtlasSubcommand {
    @Parameters(arity = "1..*", paramLabel = "MSM", description = "Measurement ids")
    List<Long> ids;

    @Override
    int run(AtlasClient client) {
        for (long id : ids) {
            client.stop(id);
            out().println("stopped " + id);
            out().flush();
        }
        return 0;
    }
}
