package net.nsglobal.atlas.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nsglobal atlas}: RIPE Atlas operator commands. The environment is injectable so tests can run the
 * commands without touching the real {@code RIPE_ATLAS_KEY}.
 */
@Command(name = "atlas", mixinStandardHelpOptions = true,
        description = "RIPE Atlas: probes, catchment, results, list, stop, credits.",
        subcommands = {ProbesCommand.class, CatchmentCommand.class, ResultsCommand.class, ListCommand.class,
                StopCommand.class, CreditsCommand.class})
public final class AtlasCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    public AtlasCommand() {
        this(System.getenv());
    }

    public AtlasCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
