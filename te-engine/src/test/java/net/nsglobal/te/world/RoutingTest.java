package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.sites.NeighborKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Small worlds worked out by hand. Graphs use CAIDA's text form ({@code provider|customer|-1}, {@code peer|peer|0});
 * our AS is 64500.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RoutingTest {
    static final long US = 64500;

    static Announcement transit(String site, long as) {
        return new Announcement(site, "t" + as, as, NeighborKind.TRANSIT, 0, true);
    }

    static Announcement peer(String site, long as) {
        return new Announcement(site, "p" + as, as, NeighborKind.PEER, 0, true);
    }

    static Catchment run(String graph, List<Announcement> anns) {
        AsGraph g = AsGraph.parse(graph);
        Catchment c = new Routing(g).compute(US, anns);
        assertThat(RoutingOracle.violations(g, US, anns, c)).as("routes not in equilibrium").isEmpty();
        return c;
    }

    @Test
    void aCustomerRouteBeatsAShorterPeerRoute() {
        // 1 ─ provider of ─ 2 ─ provider of ─ 3 ─ our transit (site a); 1 also peers with us at site b; 4 peers with 1.
        String g = "1|2|-1\n2|3|-1\n1|4|0\n";
        Catchment c = run(g, List.of(transit("a", 3), peer("b", 1)));
        var r1 = c.route(1).orElseThrow();
        assertThat(r1.relation()).isEqualTo(Relation.CUSTOMER);
        assertThat(r1.site()).isEqualTo("a");
        assertThat(c.asPath(1)).containsExactly(2L, 3L, US);
        // 1 exports its customer route to its peer 4, not the peer route it ignored.
        assertThat(c.route(4).orElseThrow().site()).isEqualTo("a");
        assertThat(c.asPath(4)).containsExactly(1L, 2L, 3L, US);
    }

    @Test
    void aPeerRouteGoesToCustomersOnlyNeverToAnotherPeerOrAProvider() {
        // 2 is our transit; 9 peers with 2, 3 peers with 9, 4 is 9's provider, 5 is 9's customer. (9 sorts after 2,
        // so a pass that let peer routes travel on would see 9's before it reaches 3.)
        String g = "9|2|0\n9|3|0\n4|9|-1\n9|5|-1\n";
        Catchment c = run(g, List.of(transit("a", 2)));
        assertThat(c.route(9).orElseThrow().relation()).isEqualTo(Relation.PEER);
        assertThat(c.route(3)).as("peer of a peer").isEmpty();
        assertThat(c.route(4)).as("provider of a peer").isEmpty();
        var r5 = c.route(5).orElseThrow();
        assertThat(r5.relation()).isEqualTo(Relation.PROVIDER);
        assertThat(c.asPath(5)).containsExactly(9L, 2L, US);
        assertThat(c.reached()).isEqualTo(3);
    }

    @Test
    void aPrependMovesAnAsThatHadATie() {
        // 10 is the provider of 1 (site a's transit) and 2 (site b's): two customer routes of length 2.
        String g = "10|1|-1\n10|2|-1\n";
        Catchment tie = run(g, List.of(transit("a", 1), transit("b", 2)));
        assertThat(tie.route(10).orElseThrow().site()).as("tie: lowest next-hop AS, 1").isEqualTo("a");
        Catchment prepended = run(g, List.of(transit("a", 1).withPrepend(1), transit("b", 2)));
        var r = prepended.route(10).orElseThrow();
        assertThat(r.site()).isEqualTo("b");
        assertThat(r.pathLength()).isEqualTo(2);
        assertThat(prepended.asPath(1)).containsExactly(US, US);
    }

    @Test
    void withdrawingASiteMovesItsCatchmentToTheNextSite() {
        // 100 above 1 and 2; 1 (site a's transit) has customers 11, 12; 2 (site b's) has customer 21.
        String g = "100|1|-1\n100|2|-1\n1|11|-1\n1|12|-1\n2|21|-1\n";
        Catchment both = run(g, List.of(transit("a", 1), transit("b", 2)));
        assertThat(both.asesPerSite()).containsEntry("a", 4).containsEntry("b", 2);
        for (long as : new long[] {1, 11, 12, 100}) assertThat(both.siteOf(as)).contains("a");
        Catchment bOnly = run(g, List.of(transit("a", 1).withdrawn(), transit("b", 2)));
        for (long as : new long[] {1, 11, 12, 100, 2, 21}) assertThat(bOnly.siteOf(as)).as("AS" + as).contains("b");
        assertThat(bOnly.asPath(11)).containsExactly(1L, 100L, 2L, US);
        assertThat(bOnly.route(1).orElseThrow().relation()).isEqualTo(Relation.PROVIDER);
        assertThat(bOnly.asesPerSite()).containsEntry("a", 0).containsEntry("b", 6);
    }

    @Test
    void aRouteServersMembersHoldAPeerRouteWithoutTheRouteServerInThePath() {
        // Route server 6777 with members 5 and 6; 7 is 5's customer, 8 is 5's provider; 20 is 6's provider and
        // site b's transit.
        String g = "6777|5|0\n6777|6|0\n5|7|-1\n8|5|-1\n20|6|-1\n";
        var rs = new Announcement("a", "ixrs", 6777, NeighborKind.ROUTE_SERVER, 3, true);
        Catchment c = run(g, List.of(rs, transit("b", 20)));
        var r5 = c.route(5).orElseThrow();
        assertThat(r5.relation()).isEqualTo(Relation.PEER);
        assertThat(r5.site()).isEqualTo("a");
        assertThat(c.asPath(5)).containsExactly(US, US, US, US);
        // 6 could take a shorter route from its provider 20, but a peer route is preferred.
        assertThat(c.route(6).orElseThrow().relation()).isEqualTo(Relation.PEER);
        assertThat(c.siteOf(6)).contains("a");
        assertThat(c.asPath(7)).containsExactly(5L, US, US, US, US);
        // 8 is 5's provider: a peer route is not exported upwards, so 8 reaches us only through 20 … not at all.
        assertThat(c.route(8)).isEmpty();
    }

    @Test
    void theOutputIsDeterministicWhateverTheAnnouncementOrder() {
        // 10 above 3 (site a's transit) and 2 (site b's): lowest next-hop AS wins, so b, though "a" sorts first.
        // 7 has transit sessions at sites b and a with equal prepends: the first site id, a.
        String g = "10|3|-1\n10|2|-1\n10|7|-1\n7|70|-1\n3|30|-1\n2|20|-1\n30|31|0\n20|21|0\n";
        List<Announcement> anns = new ArrayList<>(List.of(transit("a", 3), transit("b", 2),
                new Announcement("b", "x", 7, NeighborKind.TRANSIT, 0, true),
                new Announcement("a", "x", 7, NeighborKind.TRANSIT, 0, true)));
        Catchment first = run(g, anns);
        assertThat(first.siteOf(10)).contains("b");
        assertThat(first.route(7).orElseThrow().session().site()).isEqualTo("a");
        assertThat(first.siteOf(70)).contains("a");
        AsGraph graph = first.graph();
        List<String> expected = dump(first);
        Random rnd = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(anns, rnd);
            assertThat(dump(new Routing(graph).compute(US, anns))).isEqualTo(expected);
        }
    }

    @Test
    void aSessionAnnouncedTwiceIsAnError() {
        AsGraph g = AsGraph.parse("1|2|-1\n");
        assertThatThrownBy(() -> new Routing(g).compute(US, List.of(transit("a", 1), transit("a", 1))))
                .hasMessageContaining("a t1 is announced twice");
    }

    @Test
    void aTieAcrossMoreThanSixtyFourSessionsKeepsEverySessionOfIt() {
        // 71 live sessions to our transit 1, so the tie set spans two words: s000 (Frankfurt) and s070 (Washington)
        // plain, s001…s069 (Berlin) prepended once, so not part of 1's route. 2 is 1's customer and inherits the tie.
        double[] fra = {50.11, 8.68}, berlin = {52.52, 13.40}, washington = {38.91, -77.04}, newYork = {40.71, -74.01};
        List<Announcement> anns = new ArrayList<>();
        for (int i = 0; i <= 70; i++) {
            boolean tied = i == 0 || i == 70;
            double[] at = i == 0 ? fra : i == 70 ? washington : berlin;
            anns.add(new Announcement(String.format("s%03d", i), "t1", 1, NeighborKind.TRANSIT, tied ? 0 : 1, true).at(at[0], at[1]));
        }
        Collections.shuffle(anns, new Random(7));
        Catchment c = run("1|2|-1\n", anns);
        assertThat(c.sessions(2)).extracting(Announcement::site).containsExactly("s000", "s070");
        assertThat(c.siteOf(2, newYork[0], newYork[1])).as("session 70, the nearer").contains("s070");
        assertThat(c.siteOf(2, berlin[0], berlin[1])).as("session 0; the Berlin sessions are longer").contains("s000");
        assertThat(c.siteOf(2)).contains("s000");
        assertThat(c.asesPerSite()).containsEntry("s000", 2).containsEntry("s070", 0).hasSize(71);
    }

    static List<String> dump(Catchment c) {
        List<String> out = new ArrayList<>();
        for (int v = 0; v < c.graph().size(); v++) {
            long as = c.graph().asn(v);
            out.add(as + " " + c.route(as).map(r -> r.toString() + c.asPath(as)).orElse("-"));
        }
        return out;
    }
}
