package net.nsglobal.platform.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The site files: the real folder loads; each kind of mistake is reported with its file and line. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SitesTest {
    /** The repository's sites/ folder (tests run in the module folder). */
    static final Path REAL = Path.of("..", "sites");

    @TempDir Path dir;

    private static final String GOOD = """
            id: tst1
            city: Testville
            country: NL
            latitude: 52.3
            longitude: 4.7
            unicast_v4: 192.0.2.10
            unicast_v6: "2001:db8:10::53"
            anycast_prefixes: ["198.51.100.0/24", "2001:db8:53::/48"]
            local_as: 64500
            neighbors:
              - name: transit-a
                peer_as: 64511
                address: 203.0.113.1
                prepend: 1
                communities: ["64511:100"]
                action_communities:
                  - community: "64511:3001"
                    action: prepend-1
                  - community: "64511:971"
                    action: no-export-to-region
                    region: north-america
            """;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve("sites");
        Files.createDirectories(f);
        Files.writeString(f.resolve(name), text);
        return f;
    }

    private String problem(String name, String text) throws Exception {
        Path d = write(name, text);
        try {
            Sites.load(d);
        } catch (SitesException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("no problem reported for " + name);
    }

    @Test
    void theRealSitesFolderLoads() throws Exception {
        Sites sites = Sites.load(REAL);
        assertThat(sites.all()).extracting(Site::id).containsExactly(
                "ams1", "cdg1", "fmt1", "fra1", "gru1", "iad1", "jnb1", "lhr1", "nrt1", "nyc1", "slc1", "syd1");
        Site fra = sites.byId("fra1").orElseThrow();
        assertThat(fra.city()).isEqualTo("Frankfurt");
        assertThat(fra.unicastV4().getHostAddress()).isEqualTo("192.0.2.6");
        assertThat(fra.anycastPrefixes()).extracting(Object::toString).containsExactly("198.51.100.0/24", "2001:db8:53:0:0:0:0:0/48");
        assertThat(fra.neighbors()).extracting(Neighbor::peerAs).containsExactly(1299L, 174L, 6695L);
        assertThat(fra.neighbors()).extracting(Neighbor::kind).containsExactly(NeighborKind.TRANSIT, NeighborKind.TRANSIT, NeighborKind.ROUTE_SERVER);
        ActionCommunity euPeers = fra.neighbors().get(1).actionCommunities().get(5);
        assertThat(euPeers.community()).hasToString("174:981");
        assertThat(euPeers.action()).isEqualTo(CommunityAction.NO_EXPORT_TO_REGION);
        assertThat(euPeers.region()).contains(Region.EUROPE);
        assertThat(fra.neighbors().get(2).actionCommunities()).singleElement()
                .satisfies(a -> assertThat(a.community().toString() + " " + a.action()).isEqualTo("0:6695 no-export-to-peers"));
        assertThat(sites.all()).allSatisfy(s -> assertThat(s.localAs()).isEqualTo(64500L));
    }

    @Test
    void aGoodFileReadsWithDefaults() throws Exception {
        Site s = Sites.load(write("tst1.yaml", GOOD.replace("    prepend: 1\n", ""))).byId("tst1").orElseThrow();
        assertThat(s.neighbors().get(0).prepend()).isZero();
        assertThat(s.neighbors().get(0).kind()).isEqualTo(NeighborKind.TRANSIT);
        assertThat(s.latitude()).isEqualTo(52.3);
        assertThat(s.localAs()).isEqualTo(64500L);
    }

    @Test
    void anUnknownKeyIsReportedAtItsLine() throws Exception {
        assertThat(problem("tst1.yaml", GOOD.replace("    prepend: 1\n", "    prepend: 1\n    prepnd: 2\n")))
                .startsWith("sites/tst1.yaml:15: neighbors[0].prepnd: unknown setting");
    }

    @Test
    void aValueOutOfRangeIsReportedAtItsLine() throws Exception {
        assertThat(problem("tst1.yaml", GOOD.replace("prepend: 1", "prepend: 4")))
                .startsWith("sites/tst1.yaml:14: neighbors[0].prepend: must be between 0 and 3");
        assertThat(problem("tst1.yaml", GOOD.replace("latitude: 52.3", "latitude: 95")))
                .startsWith("sites/tst1.yaml:4: latitude: must be between");
        assertThat(problem("tst1.yaml", GOOD.replace("local_as: 64500", "local_as: 4294967296")))
                .startsWith("sites/tst1.yaml:9: local_as: AS number must be between");
        assertThat(problem("tst1.yaml", GOOD.replace("peer_as: 64511", "kind: upstream\n    peer_as: 64511")))
                .startsWith("sites/tst1.yaml:12: neighbors[0].kind: expected one of transit|peer|route-server");
    }

    @Test
    void aPrefixThatDoesNotParseIsReportedAtItsListItem() throws Exception {
        String multi = GOOD.replace("anycast_prefixes: [\"198.51.100.0/24\", \"2001:db8:53::/48\"]",
                "anycast_prefixes:\n  - 198.51.100.0/24\n  - 198.51.100.7/24");
        assertThat(problem("tst1.yaml", multi)).startsWith("sites/tst1.yaml:10: anycast_prefixes[1]: host bits set");
        assertThat(problem("tst1.yaml", GOOD.replace("198.51.100.0/24", "198.51.100.0/33")))
                .startsWith("sites/tst1.yaml:8: anycast_prefixes[0]: prefix length must be 0…32");
        assertThat(problem("tst1.yaml", GOOD.replace("unicast_v4: 192.0.2.10", "unicast_v4: \"2001:db8::1\"")))
                .startsWith("sites/tst1.yaml:6: unicast_v4: expected an IPv4 address");
        assertThat(problem("tst1.yaml", GOOD.replace("\"64511:100\"", "\"64511:70000\"")))
                .startsWith("sites/tst1.yaml:15: neighbors[0].communities[0]: community part 70000 out of range");
    }

    @Test
    void anActionOrRegionOutsideItsListIsReportedAtItsLine() throws Exception {
        assertThat(problem("tst1.yaml", GOOD.replace("action: prepend-1", "action: prepend once")))
                .startsWith("sites/tst1.yaml:18: neighbors[0].action_communities[0].action: expected one of "
                        + "prepend-1|prepend-2|prepend-3|no-export-to-peers|no-export-to-region, got 'prepend once'");
        assertThat(problem("tst1.yaml", GOOD.replace("region: north-america", "region: mars")))
                .startsWith("sites/tst1.yaml:21: neighbors[0].action_communities[1].region: expected one of north-america|");
        assertThat(problem("tst1.yaml", GOOD.replace("        region: north-america\n", "")))
                .startsWith("sites/tst1.yaml:19: neighbors[0].action_communities[1].region: is required when action is no-export-to-region");
        assertThat(problem("tst1.yaml", GOOD.replace("action: prepend-1", "action: prepend-1\n        region: europe")))
                .startsWith("sites/tst1.yaml:19: neighbors[0].action_communities[0].region: only goes with action no-export-to-region, not prepend-1");
    }

    @Test
    void aMissingRequiredKeyIsReportedAtItsMapping() throws Exception {
        assertThat(problem("tst1.yaml", GOOD.replace("    peer_as: 64511\n", "")))
                .startsWith("sites/tst1.yaml:11: neighbors[0].peer_as: is required");
        assertThat(problem("tst1.yaml", GOOD.replace("city: Testville\n", "")))
                .startsWith("sites/tst1.yaml:1: city: is required");
    }

    @Test
    void theIdMustBeTheFileName() throws Exception {
        assertThat(problem("tst2.yaml", GOOD)).startsWith("sites/tst2.yaml:1: id: 'tst1' differs from the file name");
    }

    @Test
    void duplicatesAreReported() throws Exception {
        write("tst1.yaml", GOOD);
        String other = GOOD.replace("id: tst1", "id: tst2").replace("2001:db8:10::53", "2001:db8:11::53");
        assertThat(problem("tst2.yaml", other)).isEqualTo("sites/tst2.yaml:6: unicast_v4: 192.0.2.10 is already site tst1's");
        Files.delete(dir.resolve("sites/tst2.yaml"));
        String twoSessions = GOOD + "  - name: transit-a\n    peer_as: 64512\n    address: 203.0.113.2\n";
        assertThat(problem("tst1.yaml", twoSessions)).startsWith("sites/tst1.yaml:22: neighbors[1].name: name 'transit-a' used twice");
        assertThat(problem("tst1.yaml", GOOD.replace("city: Testville\n", "city: Testville\ncity: Elsewhere\n")))
                .startsWith("sites/tst1.yaml:3: city: given twice (first on line 2)");
    }

    @Test
    void brokenYamlIsReportedAtItsLine() throws Exception {
        assertThat(problem("tst1.yaml", GOOD.replace("local_as: 64500", "local_as: [64500")))
                .startsWith("sites/tst1.yaml:10: not valid YAML: while parsing a flow sequence").doesNotContain("\n");
    }

    @Test
    void everyBrokenFileIsReportedInOneRun() throws Exception {
        write("tst1.yaml", GOOD.replace("prepend: 1", "prepend: 9"));
        write("tst2.yaml", GOOD.replace("id: tst1", "id: tst2").replace("country: NL", "country: nl"));
        assertThatThrownBy(() -> Sites.load(dir.resolve("sites"))).isInstanceOfSatisfying(SitesException.class, e ->
                assertThat(e.problems()).hasSize(2).anyMatch(p -> p.startsWith("sites/tst1.yaml:14:"))
                        .anyMatch(p -> p.startsWith("sites/tst2.yaml:3: country:")));
    }

    @Test
    void theReadmeCarriesTheSchemaReference() throws Exception {
        String readme = Files.readString(REAL.resolve("README.md"));
        assertThat(readme).as("sites/README.md must contain SiteSchema.reference() verbatim").contains(SiteSchema.reference());
    }
}
