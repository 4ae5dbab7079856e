package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import org.junit.jupiter.api.Test;

/**
 * Ten probes in the Netherlands, three sites at 10, 50 and 100 ms from all of them; half at a, half at b before.
 * Each constraint is broken by one change, and a change within all of them passes.
 */
class ConstraintsTest {
    final List<String> ids = List.of("a", "b", "c");
    final List<Probe> probes = new ArrayList<>();
    final Objective objective;
    final int[] before = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    ConstraintsTest() throws Exception {
        double[][] ms = new double[10][];
        for (int i = 0; i < 10; i++) {
            probes.add(new Probe(i + 1, 100, null, "NL", 4.9, 52.4, "Connected", false, null));
            ms[i] = new double[] {10, 50, 100};
        }
        List<Site> sites = new ArrayList<>();
        for (String id : ids) {
            sites.add(new Site(id, id, "NL", 52.3, 4.8, (java.net.Inet4Address) InetAddress.getByName("192.0.2." + (sites.size() + 1)),
                    Optional.empty(), List.of(), 64500, List.of()));
        }
        objective = new Objective(probes, new UnicastRtt(ids, ms), sites);
    }

    static int[] moved(int[] from, int count, int to) {
        int[] a = Arrays.copyOf(from, from.length);
        for (int i = 0, n = 0; i < a.length && n < count; i++) if (a[i] != to) { a[i] = to; n++; }
        return a;
    }

    @Test
    void eachConstraintIsBrokenByTheChangeThatBreaksIt() {
        Constraints loose = new Constraints(1.0, 1, 0.05, 10, 1000);
        assertThat(loose.violation(objective, ids, before, before, moved(before, 3, 0))).isEmpty();

        assertThat(new Constraints(1.0, 1, 0.05, 2, 1000).violation(objective, ids, before, before, moved(before, 3, 0)))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo("3 probes move, more than 2"));
        assertThat(new Constraints(0.6, 1, 0.05, 10, 1000).violation(objective, ids, before, before, moved(before, 3, 0)))
                .hasValueSatisfying(v -> assertThat(v).startsWith("a would take 80.0% of the probes"));
        assertThat(new Constraints(1.0, 2, 0.25, 10, 1000).violation(objective, ids, before, before, moved(before, 4, 0)))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo("EU would be served by 1 sites, fewer than 2"));
        // All to c: EU's p90 inflation goes from 40 to 90 ms and its share at optimal from 50% to 0: +100.
        assertThat(new Constraints(1.0, 1, 0.05, 10, 99).violation(objective, ids, before, before, moved(before, 10, 2)))
                .hasValueSatisfying(v -> assertThat(v).startsWith("EU would be worse than the reference by 100.0"));
        assertThat(new Constraints(1.0, 1, 0.05, 10, 100).violation(objective, ids, before, before, moved(before, 10, 2))).isEmpty();
    }

    @Test
    void theObjectiveIsP90InflationPlusPointsNotAtOptimal() {
        Objective.Score s = objective.score(before);
        assertThat(s.p90InflationMs()).isEqualTo(40.0);
        assertThat(s.shareAtOptimal()).isEqualTo(0.5);
        // ALL and EU are the same ten probes: 40 + 50 each, halved and summed.
        assertThat(s.cost()).isEqualTo(90.0);
        assertThat(objective.summaries(before).get(0).key()).isEqualTo("ALL");
        assertThat(objective.summaries(before).get(0).p90InflationMs()).isEqualTo(40.0);
    }
}
