package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code te world-sites}: the neighbour rule on a small graph, and the shipped worlds are its output on CAIDA's. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WorldSitesCommandTest {
    @TempDir
    Path dir;

    int run(String... args) {
        CommandLine cl = new CommandLine(new TeCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        assertThat(rc).as(err.toString()).isZero();
        return rc;
    }

    @Test
    void tierOnesAndBigNetworksEverywhereOthersInTheirCountry() throws Exception {
        // Origin 65000. 174 (clique) and 20 are its providers, 30 and 40 its peers, 50 its customer; 30 has 2 customers.
        Path graph = Files.writeString(dir.resolve("g.txt"),
                "# input clique: 174 3356\n# IXP ASes: 40\n174|65000|-1\n20|65000|-1\n30|65000|0\n40|65000|0\n65000|50|-1\n30|31|-1\n30|32|-1\n");
        Path orgs = Files.writeString(dir.resolve("orgs.txt"), """
                # format:org_id|changed|org_name|country|source
                O1|20200101|One|NL|RIPE
                O2|20200101|Two|ZA|AFRINIC
                # format:aut|changed|aut_name|org_id|opaque_id|source
                20|20200101|A|O1||RIPE
                30|20200101|B|O2||AFRINIC
                40|20200101|C|O1||RIPE
                50|20200101|D|O2||AFRINIC
                """);
        Path spec = Files.writeString(dir.resolve("sites.tsv"), "# test\nams\tAmsterdam\tNL\t52.3\t4.9\njnb\tJohannesburg\tZA\t-26.1\t28.2\n");
        run("world-sites", "--spec", spec.toString(), "--origin", "65000", "--prefix", "192.0.2.0/24", "--graph", graph.toString(),
                "--orgs", orgs.toString(), "--global-customers", "2");
        List<Site> sites = Sites.load(dir).all();
        assertThat(sites).extracting(Site::id).containsExactly("ams", "jnb");
        assertThat(sessions(sites.get(0))).containsExactly("30 peer", "174 transit", "20 peer", "40 route-server");
        assertThat(sessions(sites.get(1))).containsExactly("30 peer", "174 transit", "50 peer");
        assertThat(sites.get(1).localAs()).isEqualTo(65000);
    }

    static List<String> sessions(Site s) {
        return s.neighbors().stream().map(n -> n.peerAs() + " " + n.kind()).toList();
    }

    @Test
    void theShippedWorldsAreTheRulesOutput() throws Exception {
        for (String[] w : new String[][] {{"cloudflare-2015", "13335", "173.245.58.0/24"}, {"google-public-dns-2017", "15169", "8.8.8.0/24"}}) {
            Path shipped = Path.of("worlds", w[0]);
            Path out = Files.createDirectories(dir.resolve(w[0]));
            run("world-sites", "--spec", shipped.resolve("sites.tsv").toString(), "--origin", w[1], "--prefix", w[2], "--out", out.toString(),
                    "--graph", SharedData.file(DataFiles.GRAPH).toString(), "--orgs", SharedData.file(DataFiles.ORGS).toString());
            try (Stream<Path> files = Files.list(shipped)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    assertThat(out.resolve(f.getFileName())).as(f.toString()).hasSameTextualContentAs(f);
                }
            }
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.count()).isEqualTo(Files.readAllLines(shipped.resolve("sites.tsv")).stream().filter(l -> !l.startsWith("#")).count());
            }
        }
    }
}
