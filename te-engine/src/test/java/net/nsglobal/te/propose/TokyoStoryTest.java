package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.analyze.Regions;
import net.nsglobal.te.apply.Knobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's story on its fleet ({@code sites/} with {@code sites/demo/}): nrt1's Hurricane Electric transit draws
 * much of Europe to Tokyo over HE's peerings (peer routes beat the European sites' provider routes, so no prepend
 * moves them). The session experiments find nrt1 anomalous and learn its sessions; the optimizer's first proposal
 * stops nrt1 announcing to HE while nrt1 keeps its other sessions, and applied in the world (measured, not predicted)
 * it brings most of Europe's Tokyo probes to European sites and improves Europe's p90 inflation and share at the
 * optimal site. Held-out accuracy (site-level and session changes combined) and the experiment count are printed.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TokyoStoryTest {
    /** The demo's limits (launcher DemoEngine.LIMITS): the story's fix moves about half the probes. */
    static final Constraints LIMITS = new Constraints(0.60, 2, 0.02, 6000, 25);

    @TempDir Path dir;

    @Test
    void theFirstProposalStopsTokyoAnnouncingToHeAndEuropeReturns() throws Exception {
        SeedFleet f = SeedFleet.demo(dir);
        Experiments.Learned learned = f.learned;
        Predictor predictor = learned.predictor();
        List<String> ids = predictor.rtt().sites();
        assertThat(learned.levers()).as("session changes learned").isNotEmpty()
                .allMatch(c -> c.site().equals("nrt1"))
                .anyMatch(c -> c.session().equals("he") && !c.announce());
        assertThat(learned.experiments()).isEqualTo(2 * ids.size() + learned.sessionExperiments());
        assertThat(learned.sessionExperiments()).isLessThanOrEqualTo(3);
        Predictor.Accuracy acc = predictor.accuracy(f.runner, Experiments.heldOut(learned, 20, 7));
        System.out.println("experiments: " + learned.experiments() + " (" + (learned.experiments() - learned.sessionExperiments())
                + " site-level, " + learned.sessionExperiments() + " session: " + learned.levers().stream().map(SessionChange::action).toList() + ")");
        System.out.println("held-out accuracy: " + acc);

        Layout unlearned = predictor.baseline().withSession("nrt1", "ntt", new Knobs.Session(true, 2, List.of()));
        assertThatThrownBy(() -> predictor.predict(unlearned)).as("a session change no experiment learned")
                .hasMessageContaining("no session experiment learned nrt1 ntt: prepend 2");

        Optimizer opt = new Optimizer(predictor, f.sites, LIMITS, 2, acc.share(), learned.experiments());
        Candidate c = opt.propose(Layout.of(f.base, f.base)).orElseThrow();
        c.reasons().forEach(r -> System.out.println("  why: " + r));
        Knobs nrt1 = c.knobs().get("nrt1");
        assertThat(nrt1).as("the proposal changes nrt1").isNotNull();
        assertThat(nrt1.session("he").announce()).as("nrt1 stops announcing to HE").isFalse();
        assertThat(nrt1.session("ntt").announce()).as("nrt1 keeps NTT").isTrue();
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("nrt1 stops announcing to AS6939"));

        Map<String, Knobs> after = new LinkedHashMap<>(f.base);
        after.putAll(c.knobs());
        Map<Integer, String> was = f.runner.catchment(f.base), now = f.runner.catchment(after);
        int europeAtNrt1Before = 0, europeAtNrt1After = 0;
        for (Probe p : f.probes) {
            if (!"EU".equals(Regions.of(p.countryCode()).orElse(null))) continue;
            if ("nrt1".equals(was.get(p.id()))) europeAtNrt1Before++;
            if ("nrt1".equals(now.get(p.id()))) europeAtNrt1After++;
        }
        System.out.println("European probes at nrt1, measured: " + europeAtNrt1Before + " → " + europeAtNrt1After);
        assertThat(europeAtNrt1After).isLessThan(europeAtNrt1Before / 10);
        assertThat(now.values()).as("nrt1 still serves").contains("nrt1");

        List<RegionSummary> before = OptimizerTest.measured(f, opt, f.base), end = OptimizerTest.measured(f, opt, after);
        OptimizerTest.print("measured", before, end);
        RegionSummary eb = row(before, "EU"), ea = row(end, "EU");
        assertThat(ea.p90InflationMs()).isLessThan(eb.p90InflationMs());
        assertThat(ea.shareAtOptimal()).isGreaterThan(eb.shareAtOptimal());
        assertThat(end.get(0).shareAtOptimal()).isGreaterThan(before.get(0).shareAtOptimal());
    }

    static RegionSummary row(List<RegionSummary> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
