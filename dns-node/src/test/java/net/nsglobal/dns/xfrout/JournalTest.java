package net.nsglobal.dns.xfrout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** IXFR history: chains from any kept serial, forgets across gaps and beyond its size bound. */
class JournalTest {
    static final Name Z = Name.fromConstantString("victim.example.");

    static Diff d(long from, long to) throws Exception {
        return new Diff(HostilePrimaryTest.soa(from), HostilePrimaryTest.soa(to), List.of(),
                List.of(HostilePrimaryTest.a("h" + to + ".victim.example.", (int) to)));
    }

    @Test
    void chainsGapsAndBounds() throws Exception {
        Journal j = new Journal(9);
        j.append(Z, List.of(d(1, 2), d(2, 3)));
        j.append(Z, List.of(d(3, 4)));
        assertThat(j.since(Z, 2, 4)).hasSize(2);
        assertThat(j.since(Z, 1, 4)).hasSize(3);
        assertThat(j.since(Z, 7, 4)).isNull();
        assertThat(j.since(Z, 1, 5)).isNull();
        j.append(Z, List.of(d(4, 5))); // 4 diffs x 3 records > 9: the oldest ages out
        assertThat(j.since(Z, 1, 5)).isNull();
        assertThat(j.since(Z, 2, 5)).hasSize(3);
        j.append(Z, List.of(d(9, 10))); // a gap: older history no longer leads here
        assertThat(j.since(Z, 4, 10)).isNull();
        assertThat(j.since(Z, 9, 10)).hasSize(1);
    }
}
