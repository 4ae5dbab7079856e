package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.NeighborKind;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.world.rtt.RttModel;
import org.junit.jupiter.api.Test;

class SimulatedWorldTest {
    static final long US = 64500;

    static Site site(String id, String cc, double lat, double lon) throws Exception {
        return new Site(id, id, cc, lat, lon, (java.net.Inet4Address) InetAddress.getByName("192.0.2." + (id.charAt(0) - 'a' + 1)),
                Optional.empty(), List.of(), US, List.of());
    }

    static Probe probe(int id, int as, String cc, double lat, double lon) {
        return new Probe(id, as, null, cc, lon, lat, "Connected", false, null);
    }

    static Announcement transit(String site, long as) {
        return new Announcement(site, "t" + as, as, NeighborKind.TRANSIT, 0, true);
    }

    // Transit 10 at both sites (a: Amsterdam, b: Singapore); probes in ASes 20 (Europe) and 30 (Asia), both 10's customers.
    final List<Site> sites;
    final List<Probe> probes = List.of(probe(1, 20, "NL", 52.0, 5.0), probe(2, 30, "SG", 1.3, 103.8), probe(3, 99, "NL", 52.0, 5.0));
    final AsGraph graph = AsGraph.parse("10|20|-1\n10|30|-1\n");

    SimulatedWorldTest() throws Exception {
        sites = List.of(site("ams", "NL", 52.3, 4.9), site("sin", "SG", 1.35, 103.99));
    }

    @Test
    void aNeighbourHeardAtSeveralSitesDeliversToTheSiteNearestTheProbe() {
        SimulatedWorld w = new SimulatedWorld(new Routing(graph), US, sites, probes,
                () -> List.of(transit("ams", 10), transit("sin", 10)), RttModel.fitted());
        assertThat(w.siteOf(1)).contains("ams");
        assertThat(w.siteOf(2)).as("Routing alone would pick ams, the first site id").contains("sin");
        assertThat(w.siteOf(3)).as("AS not in the graph").isEmpty();
        assertThat(w.siteOf(42)).as("unknown probe").isEmpty();
    }

    @Test
    void theCatchmentFollowsTheSuppliedAnnouncements() {
        AtomicReference<List<Announcement>> anns = new AtomicReference<>(List.of(transit("ams", 10), transit("sin", 10)));
        SimulatedWorld w = new SimulatedWorld(new Routing(graph), US, sites, probes, anns::get, RttModel.fitted());
        assertThat(w.siteOf(2)).contains("sin");
        anns.set(List.of(transit("ams", 10), transit("sin", 10).withdrawn()));
        assertThat(w.siteOf(2)).contains("ams");
        anns.set(List.of(transit("ams", 10).withdrawn(), transit("sin", 10).withdrawn()));
        assertThat(w.siteOf(1)).isEmpty();
    }

    @Test
    void rttSamplesAreDeterministicPerSeedAndGrowWithDistance() {
        SimulatedWorld w = new SimulatedWorld(new Routing(graph), US, sites, probes, () -> List.of(transit("ams", 10)), RttModel.fitted());
        double near = w.rttMs(1, "ams", 7).orElseThrow(), far = w.rttMs(1, "sin", 7).orElseThrow();
        assertThat(w.rttMs(1, "ams", 7).orElseThrow()).isEqualTo(near);
        assertThat(w.rttMs(1, "ams", 8).orElseThrow()).isNotEqualTo(near);
        // 10,500 km there and back is at least 105 ms at fibre speed.
        assertThat(far).isGreaterThan(105).isGreaterThan(near);
        assertThat(w.rttMs(1, "nowhere", 7)).isEmpty();
        assertThat(w.rttMs(42, "ams", 7)).isEmpty();
    }
}
