package net.nsglobal.te.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.nsglobal.te.world.Probes;
import net.nsglobal.te.world.rtt.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nsglobal te calibrate}: refits the RTT model against the country-pair statistics and prints the source of
 * {@code FittedConstants.java} (stdout) and the calibration error (stderr).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Refit the RTT model; prints FittedConstants.java (stdout) and its error (stderr).")
final class CalibrateCommand implements Callable<Integer> {
    static final String COMMAND = "./nsglobal te calibrate > te-engine/src/main/java/net/nsglobal/te/world/rtt/FittedConstants.java";

    @Option(names = "--latency", paramLabel = "FILE", description = "country-pair RTT statistics (default: shared/data/" + DataFiles.LATENCY + ")")
    Path latency;

    @Option(names = "--probes", paramLabel = "FILE", description = "probe list giving each country's vantage points (default: shared/data/" + DataFiles.PROBES + ")")
    Path probes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try {
            Calibration.Fit fit = Calibration.fit(
                    Calibration.readPairs(latency != null ? latency : DataFiles.file(DataFiles.LATENCY)),
                    Probes.read(probes != null ? probes : DataFiles.file(DataFiles.PROBES)));
            out.print(Calibration.javaSource(fit, COMMAND));
            out.flush();
            err.printf("te calibrate: %d country pairs; stretch %.3f (%.4f ms/km); base access %.1f ms; path sigma %.3f%n"
                    + "  in sample:       %s%n  cross-validated: %s%n", fit.pairs(), fit.model().stretch(), fit.msPerKm(),
                    fit.baseAccessMs(), fit.pathSigma(), fit.inSample(), fit.crossValidated());
            err.flush();
            return 0;
        } catch (IOException e) {
            err.println("te calibrate: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
