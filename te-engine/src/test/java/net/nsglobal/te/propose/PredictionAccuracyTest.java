package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Prediction on the seed fleet's simulated world, judged on configurations the predictor did not learn from: random
 * one-to-three-site changes (prepend 1…3 or withdraw) from the configured fleet, measured in the world. The goal
 * is 95% of probes right (AnyOpt reports 94.7%) with at most 2 × sites experiments.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PredictionAccuracyTest {
    @Test
    void predictsHeldOutChangesAndUsesAtMostTwoExperimentsPerSite() throws Exception {
        SeedFleet f = new SeedFleet();
        Experiments.Learned l = f.learned;
        System.out.println("groups " + l.groups() + ", experiments " + l.experiments() + " (session: " + l.levers().stream().map(c -> c.site() + " " + c.action()).toList() + "), dropped constraints "
                + l.predictor().model().dropped());
        assertThat(l.experiments() - l.sessionExperiments()).as("site-level experiments").isLessThanOrEqualTo(2 * f.sites.size());
        List<Layout> held = Experiments.heldOut(l.predictor().baseline(), l.groups(), 40, 7);
        Predictor.Accuracy a = l.predictor().accuracy(f.runner, held);
        System.out.println("held-out accuracy: " + a);
        // Deterministic (routing, RTT seed 1, held-out seed 7): measured 98.80% overall, 88.10% of the probes that
        // moved; the naive "nobody moves" scores 89.94%. The margins below are small on purpose.
        assertThat(a.share()).isGreaterThan(0.985);
        assertThat(a.movedShare()).isGreaterThan(0.87);
        assertThat(a.share()).isGreaterThan(a.naiveShare() + 0.05);
    }
}
