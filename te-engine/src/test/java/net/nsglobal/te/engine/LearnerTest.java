package net.nsglobal.te.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.measure.MemoryStoreAccess;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.ProposalStore;
import net.nsglobal.te.propose.Proposals;
import net.nsglobal.te.propose.UnicastRtt;
import org.junit.jupiter.api.Test;

/**
 * When the learn job experiments: only with the operator's consent, not while a proposal is in flight, once for a
 * model that still fits, and again when the probe set or what the fleet runs no longer fits it. The experiments are
 * counted by a runner that answers every probe with its nearest announcing site.
 */
class LearnerTest {
    final List<Site> sites;
    final List<String> ids;
    final List<Map<String, Knobs>> experiments = new ArrayList<>();
    final List<Proposal> proposals = new ArrayList<>();

    LearnerTest() throws Exception {
        sites = Sites.load(Path.of("..", "sites")).all().stream().filter(s -> List.of("ams1", "nrt1", "iad1").contains(s.id())).toList();
        ids = sites.stream().map(Site::id).toList();
    }

    /** Probes {@code from}…{@code to}, the first third nearest ams1, then nrt1, then iad1. */
    Vantage.Points points(int from, int to) {
        List<Probe> probes = new ArrayList<>();
        double[][] ms = new double[to - from][3];
        for (int i = from; i < to; i++) {
            probes.add(new Probe(i, 64500 + i % 7, null, "NL", 4.9, 52.3, "Connected", false, null));
            for (int s = 0; s < 3; s++) ms[i - from][s] = s == i % 3 ? 10 : 80 + 10 * s;
        }
        return new Vantage.Points(probes, new UnicastRtt(ids, ms));
    }

    Learner learner(EngineSettings settings, Fleet fleet, Vantage vantage) {
        return new Learner(fleet, config -> {
            experiments.add(config);
            Map<Integer, String> out = new HashMap<>();
            for (Probe p : vantage.points(ids).orElseThrow().probes()) {
                String nearest = ids.get(p.id() % 3);
                if (config.get(nearest).sessions().values().iterator().next().announce()) out.put(p.id(), nearest);
                else out.put(p.id(), ids.get((p.id() + 1) % 3));
            }
            return out;
        }, vantage, new Proposals() {
            public List<Proposal> list(int limit) { return proposals; }
            public Optional<Proposal> find(long id) { return Optional.empty(); }
            public List<ProposalStore.ProbeSites> probes(long id) { return List.of(); }
            public ProposalState.Transition approve(long id, String o, String r) { throw new UnsupportedOperationException(); }
            public ProposalState.Transition reject(long id, String o, String r) { throw new UnsupportedOperationException(); }
            public boolean autoApply() { return false; }
        }, settings, EngineJobs.LIMITS);
    }

    static EngineSettings consent(boolean on) {
        EngineSettings d = EngineSettings.defaults();
        return new EngineSettings(d.lifecycle(), d.proposalInterval(), d.verifyInterval(), on, 0, 0.2,
                d.experimentSettle(), d.experimentWait(), d.timing(), Map.of());
    }

    Fleet fleet() {
        return new Fleet(sites, (site, knobs) -> new ChangeApplier.Outcome.Applied("ok"), MemoryStoreAccess.store(), Clock.systemUTC());
    }

    @Test
    void withoutConsentNothingIsLearned() throws Exception {
        Vantage.Points[] now = {points(0, 30)};
        Learner l = learner(consent(false), fleet(), s -> Optional.of(now[0]));
        l.run();
        assertThat(experiments).isEmpty();
        assertThat(l.model()).isEmpty();
    }

    @Test
    void learnsOnceThenAgainWhenTheProbesOrTheFleetNoLongerFit() throws Exception {
        Vantage.Points[] now = {points(0, 30)};
        Fleet fleet = fleet();
        Learner l = learner(consent(true), fleet, s -> Optional.of(now[0]));

        l.run();
        int first = experiments.size();
        assertThat(first).as("baseline + 4 per group (one triple of 3 sites)").isEqualTo(1 + 4);
        assertThat(l.model()).isPresent();

        l.run();
        now[0] = points(5, 35); // 5 of 30 new: 17 % ≤ 20 %
        l.run();
        assertThat(experiments).as("the model still fits").hasSize(first);

        now[0] = points(10, 40); // 10 of 30 new: 33 %
        l.run();
        assertThat(experiments).as("learned again for the new probes").hasSize(2 * first);

        Site ams1 = sites.stream().filter(s -> s.id().equals("ams1")).findFirst().orElseThrow();
        String a = ams1.neighbors().get(0).name(), b = ams1.neighbors().get(1).name();
        fleet.applier().apply("ams1", Knobs.of(ams1).withPrepend(a, 3).withPrepend(b, 0)); // per session: unpredictable
        l.run();
        assertThat(l.model()).as("dropped: it cannot predict what ams1 runs").isEmpty();
        assertThat(experiments).as("and no experiment starts from per-session knobs").hasSize(2 * first);

        Knobs uniform = Knobs.of(ams1);
        for (var n : ams1.neighbors()) uniform = uniform.withPrepend(n.name(), 1);
        fleet.applier().apply("ams1", uniform);
        l.run();
        assertThat(experiments).as("learned again from what the fleet runs").hasSize(3 * first);
        assertThat(experiments.get(2 * first).get("ams1")).isEqualTo(uniform);
        assertThat(l.model()).isPresent();
    }
}
