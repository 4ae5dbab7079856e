package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.NeighborKind;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.world.AsGraph;
import net.nsglobal.te.world.Routing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The learner on a world small enough to work out by hand. Four sites: ams and sin buy transit from AS10, fra and
 * nrt from AS20 (10 and 20 peer), and fra also peers directly with AS600. Probes: AS100 (customer of 10) in the
 * Netherlands and Singapore, AS200 (customer of 20) in Germany and Japan, AS300 (customer of both) in the
 * Netherlands, AS400 (customer of 100) in France, AS500 (customer of 20) in the Netherlands, AS600 (our peer at
 * fra, customer of 10) in Germany. Within one transit the sites tie and the nearest wins (hot potato), so a probe's
 * second choice is its transit's other site; AS600's peer route outranks any provider route, so no prepend moves it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LearnerTest {
    static final Cidr V4 = Cidr.of("198.51.100.0/24");
    static final AsGraph GRAPH = AsGraph.parse("10|20|0\n10|100|-1\n20|200|-1\n10|300|-1\n20|300|-1\n100|400|-1\n20|500|-1\n10|600|-1\n");

    static Site site(String id, String cc, double lat, double lon, int n, long... ases) throws Exception {
        List<Neighbor> ns = new ArrayList<>();
        for (long as : ases) {
            ns.add(new Neighbor("as" + as, as, InetAddress.getByName("203.0.113." + (n * 10 + ns.size())),
                    as == 600 ? NeighborKind.PEER : NeighborKind.TRANSIT, 0, List.of(), List.of()));
        }
        return new Site(id, id, cc, lat, lon, (java.net.Inet4Address) InetAddress.getByName("192.0.2." + n), Optional.empty(),
                List.of(V4), 64500, ns);
    }

    static Probe probe(int id, int as, String cc, double lat, double lon) {
        return new Probe(id, as, null, cc, lon, lat, "Connected", false, null);
    }

    final List<Site> sites;
    final List<Probe> probes = List.of(probe(1, 100, "NL", 52.37, 4.90), probe(2, 100, "SG", 1.30, 103.80),
            probe(3, 200, "DE", 50.00, 8.60), probe(4, 200, "JP", 35.60, 139.60), probe(5, 300, "NL", 51.90, 4.50),
            probe(6, 400, "FR", 48.85, 2.35), probe(7, 500, "NL", 52.09, 5.12), probe(8, 600, "DE", 52.52, 13.40));

    LearnerTest() throws Exception {
        sites = List.of(site("ams", "NL", 52.31, 4.76, 1, 10), site("fra", "DE", 50.11, 8.68, 2, 20, 600),
                site("nrt", "JP", 35.68, 139.77, 3, 20), site("sin", "SG", 1.35, 103.99, 4, 10));
    }

    @Test
    void recoversEachProbesFirstAndSecondChoiceAndItsPrependMarginWithAtMostTwoExperimentsPerSite() throws Exception {
        Map<String, Knobs> base = new LinkedHashMap<>();
        for (Site s : sites) base.put(s.id(), Knobs.of(s));
        WorldExperimentRunner runner = new WorldExperimentRunner(new Routing(GRAPH), sites, probes, V4);
        UnicastRtt rtt = UnicastRtt.measure(runner.world(), probes, sites.stream().map(Site::id).toList(), 1);
        Experiments.Learned learned = Experiments.learn(runner, sites, probes, base, rtt);
        assertThat(learned.experiments()).isLessThanOrEqualTo(2 * sites.size());
        assertThat(runner.runs()).as("experiments + the passive baseline").isEqualTo(learned.experiments() + 1);
        // No two sites with a transit in common are swept together: each would hide the other as second choice.
        assertThat(learned.groups()).containsExactlyInAnyOrder(List.of("ams", "nrt"), List.of("fra", "sin"));

        // The truth, from a runner the learner never saw: withdraw the winner until nothing answers; and the least
        // prepend on the first choice alone that moves the probe (0: none does).
        WorldExperimentRunner truth = new WorldExperimentRunner(new Routing(GRAPH), sites, probes, V4);
        Predictor predictor = learned.predictor();
        Layout all = Layout.all(base.keySet());
        for (int p = 0; p < probes.size(); p++) {
            int id = probes.get(p).id();
            List<String> order = new ArrayList<>();
            Layout l = all;
            for (String w; (w = truth.catchment(l.knobs(base)).get(id)) != null; l = l.without(w)) order.add(w);
            int leaves = 0;
            for (int k = 3; k >= 1; k--) if (!order.get(0).equals(truth.catchment(all.with(order.get(0), k).knobs(base)).get(id))) leaves = k;
            assertThat(predictor.model().ranking(p, rtt.of(p)).subList(0, 2)).as("probe " + id + " order " + order).isEqualTo(order.subList(0, 2));
            assertThat(predictor.model().leavesAt(p)).as("probe " + id + " leaves " + order.get(0) + " at prepend").isEqualTo(leaves);
        }
        assertThat(predictor.model().leavesAt(7)).as("AS600 holds our peer route at fra whatever the prepend").isZero();
        assertThat(predictor.model().leavesAt(0)).as("AS100 in NL: sin ties with ams at AS10 until ams is prepended").isEqualTo(1);

        // Every single-site change, predicted, is what the world does.
        for (String s : base.keySet()) {
            for (int option = -1; option <= 3; option++) {
                Layout l = option < 0 ? all.without(s) : all.with(s, option);
                Map<Integer, String> measured = truth.catchment(l.knobs(base));
                String[] predicted = predictor.predict(l);
                for (int p = 0; p < probes.size(); p++) {
                    assertThat(predicted[p]).as(l + " probe " + probes.get(p).id()).isEqualTo(measured.get(probes.get(p).id()));
                }
            }
        }
        assertThat(predictor.model().dropped()).isZero();
    }
}
