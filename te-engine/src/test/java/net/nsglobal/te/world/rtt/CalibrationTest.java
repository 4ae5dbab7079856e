package net.nsglobal.te.world.rtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.Probes;
import net.nsglobal.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shipped constants are what the documented procedure fits to the shared data (so they cannot drift from the
 * command that refits them), and their calibration error is the one docs/te-world.md reports.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CalibrationTest {
    @Test
    void theShippedConstantsAreTheFitOfTheSharedDataAndTheirErrorIsTheDocumentedOne() throws Exception {
        List<Calibration.Pair> pairs = Calibration.readPairs(SharedData.file("latency/country_rtt_stat_ripeatlas_2025.csv.gz"));
        List<Probe> probes = Probes.read(SharedData.file("probes/ripe_atlas_probes_2023-04_connected.jsonl.gz"));
        Calibration.Fit fit = Calibration.fit(pairs, probes);
        String shipped = Files.readString(Path.of("src/main/java/net/nsglobal/te/world/rtt/FittedConstants.java"));
        assertThat(Calibration.javaSource(fit, "./nsglobal te calibrate > te-engine/src/main/java/net/nsglobal/te/world/rtt/FittedConstants.java"))
                .as("FittedConstants.java is the output of te calibrate").isEqualTo(shipped);
        System.out.println("calibration: " + fit.pairs() + " pairs; in sample " + fit.inSample() + "; cross-validated " + fit.crossValidated());
        assertThat(fit.pairs()).isEqualTo(5757);
        Calibration.Error shippedError = Calibration.errorOf(RttModel.fitted(), pairs, probes);
        assertThat(shippedError.medianRel()).isLessThan(0.12);
        System.out.println("calibration: shipped constants " + shippedError);
        assertThat(shippedError.p90Rel()).isLessThan(0.49);
        assertThat(fit.crossValidated().medianRel()).isLessThan(0.13);
        // Stretch over fibre's great circle within the range measurement studies report (about 1.2–2).
        assertThat(RttModel.fitted().stretch()).isBetween(1.1, 2.0);
    }

    @Test
    void theModelNeverBeatsLightInFibreAndAddsBordersOnlyAcrossThem() {
        RttModel m = new RttModel(0.0125, 5, java.util.Map.of("ZA", 3.0), 10, java.util.Map.of("ZA", 70.0), 0.2, 0.03);
        assertThat(m.meanMs(1000, "ZA", "ZA")).isEqualTo(3 + 3 + 12.5);
        assertThat(m.meanMs(1000, "ZA", "NL")).isEqualTo(3 + 5 + 12.5 + 70 + 10);
        RttModel fast = new RttModel(0.01, -50, java.util.Map.of(), 0, java.util.Map.of(), 0.5, 0.03);
        for (long seed = 0; seed < 200; seed++) {
            assertThat(fast.sampleMs(1, 0, 0, "NL", "x", 0, 90, "SG", seed)).isGreaterThanOrEqualTo(2 * 10_007.5 / 200);
        }
    }
}
