package net.nsglobal.te.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.testkit.BirdLab;
import net.nsglobal.testkit.Wait;

/**
 * The test fixture around a {@link BirdLab}: a sites-like record for the lab's site router (its neighbours are the
 * lab's upstreams), its configuration rendered by {@link BirdConfig} from the real template, the lab started with it,
 * and an {@link Applier} on the site's local control socket whose health check reads both upstreams.
 */
final class LabSite implements AutoCloseable {
    static final Path TEMPLATES = Path.of("..", "sites", "templates");
    static final String PREFIX = "198.51.100.0/24";
    static final long AS = 64500;

    static final String YAML = net.nsglobal.testkit.BirdLab.SITE_YAML;

    final Site site;
    final BirdConfig config;
    final BirdLab lab;
    final LocalSiteHost host;
    final Map<String, Birdc> views = new LinkedHashMap<>();

    LabSite(Path dir) throws IOException {
        Path sites = dir.resolve("sites");
        Files.createDirectories(sites);
        Files.writeString(sites.resolve("lab1.yaml"), YAML);
        try {
            site = Sites.load(sites).byId("lab1").orElseThrow();
        } catch (net.nsglobal.platform.sites.SitesException e) {
            throw new IOException(e);
        }
        config = new BirdConfig(TEMPLATES);
        lab = BirdLab.start(dir.resolve("lab"), AS, config.render(site));
        host = new LocalSiteHost(lab.socket("site"), lab.siteConfig());
        try {
            for (BirdLab.Upstream u : BirdLab.UPSTREAMS) views.put(u.name(), UnixSocketBirdc.connect(lab.socket(u.name())));
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    Applier applier(Applier.Timing timing) {
        return Applier.of(config, site, host, new RouteHealth(views), timing, Knobs.of(site));
    }

    static Applier.Timing timing() {
        return new Applier.Timing(Duration.ofSeconds(60), Duration.ofSeconds(40), Duration.ofMillis(100));
    }

    /** What {@code upstream} holds for the anycast prefix, as birdc prints it (an observer independent of the code under test). */
    String seenBy(String upstream) {
        return lab.birdc(upstream, "show route " + PREFIX + " all");
    }

    /** Waits until {@code upstream} holds the prefix with exactly {@code path} (e.g. "64500 64500"). */
    String awaitPath(String upstream, String path) {
        return Wait.until(upstream + " sees " + PREFIX + " with BGP.as_path " + path, Duration.ofSeconds(40),
                () -> seenBy(upstream), s -> s.contains("BGP.as_path: " + path + "\n"));
    }

    @Override
    public void close() {
        for (Birdc b : views.values()) {
            try {
                b.close();
            } catch (IOException ignored) {
                // the lab goes away next
            }
        }
        if (lab != null) lab.close();
    }
}
