package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.announce.AgentState;
import net.nsglobal.te.announce.AnycastStateFile;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.Knobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The world follows the BIRD configuration on disk: the real fleet's files rendered with TE knobs, checked by
 * {@code bird -p}, read back into the same announcements; and a change written to disk moves probes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BirdAnnouncementsTest {
    static final Path SITES = Path.of("..", "sites");
    static final Cidr V4 = Cidr.of("198.51.100.0/24"), V6 = Cidr.of("2001:db8:53::/48");
    static List<Site> fleet;
    static BirdConfig bird;

    @TempDir Path dir;

    @BeforeAll
    static void load() throws Exception {
        fleet = Sites.load(SITES).all();
        bird = new BirdConfig(SITES.resolve("templates"));
    }

    static Site site(String id) {
        return fleet.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static void birdAccepts(Path conf) throws Exception {
        Process p = new ProcessBuilder("bird", "-p", "-c", conf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("bird -p %s: %s\n%s", conf, out, Files.readString(conf)).isZero();
    }

    @Test
    void theFleetAsConfiguredReadsBackAsItsRecords() throws Exception {
        for (Site s : fleet) bird.write(s, dir);
        assertThat(BirdAnnouncements.read(dir, fleet, V4)).isEqualTo(Announcement.of(fleet, V4));
        assertThat(BirdAnnouncements.read(dir, fleet, V6)).isEqualTo(Announcement.of(fleet, V6));
    }

    @Test
    void everyKnobRendersPassesBirdAndReadsBack() throws Exception {
        Community prepend2 = new Community(174, 3002, 0, false), noEu = new Community(174, 981, 0, false);
        Community large = new Community(64500, 1, 2, true);
        Knobs fra = Knobs.of(site("fra1")).withPrepend("cogent", 2).withCommunities("cogent", List.of(prepend2, noEu, large))
                .withPrepend("arelion", 3);
        Knobs iad = Knobs.of(site("iad1")).withPrepend("ntt", 1).withdrawnEverywhere();
        Knobs syd = Knobs.of(site("syd1")).withAnnounce("equinix-ix-rs", false).withCommunities("equinix-ix-rs", List.of(large));
        for (Site s : fleet) {
            Knobs k = switch (s.id()) {
                case "fra1" -> fra;
                case "iad1" -> iad;
                case "syd1" -> syd;
                default -> Knobs.of(s);
            };
            birdAccepts(bird.write(s, k, dir));
        }
        for (Cidr prefix : List.of(V4, V6)) {
            List<Announcement> want = new ArrayList<>();
            for (Announcement a : Announcement.of(fleet, prefix)) {
                Knobs k = a.site().equals("fra1") ? fra : a.site().equals("iad1") ? iad : a.site().equals("syd1") ? syd : null;
                if (k == null) {
                    want.add(a);
                    continue;
                }
                Knobs.Session s = k.session(a.session());
                Announcement b = a.withPrepend(s.prepend()).withCommunities(s.communities());
                want.add(s.announce() ? b : b.withdrawn());
            }
            assertThat(BirdAnnouncements.read(dir, fleet, prefix)).as(prefix.toString()).isEqualTo(want);
        }
        Announcement cogent = BirdAnnouncements.read(dir, fleet, V4).stream()
                .filter(a -> a.site().equals("fra1") && a.session().equals("cogent")).findFirst().orElseThrow();
        assertThat(cogent.actions()).extracting(a -> a.action().toString()).containsExactly("prepend-2", "no-export-to-region");
        assertThat(Files.readString(dir.resolve("iad1.conf"))).contains("Withdrawn by te-engine");
    }

    @Test
    void aChangeWrittenToDiskMovesTheProbes() throws Exception {
        // Cogent (174) has IPv4 sessions at nyc1, fra1 and cdg1 (at fmt1 and slc1 IPv6 only); its customer 10 has
        // probes in Berlin and Chicago, and the hot-potato choice takes them to Frankfurt and New York. Withdrawn at
        // fra1 and prepended at nyc1, Cogent is left with cdg1 for both.
        AsGraph g = AsGraph.parse("174|10|-1\n");
        Probe berlin = new Probe(1, 10, null, "DE", 13.40, 52.52, "Connected", false, null);
        Probe chicago = new Probe(2, 10, null, "US", -87.63, 41.88, "Connected", false, null);
        for (Site s : fleet) bird.write(s, dir);
        Catchment before = new Routing(g).compute(64500, BirdAnnouncements.read(dir, fleet, V4));
        assertThat(ProbeCatchment.siteOf(before, berlin)).isEqualTo("fra1");
        assertThat(ProbeCatchment.siteOf(before, chicago)).isEqualTo("nyc1");
        bird.write(site("fra1"), Knobs.of(site("fra1")).withAnnounce("cogent", false), dir);
        bird.write(site("nyc1"), Knobs.of(site("nyc1")).withPrepend("cogent", 1), dir);
        Catchment after = new Routing(g).compute(64500, BirdAnnouncements.read(dir, fleet, V4));
        assertThat(ProbeCatchment.siteOf(after, berlin)).isEqualTo("cdg1");
        assertThat(ProbeCatchment.siteOf(after, chicago)).isEqualTo("cdg1");
        assertThat(after.sessions(10)).extracting(Announcement::site).containsExactly("cdg1");
    }

    @Test
    void theSiteAgentsFileWithdrawsOrDrainsItsSiteAndMovesTheProbes() throws Exception {
        BirdConfig withAgents = new BirdConfig(SITES.resolve("templates"), "{site}.anycast-state.conf");
        AsGraph g = AsGraph.parse("174|10|-1\n");
        Probe berlin = new Probe(1, 10, null, "DE", 13.40, 52.52, "Connected", false, null);
        for (Site s : fleet) birdAccepts(withAgents.write(s, dir));
        assertThat(BirdAnnouncements.read(dir, fleet, V4)).as("no agent has run: as the records say")
                .isEqualTo(Announcement.of(fleet, V4));
        assertThat(ProbeCatchment.siteOf(new Routing(g).compute(64500, BirdAnnouncements.read(dir, fleet, V4)), berlin))
                .isEqualTo("fra1");

        AnycastStateFile fra = new AnycastStateFile(dir.resolve("fra1.anycast-state.conf"));
        fra.write("fra1", AgentState.State.DRAINING);
        birdAccepts(dir.resolve("fra1.conf"));
        Community gracefulShutdown = new Community(65535, 0, 0, false);
        for (Announcement a : BirdAnnouncements.read(dir, fleet, V4)) {
            if (a.site().equals("fra1")) assertThat(a.announced()).isTrue();
            if (a.site().equals("fra1")) assertThat(a.communities()).as(a.session()).endsWith(gracefulShutdown);
            else assertThat(a.communities()).doesNotContain(gracefulShutdown);
        }

        fra.write("fra1", AgentState.State.WITHDRAWN);
        birdAccepts(dir.resolve("fra1.conf"));
        List<Announcement> want = new ArrayList<>();
        for (Announcement a : Announcement.of(fleet, V4)) want.add(a.site().equals("fra1") ? a.withdrawn() : a);
        assertThat(BirdAnnouncements.read(dir, fleet, V4)).isEqualTo(want);
        assertThat(ProbeCatchment.siteOf(new Routing(g).compute(64500, BirdAnnouncements.read(dir, fleet, V4)), berlin))
                .as("the withdrawn site lost its catchment").isNotEqualTo("fra1");

        fra.write("fra1", AgentState.State.ANNOUNCED);
        birdAccepts(dir.resolve("fra1.conf"));
        assertThat(BirdAnnouncements.read(dir, fleet, V4)).isEqualTo(Announcement.of(fleet, V4));

        Files.writeString(fra.path(), "bgp_local_pref = 0;\n");
        assertThatThrownBy(() -> BirdAnnouncements.read(dir, fleet, V4))
                .hasMessageContaining("fra1.anycast-state.conf:1: 'bgp_local_pref = 0;'");
    }

    @Test
    void aFileNotInTheTemplatesShapeIsAnErrorNamingTheLine() throws Exception {
        for (Site s : fleet) bird.write(s, dir);
        assertThatThrownBy(() -> BirdAnnouncements.read(dir.resolve("nothing"), fleet, V4))
                .hasMessageContaining("ams1.conf of site ams1: no such file");
        Path fra = dir.resolve("fra1.conf");
        String text = Files.readString(fra);
        Files.writeString(fra, text.replaceFirst("(filter export_cogent \\{\n  if net ~ \\[[^\n]*\n)", "$1    bgp_local_pref = 300;\n"));
        assertThatThrownBy(() -> BirdAnnouncements.read(dir, fleet, V4))
                .hasMessageContaining("fra1.conf:").hasMessageContaining("'bgp_local_pref = 300;'");
        Files.writeString(fra, text.replaceFirst("(filter export_cogent \\{\n  if net ~ \\[[^\n]*\n)", "$1    bgp_path.prepend(174);\n"));
        assertThatThrownBy(() -> BirdAnnouncements.read(dir, fleet, V4)).hasMessageContaining("prepends AS 174, not our 64500");
        Files.writeString(fra, text.replace("filter export_cogent {", "filter export_kogent {"));
        assertThatThrownBy(() -> BirdAnnouncements.read(dir, fleet, V4)).hasMessageContaining("no 'filter export_cogent {' for session cogent");
    }
}
