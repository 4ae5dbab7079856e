package net.nsglobal.te.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.platform.sites.SitesException;
import net.nsglobal.te.apply.BirdConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nsglobal te render --site CODE}: prints the BIRD 2 configuration of one site as its {@code sites/CODE.yaml}
 * configures it, rendered from {@code sites/templates/bird.conf.ftl} — the same text te-engine's applier starts from.
 * Exit status: 0 printed, 2 for an unknown site or an unreadable sites/ folder, 1 when the template fails.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a site's BIRD 2 configuration, rendered from sites/ (check it with: bird -p -c FILE)."})
public final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "CODE", description = "the site's id, e.g. fra1")
    String site;

    @Option(names = "--sites", paramLabel = "DIR",
            description = "the fleet inventory (default: <nsglobal.home>/sites, else ./sites)")
    Path sites;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = sites != null ? sites : defaultSites();
        Sites all;
        try {
            all = Sites.load(dir);
        } catch (SitesException | IOException e) {
            err.println("te render: cannot read " + dir + ": " + e.getMessage());
            return 2;
        }
        Site s = all.byId(site).orElse(null);
        if (s == null) {
            err.println("te render: no site '" + site + "' in " + dir + " (have "
                    + all.all().stream().map(Site::id).collect(Collectors.joining(", ")) + ")");
            return 2;
        }
        try {
            out.print(new BirdConfig(dir.resolve("templates")).render(s));
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("te render: site " + site + ": " + e.getMessage());
            return 1;
        }
    }

    private static Path defaultSites() {
        String home = System.getProperty("nsglobal.home");
        return home != null ? Path.of(home, "sites") : Path.of("sites");
    }
}
