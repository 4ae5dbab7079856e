package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code te predict} end to end on a small world: a two-site fleet, a three-AS graph, three probes. */
class PredictCommandTest {
    @TempDir
    Path dir;

    Path world, probes, graph;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    static String site(String id, String cc, double lat, double lon, int n) {
        return "id: " + id + "\ncity: " + id + "\ncountry: " + cc + "\nlatitude: " + lat + "\nlongitude: " + lon
                + "\nunicast_v4: 192.0.2." + n + "\nanycast_prefixes: [\"198.51.100.0/24\"]\nlocal_as: 64500\n"
                + "neighbors:\n  - name: transit\n    kind: transit\n    peer_as: 10\n    address: 203.0.113." + n + "\n";
    }

    @BeforeEach
    void world() throws Exception {
        world = Files.createDirectories(dir.resolve("world"));
        Files.writeString(world.resolve("ams.yaml"), site("ams", "NL", 52.3, 4.9, 1));
        Files.writeString(world.resolve("sin.yaml"), site("sin", "SG", 1.35, 103.99, 2));
        graph = Files.writeString(dir.resolve("graph.txt"), "10|20|-1\n10|30|-1\n");
        probes = Files.writeString(dir.resolve("probes.jsonl"), """
                {"id":1,"country_code":"NL","geometry":{"coordinates":[5.0,52.0]},"asn_v4_derived":20}
                {"id":2,"asn_v4":30,"country_code":"SG","geometry":{"coordinates":[103.8,1.3]}}
                {"id":3,"asn_v4":99,"country_code":"SG","geometry":{"coordinates":[103.8,1.3]}}
                """);
    }

    int run(String... args) {
        CommandLine cl = new CommandLine(new TeCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void oneJsonLinePerProbeWithItsSiteAndRtt() {
        assertThat(run("predict", "--world", world.toString(), "--probes", probes.toString(), "--graph", graph.toString(), "--format", "json"))
                .as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("\\{\"prb_id\":1,\"site\":\"ams\",\"rtt_ms\":[0-9.]+}");
        assertThat(lines.get(1)).matches("\\{\"prb_id\":2,\"site\":\"sin\",\"rtt_ms\":[0-9.]+}");
        assertThat(lines.get(2)).isEqualTo("{\"prb_id\":3,\"site\":null,\"rtt_ms\":null}");
    }

    @Test
    void aWithdrawnSiteSendsItsProbesElsewhereAndTheTableIsReadable() {
        assertThat(run("predict", "--world", world.toString(), "--probes", probes.toString(), "--graph", graph.toString(), "--withdraw", "sin"))
                .as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("prb_id").contains("site").contains("rtt_ms");
        assertThat(lines.get(2)).matches("2 +30 +SG +ams +[0-9.]+");
        assertThat(lines.get(3)).matches("3 +99 +SG +\\(no route\\) +-");
    }

    @Test
    void badInputIsNamedByFileAndLineWithExitCode2() throws Exception {
        Files.writeString(probes, "{\"id\":1}\nnot json\n");
        assertThat(run("predict", "--world", world.toString(), "--probes", probes.toString(), "--graph", graph.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("probes.jsonl:2: not JSON");
        assertThat(out.toString()).isEmpty();

        Files.writeString(probes, "{\"id\":1}\n");
        Files.writeString(world.resolve("sin.yaml"), site("sin", "SG", 1.35, 103.99, 2).replace("latitude: 1.35", "latitude: north"));
        err.getBuffer().setLength(0);
        assertThat(run("predict", "--world", world.toString(), "--probes", probes.toString(), "--graph", graph.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("world/sin.yaml:4: latitude");

        Files.writeString(world.resolve("sin.yaml"), site("sin", "SG", 1.35, 103.99, 2));
        err.getBuffer().setLength(0);
        assertThat(run("predict", "--world", world.toString(), "--probes", probes.toString(), "--graph", graph.toString(), "--withdraw", "fra")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot withdraw site 'fra'");

        err.getBuffer().setLength(0);
        assertThat(run("predict", "--world", dir.resolve("nope").toString(), "--probes", probes.toString(), "--graph", graph.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope: no such folder");
    }
}
