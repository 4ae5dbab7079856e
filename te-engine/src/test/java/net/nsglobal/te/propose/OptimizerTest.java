package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The optimizer on the seed fleet's simulated world: its proposals, applied one after the other and measured in the
 * world (not predicted), improve the overall p90 inflation and share at the optimal site against the unoptimised
 * fleet. Per-region figures, predicted and measured, are printed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OptimizerTest {
    static final Constraints LIMITS = new Constraints(0.60, 2, 0.02, 1500, 25);

    @Test
    void appliedProposalsImproveP90InflationAndShareAtOptimal() throws Exception {
        SeedFleet f = new SeedFleet();
        Predictor predictor = f.learned.predictor();
        Predictor.Accuracy acc = predictor.accuracy(f.runner, Experiments.heldOut(predictor.baseline(), f.learned.groups(), 20, 7));
        Optimizer opt = new Optimizer(predictor, f.sites, LIMITS, 2, acc.share(), f.learned.experiments());
        List<String> ids = predictor.rtt().sites();

        Map<String, Knobs> config = new LinkedHashMap<>(f.base);
        List<RegionSummary> baseline = measured(f, opt, config);
        int applied = 0;
        for (int round = 0; round < 3; round++) {
            Optional<Candidate> c = opt.propose(Layout.of(config, f.base));
            if (c.isEmpty()) break;
            Candidate cand = c.get();
            assertThat(cand.predictedBefore().get(0).key()).isEqualTo("ALL");
            assertThat(cand.experimentsUsed()).isEqualTo(f.learned.experiments()).isLessThanOrEqualTo(2 * ids.size() + f.learned.sessionExperiments());
            assertThat(cand.reasons()).isNotEmpty();
            int moved = cand.moved().stream().mapToInt(MovedNetwork::probes).sum();
            assertThat(moved).isPositive().isLessThanOrEqualTo(LIMITS.maxMovedProbes());
            List<RegionSummary> before = measured(f, opt, config);
            config.putAll(cand.knobs());
            applied++;
            List<RegionSummary> after = measured(f, opt, config);
            // What the change did is passive history from now on.
            predictor.observe(Layout.of(config, f.base), f.runner.catchment(config));
            System.out.println("proposal " + applied + ": " + Layout.of(config, f.base) + ", predicted to move " + moved
                    + " probes; accuracy " + cand.predictionAccuracy() + ", experiments " + cand.experimentsUsed());
            cand.reasons().forEach(r -> System.out.println("  why: " + r));
            cand.moved().stream().limit(5).forEach(m -> System.out.println("  moves: " + m));
            print("predicted", cand.predictedBefore(), cand.predictedAfter());
            print("measured", before, after);
        }
        List<RegionSummary> end = measured(f, opt, config);
        System.out.println("after " + applied + " applied proposals, measured against the unoptimised fleet:");
        print("measured", baseline, end);
        assertThat(applied).isPositive();
        assertThat(end.get(0).p90InflationMs()).isLessThan(baseline.get(0).p90InflationMs());
        assertThat(end.get(0).shareAtOptimal()).isGreaterThan(baseline.get(0).shareAtOptimal());
    }

    @Test
    void whenALimitHoldsEveryChangeBackTheOptimizerSaysWhichAndWhy() throws Exception {
        SeedFleet f = new SeedFleet();
        Predictor predictor = f.learned.predictor();
        // No change may move more than one probe: the gains the test above takes are all held back.
        Optimizer opt = new Optimizer(predictor, f.sites, new Constraints(0.60, 2, 0.02, 1, 25), 2, Double.NaN,
                f.learned.experiments());
        Layout current = Layout.of(f.base, f.base);
        assertThat(opt.propose(current)).isEmpty();
        String why = opt.whyNothing(current, 3);
        System.out.println("why nothing: " + why);
        assertThat(why).startsWith("cost now ").contains("single changes the cheapest: ")
                .contains("probes move, more than 1");
        assertThat(why.split("; ")).hasSize(4);
    }

    static List<RegionSummary> measured(SeedFleet f, Optimizer opt, Map<String, Knobs> config) throws Exception {
        Map<Integer, String> c = f.runner.catchment(config);
        List<String> ids = f.rtt.sites();
        int[] at = new int[f.probes.size()];
        for (int p = 0; p < at.length; p++) {
            String s = c.get(f.probes.get(p).id());
            at[p] = s == null ? -1 : ids.indexOf(s);
        }
        return opt.objective().summaries(at);
    }

    static void print(String what, List<RegionSummary> before, List<RegionSummary> after) {
        System.out.println("  " + what + ": region  probes  p90 inflation ms before → after  share at optimal before → after");
        for (int i = 0; i < before.size(); i++) {
            RegionSummary b = before.get(i), a = after.get(i);
            System.out.printf("    %-4s %6d   %7.1f → %7.1f   %5.1f%% → %5.1f%%%n", b.key(), b.probes(), b.p90InflationMs(),
                    a.p90InflationMs(), 100 * b.shareAtOptimal(), 100 * a.shareAtOptimal());
        }
    }
}
