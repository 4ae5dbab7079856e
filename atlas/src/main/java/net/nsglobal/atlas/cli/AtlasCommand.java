package net.nsglobal.atlas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code nsglobal atlas}: RIPE Atlas operator commands (placeholder). */
@Command(name = "atlas", mixinStandardHelpOptions = true, description = "RIPE Atlas: probes, catchment, results, credits.")
public final class AtlasCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("atlas: not implemented yet");
        return 1;
    }
}
