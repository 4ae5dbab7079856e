package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.announce.AgentState;
import net.nsglobal.te.announce.AnycastStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every real site's BIRD configuration renders and passes BIRD 2's own parser ({@code bird -p}). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BirdConfigTest {
    static final Path SITES = Path.of("..", "sites");

    @TempDir Path dir;

    private static String birdParse(Path conf) throws Exception {
        Process p = new ProcessBuilder("bird", "-p", "-c", conf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 ? null : out;
    }

    @Test
    void everyRealSiteRendersToAConfigurationBirdAccepts() throws Exception {
        BirdConfig bird = new BirdConfig(SITES.resolve("templates"));
        List<Site> sites = Sites.load(SITES).all();
        assertThat(sites).hasSize(12);
        for (Site s : sites) {
            Path conf = bird.write(s, dir);
            assertThat(birdParse(conf)).as("bird -p on %s:\n%s", s.id(), Files.readString(conf)).isNull();
            String text = Files.readString(conf);
            assertThat(text).contains("router id " + s.unicastV4().getHostAddress() + ";");
            for (var n : s.neighbors()) {
                assertThat(text).contains("neighbor " + n.address().getHostAddress() + " as " + n.peerAs() + ";")
                        .contains("description \"" + n.kind() + " " + n.name() + "\";");
            }
        }
    }

    /** A site whose route-server session has a prepend and communities (the real files have none until te-engine sets them). */
    private static final String TST1 = """
            id: tst1
            city: Testville
            country: NL
            latitude: 52.3
            longitude: 4.7
            unicast_v4: 192.0.2.99
            anycast_prefixes: ["198.51.100.0/24", "2001:db8:53::/48"]
            local_as: 64500
            neighbors:
              - name: transit-a
                peer_as: 64511
                address: 203.0.113.1
                action_communities:
                  - community: "64511:3001"
                    action: prepend-1
              - name: ixp-rs
                kind: route-server
                peer_as: 64510
                address: "2001:db8:ffff::1"
                prepend: 1
                communities: ["64500:100", "64500:1:2"]
            """;

    @Test
    void prependsCommunitiesAndFamiliesFollowTheRecord() throws Exception {
        Path sites = dir.resolve("sites");
        Files.createDirectories(sites);
        Files.writeString(sites.resolve("tst1.yaml"), TST1);
        Site tst = Sites.load(sites).byId("tst1").orElseThrow();
        String text = new BirdConfig(SITES.resolve("templates")).render(tst);
        Path conf = dir.resolve("tst1.conf");
        Files.writeString(conf, text);
        assertThat(birdParse(conf)).as("bird -p on tst1:\n%s", text).isNull();
        String rs = text.substring(text.indexOf("filter export_ixp_rs"));
        rs = rs.substring(0, rs.indexOf("protocol bgp"));
        assertThat(rs).containsOnlyOnce("bgp_path.prepend(64500);").contains("bgp_community.add((64500,100));")
                .contains("bgp_large_community.add((64500,1,2));").contains("2001:db8:53:0:0:0:0:0/48").doesNotContain("198.51.100.0/24");
        String transit = text.substring(text.indexOf("filter export_transit_a"), text.indexOf("protocol bgp transit_a"));
        assertThat(transit).doesNotContain("prepend").doesNotContain("64511,3001").contains("198.51.100.0/24");
        assertThat(text).contains("ipv6 { import none; export filter export_ixp_rs; };");
    }

    @Test
    void knobsOverrideTheRecordAndAWithdrawnSessionRejectsThePrefixes() throws Exception {
        Site fra = Sites.load(SITES).byId("fra1").orElseThrow();
        BirdConfig bird = new BirdConfig(SITES.resolve("templates"));
        Knobs k = Knobs.of(fra).withPrepend("cogent", 2).withAnnounce("arelion", false);
        Path conf = bird.write(fra, k, dir);
        assertThat(birdParse(conf)).as("bird -p on fra1:\n%s", Files.readString(conf)).isNull();
        String text = Files.readString(conf);
        String cogent = text.substring(text.indexOf("filter export_cogent"), text.indexOf("protocol bgp cogent"));
        assertThat(cogent).containsOnlyOnce("accept;").contains("bgp_path.prepend(64500);\n    bgp_path.prepend(64500);\n")
                .contains("    include \"anycast-state.con[f]\";\n    accept;");
        String arelion = text.substring(text.indexOf("filter export_arelion"), text.indexOf("protocol bgp arelion"));
        assertThat(arelion).doesNotContain("accept;").contains("    include \"anycast-state.con[f]\";\n    reject;\n  }");
        assertThat(bird.render(fra)).isEqualTo(bird.render(fra, Knobs.of(fra)));
        assertThatThrownBy(() -> bird.render(fra, Knobs.of(Sites.load(SITES).byId("iad1").orElseThrow())))
                .hasMessageContaining("site fra1: knobs for sessions [ntt, arelion, equinix-ix-rs]");
        assertThatThrownBy(() -> k.withPrepend("cogent", 4)).hasMessageContaining("prepend 4 is not 0…3");
    }

    @Test
    void theAgentsStateFileIsIncludedAndAMissingOneDoesNotBreakTheParse() throws Exception {
        Site fra = Sites.load(SITES).byId("fra1").orElseThrow();
        Path state = dir.resolve("state").resolve("fra1-anycast.conf");
        BirdConfig bird = new BirdConfig(SITES.resolve("templates"), dir.resolve("state") + "/{site}-anycast.conf");
        assertThat(bird.agentStateFile(fra)).isEqualTo(state.toString());
        Path conf = bird.write(fra, dir);
        String text = Files.readString(conf);
        assertThat(text).contains("    include \"" + dir.resolve("state") + "/fra1-anycast.con[f]\";\n    accept;");
        // BIRD's glob gives up on a folder that does not exist: only the file may be missing.
        assertThat(birdParse(conf)).contains("Unable to match pattern");
        Files.createDirectories(state.getParent());
        assertThat(birdParse(conf)).as("no state file yet:\n%s", text).isNull();
        for (AgentState.State s : AgentState.State.values()) {
            new AnycastStateFile(state).write("fra1", s);
            assertThat(birdParse(conf)).as("state file %s:\n%s", s, Files.readString(state)).isNull();
        }
        // BIRD reads the file: one it cannot parse fails the configuration (so the include is not dead text).
        Files.writeString(state, "garbage;\n");
        assertThat(birdParse(conf)).contains("fra1-anycast.conf");
        assertThatThrownBy(() -> new BirdConfig(SITES.resolve("templates"), "state[1].conf"))
                .hasMessageContaining("cannot be included by BIRD");
        assertThatThrownBy(() -> new BirdConfig(SITES.resolve("templates"), "")).hasMessageContaining("cannot be included");
    }

    @Test
    void birdRejectsWhatTheTestWouldMiss() throws Exception {
        // The check is real: a configuration BIRD cannot parse is reported.
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "router id 192.0.2.1;\nprotocol bgp x { local as 64500; neighbor 203.0.113.1 as; }\n");
        assertThat(birdParse(bad)).isNotNull();
    }

    @Test
    void aTemplateErrorIsAnErrorNotAHalfWrittenFile() throws Exception {
        Path t = dir.resolve("templates");
        Files.createDirectories(t);
        Files.writeString(t.resolve(BirdConfig.TEMPLATE), "router id ${site.noSuchField};\n");
        Site fra = Sites.load(SITES).byId("fra1").orElseThrow();
        assertThatThrownBy(() -> new BirdConfig(t).write(fra, dir.resolve("out"))).hasMessageContaining("site fra1");
        assertThat(dir.resolve("out/fra1.conf")).doesNotExist();
    }

    @Test
    void teEngineDoesNotDependOnTheWebStack() {
        assertThatThrownBy(() -> Class.forName("io.javalin.Javalin")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("net.nsglobal.dashboard.web.WebApp")).isInstanceOf(ClassNotFoundException.class);
    }
}
