package net.nsglobal.te.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.platform.sites.SitesException;
import net.nsglobal.te.world.AsGraph;
import net.nsglobal.te.world.Probes;
import net.nsglobal.te.world.SimulatedWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nsglobal te predict}: for every probe, the site the simulated world's routing takes it to and one RTT
 * sample to that site. Bad input (a site file, a probe line, an unknown site to withdraw) is reported with its
 * file and line, and the exit code is 2.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict each probe's site and RTT in a simulated world (a folder of site files).")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--world", required = true, paramLabel = "DIR", description = "folder of site files (<id>.yaml, the schema of sites/)")
    Path world;

    @Option(names = "--probes", required = true, paramLabel = "FILE", description = "RIPE Atlas probes, JSON lines (gzip too)")
    Path probes;

    @Option(names = "--withdraw", split = ",", paramLabel = "CODE", description = "sites whose announcements are withdrawn")
    List<String> withdraw = List.of();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default) or json (one object per line)")
    String format;

    @Option(names = "--graph", paramLabel = "FILE", description = "CAIDA AS relationships (default: shared/data/" + DataFiles.GRAPH + ")")
    Path graph;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "noise seed of the RTT samples (default: 1)")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try {
            if (!format.equals("table") && !format.equals("json")) throw new IllegalArgumentException("--format " + format + ": expected table or json");
            List<Site> sites;
            if (!java.nio.file.Files.isDirectory(world)) throw new IOException("--world " + world + ": no such folder");
            try {
                sites = Sites.load(world).all();
            } catch (SitesException e) {
                throw new IOException(e.getMessage(), e);
            }
            List<Probe> ps = Probes.read(probes);
            Set<String> withdrawn = new LinkedHashSet<>(withdraw);
            AsGraph g = AsGraph.load(graph != null ? graph : DataFiles.file(DataFiles.GRAPH));
            SimulatedWorld w = SimulatedWorld.of(sites, g, ps, withdrawn);
            print(w, out);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.flush();
            err.println("te predict: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private void print(SimulatedWorld w, PrintWriter out) {
        ObjectMapper json = new ObjectMapper();
        boolean table = format.equals("table");
        if (table) out.printf("%-9s %-10s %-3s %-12s %9s%n", "prb_id", "asn", "cc", "site", "rtt_ms");
        for (Probe p : w.probes()) {
            Optional<String> site = w.siteOf(p.id());
            OptionalDouble rtt = site.isPresent() ? w.rttMs(p.id(), site.get(), seed) : OptionalDouble.empty();
            if (table) {
                out.printf("%-9d %-10s %-3s %-12s %9s%n", p.id(), p.asnV4() == null ? "-" : Integer.toUnsignedString(p.asnV4()),
                        p.countryCode() == null ? "-" : p.countryCode(), site.orElse("(no route)"),
                        rtt.isPresent() ? String.format(Locale.ROOT, "%.1f", rtt.getAsDouble()) : "-");
            } else {
                ObjectNode o = json.createObjectNode();
                o.put("prb_id", p.id());
                if (site.isPresent()) o.put("site", site.get()); else o.putNull("site");
                if (rtt.isPresent()) o.put("rtt_ms", Math.round(rtt.getAsDouble() * 1000) / 1000.0); else o.putNull("rtt_ms");
                out.println(o);
            }
        }
    }
}
