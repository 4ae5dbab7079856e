package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.db.Database;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import net.nsglobal.te.world.World;
import net.nsglobal.te.world.api.AtlasOptions;
import net.nsglobal.te.world.api.SimulatedAtlas;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code te engine --config FILE} as a process: it reads the file, starts the store on the database it is given,
 * measures a round at once through the {@code atlas:} API (here a simulated Atlas on loopback), runs the
 * observatory's and the engine's jobs, and stops when told (what SIGTERM does); a file with a site lacking its router
 * is refused with exit 2, naming the key and the site.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EngineCommandTest {
    static final String KEY = "engine-command-key";

    @TempDir Path dir;

    /** Three probes; two reach fra1, one ams1. */
    static final class TwoSites implements World {
        public List<Probe> probes() {
            return List.of(new Probe(1, 3320, null, "DE", 8.68, 50.11, "Connected", false, "10.0.1.1"),
                    new Probe(2, 3320, null, "DE", 13.40, 52.52, "Connected", false, "10.0.1.2"),
                    new Probe(3, 1136, null, "NL", 4.90, 52.37, "Connected", false, "10.0.3.1"));
        }

        public Optional<String> siteOf(int probe) { return Optional.of(probe == 3 ? "ams1" : "fra1"); }

        public OptionalDouble rttMs(int probe, String site, long seed) { return OptionalDouble.of(10 + probe); }
    }

    Path file(String routers) throws Exception {
        Path f = dir.resolve("te.yaml");
        Files.writeString(f, """
                te:
                  measurement-backend: ripe-atlas
                  anycast-addresses: [198.51.100.1]
                  probes-per-round: 3
                  routers:
                %s
                atlas: { api-url: "%s", api-key: %s }
                sites: { dir: %s, only: [ams1, fra1] }
                """.formatted(routers, "http://127.0.0.1:9/api/v2/", KEY, Path.of("..", "sites").toAbsolutePath().normalize()));
        return f;
    }

    @Test
    void aSiteWithoutItsRouterIsRefusedNamingKeyAndSite() throws Exception {
        Path f = file("    - { site: fra1, socket: /run/bird/fra1.ctl, config-file: /etc/bird/fra1.conf }");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TeCommand());
        cl.setErr(new PrintWriter(err));

        int status = cl.execute("engine", "--config", f.toString(), "--data-dir", dir.resolve("db").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("te.yaml:").contains("te.routers: no item for site ams1");
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void runsTheJobsMeasuresARoundAndStopsCleanly() throws Exception {
        SimulatedAtlas atlas = new SimulatedAtlas(new TwoSites(), Map.of(), Clock.systemUTC(),
                AtlasOptions.of(KEY, Set.of("198.51.100.1"), Map.of()).withDnsTimeout(Duration.ofMillis(200))).start(0);
        Path dbDir = dir.resolve("db");
        try (atlas; Database db = Database.embedded(dbDir)) {
            Path f = file("    - { site: fra1, socket: /run/bird/fra1.ctl, config-file: /etc/bird/fra1.conf }\n"
                    + "    - { site: ams1, socket: /run/bird/ams1.ctl, config-file: /etc/bird/ams1.conf }");
            Files.writeString(f, Files.readString(f).replace("http://127.0.0.1:9/api/v2/", atlas.url()));
            MeasurementStore store = MeasurementStores.open(db, StoreSettings.defaults());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new TeCommand());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            EngineCommand engine = cl.getSubcommands().get("engine").getCommand();

            String password = Database.embeddedPassword(dbDir);
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> cl.execute("engine", "--config",
                    f.toString(), "--db-url", "jdbc:postgresql://127.0.0.1:" + db.embeddedPort() + "/postgres",
                    "--db-user", Database.EMBEDDED_USER, "--db-password", password));
            Wait.until("the engine measured a round", Duration.ofSeconds(60),
                    () -> running.isDone() || store.latestRound().isPresent());
            assertThat(running).as("still running (stderr: %s)", err).isNotDone();
            assertThat(store.latestRound().orElseThrow().backend()).isEqualTo("ripe-atlas");
            Wait.until("the status line", Duration.ofSeconds(30), () -> out.toString().contains("te engine: 2 sites"));
            assertThat(out.toString()).contains("observatory-round", "observatory-ingest", "te-learn", "te-propose",
                    "te-apply", "te-verify", "te-stale");

            engine.stop();

            assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo(0);
            assertThat(err.toString()).isEmpty();
        }
    }
}
