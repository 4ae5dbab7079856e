package net.nsglobal.te.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nsglobal te}: the traffic-engineering engine's commands. */
@Command(name = "te", mixinStandardHelpOptions = true,
        description = "Traffic engineering: the simulated world's catchment and RTT, its calibration.",
        subcommands = {PredictCommand.class, CalibrateCommand.class, WorldSitesCommand.class})
public final class TeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
