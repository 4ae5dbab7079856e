package net.nsglobal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.nsglobal.platform.sites.Site;
import org.junit.jupiter.api.Test;

/** The demo's edges come from the site files: every file, or the ids asked for; no site list lives in Java. */
class DemoSitesTest {
    private static final Path SITES = Path.of("../sites");

    private static Demo.Options options(List<String> ids) {
        return new Demo.Options(Path.of("unused"), 15300, "127.0.0.1", 8080, null, null, null, SITES, ids);
    }

    @Test
    void everySiteFileIsAnEdgeByDefault() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(SITES)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Demo.sites(options(List.of())).stream().map(Site::id).sorted().toList()).isEqualTo(files);
    }

    @Test
    void aSubsetKeepsTheOrderAskedFor() throws Exception {
        assertThat(Demo.sites(options(List.of("nrt1", "fmt1"))).stream().map(Site::id)).containsExactly("nrt1", "fmt1");
    }

    @Test
    void theOverlaysFilesReplaceTheirNamesakes() throws Exception {
        List<Site> fleet = Demo.sites(options(List.of()));
        Site nrt1 = fleet.stream().filter(s -> s.id().equals("nrt1")).findFirst().orElseThrow();
        assertThat(nrt1.neighbors()).as("the demo's Tokyo has Hurricane Electric transit")
                .anyMatch(n -> n.peerAs() == 6939 && n.name().equals("he"));
        Site fmt1 = fleet.stream().filter(s -> s.id().equals("fmt1")).findFirst().orElseThrow();
        assertThat(fmt1.neighbors()).as("and Fremont has not").noneMatch(n -> n.peerAs() == 6939);
        assertThat(net.nsglobal.platform.sites.Sites.load(SITES).byId("nrt1").orElseThrow().neighbors())
                .as("the production inventory is unchanged").noneMatch(n -> n.peerAs() == 6939);
    }

    @Test
    void anUnknownSiteIsAClearError() {
        assertThatThrownBy(() -> Demo.sites(options(List.of("xyz9"))))
                .hasMessageContaining("no site 'xyz9'").hasMessageContaining("fmt1");
    }
}
