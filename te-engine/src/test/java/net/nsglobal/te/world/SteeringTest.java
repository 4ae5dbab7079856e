package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.ActionCommunity;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.CommunityAction;
import net.nsglobal.platform.sites.NeighborKind;
import net.nsglobal.platform.sites.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Small worlds worked out by hand, with sites in real places and probes in them: the hot-potato choice among one
 * neighbour's sessions, and the knobs the TE engine turns (a prepend, a withdraw, a neighbour's action community)
 * moving exactly the probes they should. Every catchment is also checked against {@link RoutingOracle}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SteeringTest {
    static final long US = 64500;
    static final double[] FRA = {50.11, 8.682}, IAD = {38.959, -77.357};
    static final double[] BERLIN = {52.52, 13.40}, NEW_YORK = {40.71, -74.01}, WASHINGTON = {38.90, -77.04};

    /** Cogent's communities as in sites/fra1.yaml. */
    static final ActionCommunity PREPEND_1 = action(174, 3001, CommunityAction.PREPEND_1, null),
            NO_PEERS = action(174, 991, CommunityAction.NO_EXPORT_TO_PEERS, null),
            NO_EU = action(174, 981, CommunityAction.NO_EXPORT_TO_REGION, Region.EUROPE),
            NO_NA = action(174, 971, CommunityAction.NO_EXPORT_TO_REGION, Region.NORTH_AMERICA);

    static ActionCommunity action(long as, long value, CommunityAction what, Region region) {
        return new ActionCommunity(new Community(as, value, 0, false), what, Optional.ofNullable(region));
    }

    static Announcement session(String site, double[] at, long as) {
        return new Announcement(site, "t" + as, as, NeighborKind.TRANSIT, 0, true)
                .at(at[0], at[1]).withActionCommunities(as == 174 ? List.of(PREPEND_1, NO_PEERS, NO_EU, NO_NA) : List.of());
    }

    static Announcement carrying(Announcement a, ActionCommunity... acs) {
        return a.withCommunities(java.util.Arrays.stream(acs).map(ActionCommunity::community).toList());
    }

    static Probe probe(int id, long as, double[] at) {
        return new Probe(id, (int) as, null, "ZZ", at[1], at[0], "Connected", false, null);
    }

    static Catchment run(AsGraph g, AsRegions regions, List<Announcement> anns) {
        Catchment c = new Routing(g, regions).compute(US, anns);
        assertThat(RoutingOracle.violations(g, regions, US, anns, c)).as("routes not in equilibrium").isEmpty();
        return c;
    }

    // Cogent (174) has sessions with us at fra and iad; its customers 10 and 20 have probes in Berlin, Washington and
    // New York. Everyone below 174 holds one route, tied over both sessions.
    static final AsGraph COGENT = AsGraph.parse("174|10|-1\n174|20|-1\n");

    @Test
    void hotPotatoTakesEachProbeToTheSiteNearestToIt() {
        Catchment c = run(COGENT, AsRegions.NONE, List.of(session("fra", FRA, 174), session("iad", IAD, 174)));
        assertThat(c.sessions(10)).extracting(Announcement::site).containsExactly("fra", "iad");
        assertThat(ProbeCatchment.siteOf(c, probe(1, 10, BERLIN))).isEqualTo("fra");
        assertThat(ProbeCatchment.siteOf(c, probe(2, 10, WASHINGTON))).as("same AS, other side of the Atlantic").isEqualTo("iad");
        assertThat(ProbeCatchment.siteOf(c, probe(3, 20, NEW_YORK))).isEqualTo("iad");
        assertThat(c.siteOf(174, BERLIN[0], BERLIN[1])).contains("fra");
        // Without a place, the first session in session order stands for the tie.
        assertThat(c.siteOf(20)).contains("fra");
        assertThat(ProbeCatchment.perSite(c, List.of(probe(1, 10, BERLIN), probe(2, 10, WASHINGTON), probe(3, 20, NEW_YORK))))
                .containsEntry("fra", 1).containsEntry("iad", 2);
    }

    @Test
    void aPrependMovesAProbeThatHadATie() {
        Probe berlin = probe(1, 10, BERLIN), newYork = probe(3, 20, NEW_YORK);
        Catchment tie = run(COGENT, AsRegions.NONE, List.of(session("fra", FRA, 174), session("iad", IAD, 174)));
        assertThat(ProbeCatchment.siteOf(tie, berlin)).isEqualTo("fra");
        Catchment prepended = run(COGENT, AsRegions.NONE, List.of(session("fra", FRA, 174).withPrepend(1), session("iad", IAD, 174)));
        assertThat(prepended.sessions(10)).extracting(Announcement::site).containsExactly("iad");
        assertThat(ProbeCatchment.siteOf(prepended, berlin)).isEqualTo("iad");
        assertThat(ProbeCatchment.siteOf(prepended, newYork)).isEqualTo("iad");
        assertThat(prepended.asPath(10)).containsExactly(174L, US);
        // The other way round: New York had the tie too and left at iad; a prepend there moves it to fra.
        assertThat(ProbeCatchment.siteOf(tie, newYork)).isEqualTo("iad");
        Catchment iadPrepended = run(COGENT, AsRegions.NONE, List.of(session("fra", FRA, 174), session("iad", IAD, 174).withPrepend(2)));
        assertThat(ProbeCatchment.siteOf(iadPrepended, newYork)).isEqualTo("fra");
    }

    @Test
    void aWithdrawMovesAllItsProbesAndNoOther() {
        // 174 at fra and iad, 3356 at iad only; 3356's customer 30 has a probe in Berlin, 174's customers as above.
        AsGraph g = AsGraph.parse("174|10|-1\n174|20|-1\n3356|30|-1\n");
        List<Probe> probes = List.of(probe(1, 10, BERLIN), probe(2, 10, WASHINGTON), probe(3, 20, NEW_YORK), probe(4, 174, BERLIN),
                probe(5, 30, BERLIN));
        Announcement fra = session("fra", FRA, 174), iad = session("iad", IAD, 174), iadLumen = session("iad", IAD, 3356);
        Catchment all = run(g, AsRegions.NONE, List.of(fra, iad, iadLumen));
        assertThat(probes.stream().map(p -> ProbeCatchment.siteOf(all, p))).containsExactly("fra", "iad", "iad", "fra", "iad");
        Catchment fraGone = run(g, AsRegions.NONE, List.of(fra.withdrawn(), iad, iadLumen));
        assertThat(probes.stream().map(p -> ProbeCatchment.siteOf(fraGone, p))).containsExactly("iad", "iad", "iad", "iad", "iad");
        Catchment iadGone = run(g, AsRegions.NONE, List.of(fra, iad.withdrawn(), iadLumen.withdrawn()));
        assertThat(probes.stream().map(p -> ProbeCatchment.siteOf(iadGone, p))).containsExactly("fra", "fra", "fra", "fra", ProbeCatchment.NO_ROUTE);
        assertThat(iadGone.asesPerSite()).containsEntry("iad", 0);
    }

    // Two transits: Cogent (174) at fra, Lumen (3356) at iad. Both peer with 3320 (Europe, probes in its customer
    // 3209) and 7018 (North America, probes in its customer 7922). Peer routes via 174 and 3356 tie on length; the
    // lower next hop, 174, wins, so everyone starts at fra.
    static final AsGraph TWO_TRANSITS = AsGraph.parse("""
            174|3320|0
            174|7018|0
            3356|3320|0
            3356|7018|0
            3320|3209|-1
            7018|7922|-1
            """);
    static final AsRegions REGIONS = AsRegions.parse("""
            # format:org_id|changed|org_name|country|source
            DTAG-RIPE|20220101|Deutsche Telekom AG|DE|RIPE
            ATT-ARIN|20220101|AT&T | Services, Inc.|US|ARIN
            # format:aut|changed|aut_name|org_id|opaque_id|source
            3320|20220101|DTAG|DTAG-RIPE|x|RIPE
            3209|20220101|VODANET|DTAG-RIPE|x|RIPE
            7018|20220101|ATT-INTERNET4|ATT-ARIN|x|ARIN
            7922|20220101|COMCAST-7922|ATT-ARIN|x|ARIN
            """);
    static final List<Probe> PROBES = List.of(probe(1, 3209, BERLIN), probe(2, 3320, BERLIN), probe(3, 7922, NEW_YORK), probe(4, 7018, WASHINGTON));

    static List<String> sitesOf(Catchment c) {
        return PROBES.stream().map(p -> ProbeCatchment.siteOf(c, p)).toList();
    }

    @Test
    void theRegionsComeFromTheOrganisationsCountries() {
        assertThat(REGIONS.regionOf(3209)).contains(Region.EUROPE);
        assertThat(REGIONS.regionOf(7922)).as("an org name holding '|'").contains(Region.NORTH_AMERICA);
        assertThat(REGIONS.regionOf(174)).isEmpty();
        assertThat(AsRegions.regionOfCountry("RU")).contains(Region.EUROPE);
        assertThat(AsRegions.regionOfCountry("AE")).contains(Region.ASIA);
        assertThat(AsRegions.regionOfCountry("PR")).contains(Region.NORTH_AMERICA);
        assertThat(AsRegions.regionOfCountry("FJ")).contains(Region.OCEANIA);
    }

    @Test
    void aRegionalNoExportMovesOnlyThatRegion() {
        Announcement fra = session("fra", FRA, 174), iad = session("iad", IAD, 3356);
        assertThat(sitesOf(run(TWO_TRANSITS, REGIONS, List.of(fra, iad)))).containsExactly("fra", "fra", "fra", "fra");
        Catchment noEu = run(TWO_TRANSITS, REGIONS, List.of(carrying(fra, NO_EU), iad));
        assertThat(sitesOf(noEu)).containsExactly("iad", "iad", "fra", "fra");
        assertThat(noEu.asPath(3209)).containsExactly(3320L, 3356L, US);
        Catchment noNa = run(TWO_TRANSITS, REGIONS, List.of(carrying(fra, NO_NA), iad));
        assertThat(sitesOf(noNa)).containsExactly("fra", "fra", "iad", "iad");
        // A community of another AS (3356's own would be its business) is passed along and changes nothing.
        Catchment foreign = run(TWO_TRANSITS, REGIONS, List.of(fra.withCommunities(List.of(new Community(3356, 981, 0, false))), iad));
        assertThat(sitesOf(foreign)).containsExactly("fra", "fra", "fra", "fra");
    }

    @Test
    void aNeighboursPrependAndNoExportToPeersMoveEveryPeer() {
        Announcement fra = session("fra", FRA, 174), iad = session("iad", IAD, 3356);
        Catchment prepended = run(TWO_TRANSITS, REGIONS, List.of(carrying(fra, PREPEND_1), iad));
        assertThat(sitesOf(prepended)).containsExactly("iad", "iad", "iad", "iad");
        // With our own prepend on iad as well, the lengths tie again, and 174's route is back.
        Catchment both = run(TWO_TRANSITS, REGIONS, List.of(carrying(fra, PREPEND_1), iad.withPrepend(1)));
        assertThat(sitesOf(both)).containsExactly("fra", "fra", "fra", "fra");
        assertThat(both.asPath(3209)).containsExactly(3320L, 174L, 174L, US);
        assertThat(both.route(174).orElseThrow().pathLength()).as("174's own route is not prepended").isEqualTo(1);
        Catchment noPeers = run(TWO_TRANSITS, REGIONS, List.of(carrying(fra, NO_PEERS), iad));
        assertThat(sitesOf(noPeers)).containsExactly("iad", "iad", "iad", "iad");
    }

    @Test
    void aNeighbourFiltersOnlyTheSessionThatCarriesTheCommunity() {
        // 174 holds our route from fra (tagged no-export to EU peers) and from iad (untagged), tied: its European peer
        // still gets the iad session, its American peer both.
        AsGraph g = AsGraph.parse("174|3320|0\n174|7018|0\n3320|3209|-1\n7018|7922|-1\n");
        Catchment c = run(g, REGIONS, List.of(carrying(session("fra", FRA, 174), NO_EU), session("iad", IAD, 174)));
        assertThat(c.sessions(3209)).extracting(Announcement::site).containsExactly("iad");
        assertThat(c.sessions(7922)).extracting(Announcement::site).containsExactly("fra", "iad");
        assertThat(ProbeCatchment.siteOf(c, probe(1, 3209, BERLIN))).isEqualTo("iad");
    }

    @Test
    void noExportToPeersAlsoKeepsTheRouteFromTheNeighboursProviders() {
        // Lumen's 65000:0 is "to customers but not to peers": 3356's provider 1 and peer 2 lose it, its customer 3
        // keeps it.
        ActionCommunity customersOnly = action(65000, 0, CommunityAction.NO_EXPORT_TO_PEERS, null);
        AsGraph g = AsGraph.parse("1|3356|-1\n2|3356|0\n3356|3|-1\n");
        Announcement lumen = new Announcement("slc", "lumen", 3356, NeighborKind.TRANSIT, 0, true).withActionCommunities(List.of(customersOnly));
        assertThat(run(g, AsRegions.NONE, List.of(lumen)).reached()).isEqualTo(4);
        Catchment c = run(g, AsRegions.NONE, List.of(carrying(lumen, customersOnly)));
        assertThat(c.route(1)).isEmpty();
        assertThat(c.route(2)).isEmpty();
        assertThat(c.siteOf(3)).contains("slc");
    }

    @Test
    void aRouteServerHonoursItsCommunitiesForItsMembers() {
        // DE-CIX (6695) with members 5 (Europe) and 6 (North America); 0:6695 keeps our route from every member.
        ActionCommunity noMembers = action(0, 6695, CommunityAction.NO_EXPORT_TO_PEERS, null);
        ActionCommunity noEuMembers = action(6695, 981, CommunityAction.NO_EXPORT_TO_REGION, Region.EUROPE);
        ActionCommunity prepend2 = action(6695, 3002, CommunityAction.PREPEND_2, null);
        AsGraph g = AsGraph.parse("6695|5|0\n6695|6|0\n");
        AsRegions regions = AsRegions.of(java.util.Map.of(5L, Region.EUROPE, 6L, Region.NORTH_AMERICA));
        Announcement rs = new Announcement("fra", "decix-rs", 6695, NeighborKind.ROUTE_SERVER, 0, true)
                .withActionCommunities(List.of(noMembers, noEuMembers, prepend2));
        assertThat(run(g, regions, List.of(rs)).reached()).isEqualTo(3);
        assertThat(run(g, regions, List.of(carrying(rs, noMembers))).reached()).as("only the route server's own AS").isEqualTo(1);
        Catchment noEu = run(g, regions, List.of(carrying(rs, noEuMembers)));
        assertThat(noEu.route(5)).isEmpty();
        assertThat(noEu.siteOf(6)).contains("fra");
        Catchment longer = run(g, regions, List.of(carrying(rs, prepend2)));
        assertThat(longer.asPath(5)).containsExactly(US, US, US);
    }
}
