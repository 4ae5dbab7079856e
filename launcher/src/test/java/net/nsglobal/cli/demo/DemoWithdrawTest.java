package net.nsglobal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's "when a site goes offline, the BGP announcement from that location disappears", in the demo: stopping
 * a demo edge makes the engine withdraw its site from the site's BIRD file (after the fall count of failed checks),
 * the simulated world reads the file, and the next round measures the site's probes at other sites.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoWithdrawTest {
    @TempDir Path dir;

    @Test
    void stoppingAnEdgeWithdrawsItsSiteAndTheNextRoundMovesItsProbes() throws Exception {
        int base = DemoBrowserTest.freeBlock(Demo.EDGE_OFFSET + 3);
        int http = DemoBrowserTest.freeBlock(1);
        try (Demo demo = Demo.start(new Demo.Options(dir.resolve("demo"), base, "127.0.0.1", http, null, null, null,
                Path.of("../sites"), List.of("fmt1", "fra1", "nrt1")))) {
            DemoObservatory o = demo.observatory().orElseThrow();
            CatchmentSnapshot first = Wait.until("a first complete round", Duration.ofSeconds(120),
                    () -> o.observatory().latest(), s -> s.isPresent() && s.get().probes().size() > 150).orElseThrow();
            assertThat(first.probes()).as("probes at nrt1 before").anyMatch(p -> "fra1".equals(p.site()) || "nrt1".equals(p.site()));
            String victim = first.probes().stream().anyMatch(p -> "nrt1".equals(p.site())) ? "nrt1" : "fra1";
            assertThat(Files.readString(o.birdDir().resolve(victim + ".conf"))).contains("accept;");

            Instant stopped = Instant.now();
            demo.fleet().edges().get(victim).close();
            Wait.until(victim + " withdrawn", Duration.ofSeconds(60), () -> o.withdrawn().contains(victim));
            // The site agent's way: its state file, which every session's export filter includes, rejects the prefix.
            assertThat(Files.readString(o.birdDir().resolve(victim + ".conf")))
                    .contains("include \"" + victim + ".anycast-state.con[f]\";");
            assertThat(Files.readString(o.birdDir().resolve(victim + ".anycast-state.conf"))).contains("reject;");
            String token = demo.banner().stream().filter(l -> l.startsWith("operator-token: ")).findFirst().orElseThrow()
                    .substring("operator-token: ".length());
            var agents = new net.nsglobal.testkit.Http(demo.web().url()).getBearer("/api/v1/te/agents", token);
            assertThat(agents.statusCode()).isEqualTo(200);
            assertThat(agents.body()).as("the withdrawal on the operator's agents page")
                    .containsPattern("\\{\"site\":\"" + victim + "\",\"event\":\"[a-z]+\",\"time\":\"[^\"]+\",\"from\":\"announced\",\"to\":\"withdrawn\"");
            assertThat(o.observatory().configChanges(stopped, Instant.now().plusSeconds(1)))
                    .anyMatch(c -> c.site().equals(victim) && c.summary().startsWith("withdrawn"));

            CatchmentSnapshot after = Wait.until("a round measured after the withdrawal", Duration.ofSeconds(120),
                    () -> o.observatory().latest(),
                    s -> s.isPresent() && s.get().time().isAfter(stopped) && s.get().probes().size() > 150).orElseThrow();
            assertThat(after.probes()).as("no probe reaches the withdrawn site").noneMatch(p -> victim.equals(p.site()));
            assertThat(after.probes()).as("its probes answered from the other sites")
                    .anyMatch(p -> p.site() != null && !p.site().equals(victim));
        }
    }
}
