package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applier against real BIRD 2 routers in network namespaces ({@link net.nsglobal.testkit.BirdLab}): a site
 * router rendered from a sites-like record and two upstreams whose received routes are read with birdc.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BirdApplyLabTest {
    @TempDir Path dir;
    LabSite lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = new LabSite(dir);
    }

    @AfterEach
    void stopLab() {
        if (lab != null) lab.close();
    }

    @Test
    void anAppliedPrependReachesTheUpstreamAsALongerAsPath() throws Exception {
        lab.awaitPath("up1", "64500");
        Applier applier = lab.applier(LabSite.timing());

        long t0 = System.nanoTime();
        ApplyOutcome o = applier.apply(Knobs.of(lab.site).withPrepend("up1", 2));
        long wholeMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(o).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(((ApplyOutcome.Applied) o).diff()).contains("+    bgp_path.prepend(64500);");
        lab.awaitPath("up1", "64500 64500 64500");
        assertThat(lab.seenBy("up2")).contains("BGP.as_path: 64500\n");
        assertThat(Files.readString(lab.lab.siteConfig())).contains("bgp_path.prepend(64500);");
        // Figures for docs/performance.md (bench/bird-apply.sh), never asserted.
        System.out.println("te-engine apply lab: configure to up1 holding the prepended path "
                + ((ApplyOutcome.Applied) o).healthyAfter().toMillis() + " ms; whole apply (render, bird -p, diff, check, configure, health, confirm) "
                + wholeMs + " ms");
    }

    @Test
    void communitiesArriveAtTheUpstream() throws Exception {
        lab.awaitPath("up2", "64500");
        Applier applier = lab.applier(LabSite.timing());
        List<Community> cs = List.of(new Community(64500, 100, 0, false), new Community(64500, 1, 2, true));

        ApplyOutcome o = applier.apply(Knobs.of(lab.site).withCommunities("up2", cs));

        assertThat(o).isInstanceOf(ApplyOutcome.Applied.class);
        String seen = Wait.until("up2 sees the communities", Duration.ofSeconds(40), () -> lab.seenBy("up2"),
                s -> s.contains("BGP.community: (64500,100)"));
        assertThat(seen).contains("BGP.large_community: (64500, 1, 2)");
        assertThat(lab.seenBy("up1")).doesNotContain("BGP.community").doesNotContain("BGP.large_community");
    }

    @Test
    void aBrokenConfigIsRefusedWithBirdsMessageAndNothingChanges() throws Exception {
        lab.awaitPath("up1", "64500");
        String before = Files.readString(lab.lab.siteConfig());
        Applier.Renderer broken = k -> lab.config.render(lab.site, k) + "\nprotocol bgp broken { neighbour 10.0.0.1 as; }\n";
        Applier applier = new Applier(lab.site, lab.host, broken, new BirdParser(), new RouteHealth(lab.views), LabSite.timing(),
                Knobs.of(lab.site));

        ApplyOutcome o = applier.apply(Knobs.of(lab.site).withPrepend("up1", 1));

        assertThat(o).isInstanceOf(ApplyOutcome.Refused.class);
        ApplyOutcome.Refused r = (ApplyOutcome.Refused) o;
        assertThat(r.stage()).isEqualTo("parse");
        assertThat(r.message()).contains("syntax error");
        assertThat(Files.readString(lab.lab.siteConfig())).isEqualTo(before);
        assertThat(Files.exists(Path.of(lab.host.candidateFile()))).isFalse();
        assertThat(lab.seenBy("up1")).contains("BGP.as_path: 64500\n");
        assertThat(applier.running()).isEqualTo(Knobs.of(lab.site));
    }

    @Test
    void aBrokenConfigThatSlipsPastTheLocalParseIsRefusedByTheRoutersCheck() throws Exception {
        lab.awaitPath("up1", "64500");
        String before = Files.readString(lab.lab.siteConfig());
        Applier.Renderer broken = k -> lab.config.render(lab.site, k) + "\nprotocol bgp broken { neighbour 10.0.0.1 as; }\n";
        // /bin/true as "bird -p": the local parse passes anything, so the router's own configure check must refuse.
        Applier applier = new Applier(lab.site, lab.host, broken, new BirdParser("true", Duration.ofSeconds(10)),
                new RouteHealth(lab.views), LabSite.timing(), Knobs.of(lab.site));

        ApplyOutcome o = applier.apply(Knobs.of(lab.site).withPrepend("up1", 1));

        assertThat(o).isInstanceOf(ApplyOutcome.Refused.class);
        assertThat(((ApplyOutcome.Refused) o).stage()).isEqualTo("configure check");
        assertThat(((ApplyOutcome.Refused) o).message()).contains("syntax error");
        assertThat(Files.readString(lab.lab.siteConfig())).isEqualTo(before);
        assertThat(lab.seenBy("up1")).contains("BGP.as_path: 64500\n");
        assertThat(lab.lab.birdc("site", "show protocols")).doesNotContain("broken");
    }

    @Test
    void aConfigLeftUnconfirmedRevertsByItself() throws Exception {
        lab.awaitPath("up1", "64500");
        String before = Files.readString(lab.lab.siteConfig());
        Applier applier = lab.applier(new Applier.Timing(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(100)));

        // The applier stops after configure, as if it died before confirming.
        ApplyOutcome o = applier.configure(Knobs.of(lab.site).withPrepend("up1", 1));

        assertThat(o).isInstanceOf(ApplyOutcome.Pending.class);
        lab.awaitPath("up1", "64500 64500");
        lab.awaitPath("up1", "64500");
        assertThat(Files.readString(lab.lab.siteConfig())).isEqualTo(before);
        assertThat(lab.lab.birdc("site", "show route export up1 all")).doesNotContain("64500 64500");
    }

    @Test
    void anUnhealthyConfigIsUndoneAndTheOldPathReturns() throws Exception {
        lab.awaitPath("up1", "64500");
        lab.lab.awaitEstablished("up2"); // up1 may be up before up2: its since-time is only stable once established
        String upSince = since(lab.lab.sessionRow("up2"));
        // Parses and loads, but peers with up1 under a wrong AS: the session drops, the health check sees it.
        Applier.Renderer wrongAs = k -> lab.config.render(lab.site, k).replace("as 64601;", "as 64999;");
        Applier applier = new Applier(lab.site, lab.host, wrongAs, new BirdParser(), new RouteHealth(lab.views),
                new Applier.Timing(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100)), Knobs.of(lab.site));

        ApplyOutcome o = applier.apply(Knobs.of(lab.site).withPrepend("up1", 1));

        assertThat(o).isInstanceOf(ApplyOutcome.Reverted.class);
        assertThat(((ApplyOutcome.Reverted) o).reason()).contains("up1");
        lab.lab.awaitEstablished("up1");
        lab.awaitPath("up1", "64500");
        assertThat(lab.lab.birdc("site", "show protocols all up1")).contains("Neighbor AS:      64601");
        assertSameSince(since(lab.lab.sessionRow("up2")), upSince, "up2's session since-time");
    }

    @Test
    void rollbackRestoresThePreviousPath() throws Exception {
        lab.awaitPath("up1", "64500");
        Applier applier = lab.applier(LabSite.timing());
        assertThat(applier.apply(Knobs.of(lab.site).withPrepend("up1", 3))).isInstanceOf(ApplyOutcome.Applied.class);
        lab.awaitPath("up1", "64500 64500 64500 64500");

        ApplyOutcome o = applier.rollback();

        assertThat(o).isInstanceOf(ApplyOutcome.Applied.class);
        lab.awaitPath("up1", "64500");
        assertThat(applier.running()).isEqualTo(Knobs.of(lab.site));
        assertThat(Files.readString(lab.lab.siteConfig())).isEqualTo(lab.config.render(lab.site));
    }

    @Test
    void aFilterChangeNeverResetsTheBgpSession() throws Exception {
        lab.awaitPath("up1", "64500");
        lab.lab.awaitEstablished("up1");
        String upstreamSince = since(lab.lab.sessionRow("up1"));
        String siteSince = since(siteRow("up1"));
        Applier applier = lab.applier(LabSite.timing());

        Knobs changed = Knobs.of(lab.site).withPrepend("up1", 2).withCommunities("up1", List.of(new Community(64500, 7, 0, false)));
        assertThat(applier.apply(changed)).isInstanceOf(ApplyOutcome.Applied.class);
        lab.awaitPath("up1", "64500 64500 64500");
        assertThat(applier.rollback()).isInstanceOf(ApplyOutcome.Applied.class);
        lab.awaitPath("up1", "64500");

        assertSameSince(since(lab.lab.sessionRow("up1")), upstreamSince, "up1's session since-time");
        assertSameSince(since(siteRow("up1")), siteSince, "the site's session since-time");
        assertThat(lab.lab.sessionRow("up1")).contains("Established");
    }

    private String siteRow(String proto) {
        return lab.lab.birdc("site", "show protocols " + proto).lines().filter(l -> l.startsWith(proto + " ")).findFirst().orElse("");
    }

    /**
     * The same state-change time, read twice. BIRD keeps it on its monotonic clock and prints it through the wall
     * clock's current offset, so one instant prints a few milliseconds apart on a busy machine (27 ms seen); a reset
     * session is re-established at least a second later (the lab's connect delay), so 250 ms tells them apart.
     */
    private static void assertSameSince(String actual, String expected, String what) {
        assertThat(Duration.ofNanos(Math.abs(nanosOfDay(actual) - nanosOfDay(expected))))
                .as("%s: %s, first read %s", what, actual, expected).isLessThanOrEqualTo(Duration.ofMillis(250));
    }

    /** The time of day in a Since column ({@code 2026-12-07 14:15:19.969} in the lab's upstreams, the time alone
     *  in the site's template); the date, where printed, is the same in both readings of one test. */
    private static long nanosOfDay(String since) {
        Matcher m = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?").matcher(since);
        assertThat(m.find()).as("a time in '%s'", since).isTrue();
        return LocalTime.parse(m.group()).toNanoOfDay();
    }

    /** The Since column of a {@code show protocols} row ({@code NAME PROTO TABLE STATE SINCE… INFO}). */
    private static String since(String row) {
        String[] f = row.trim().split("\\s+");
        assertThat(f.length).as("protocol row '%s'", row).isGreaterThanOrEqualTo(6);
        return Optional.of(f[4] + " " + f[5]).get();
    }
}
