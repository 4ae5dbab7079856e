package net.nsglobal.te.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nsglobal te world-sites}: writes the site files of a world of someone else's anycast service, with each
 * site's BGP neighbours chosen from CAIDA's data by one mechanical rule (never per probe):
 * <ol>
 *   <li><b>transit everywhere</b>: the origin's providers in the AS graph that are in CAIDA's tier-1 clique
 *       ({@code # input clique:}) are a transit session at every site;</li>
 *   <li><b>global networks everywhere</b>: its other providers and peers with at least {@code --global-customers}
 *       (100) direct customers in the graph are a peer session at every site;</li>
 *   <li><b>local neighbours</b>: every other neighbour (provider, peer or customer) whose organisation's country in
 *       CAIDA's AS-to-organisation table is a site's country is a peer session at that country's sites (an IXP
 *       route-server AS, {@code # IXP ASes:}, a route-server session). CAIDA infers far more providers for a large
 *       content network than it buys (194 for AS13335: on-net caches, paid peering), so only the tier-1s are
 *       transit; a customer hears a peer session's route as it would its provider's: it exports it to its own
 *       customers only.</li>
 * </ol>
 * Session addresses and the sites' unicast addresses are placeholders (10.0.0.0/8, 192.0.2.0/24); only the AS
 * numbers and kinds matter to the simulation.
 */
@Command(name = "world-sites", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a world's site files, neighbours chosen from the CAIDA graph by a fixed rule.")
final class WorldSitesCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "tab-separated lines: id, city, country (ISO alpha-2), latitude, longitude; # comments")
    Path spec;

    @Option(names = "--origin", required = true, paramLabel = "AS", description = "the service's AS number")
    long origin;

    @Option(names = "--prefix", required = true, paramLabel = "CIDR", description = "the anycast prefix")
    String prefix;

    @Option(names = "--global-customers", defaultValue = "100", paramLabel = "N",
            description = "a neighbour with at least N direct customers in the graph is a session at every site (default: ${DEFAULT-VALUE})")
    int globalCustomers;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write <id>.yaml (default: the spec's folder)")
    Path out;

    @Option(names = "--graph", paramLabel = "FILE", description = "CAIDA AS relationships (default: shared/data/" + DataFiles.GRAPH + ")")
    Path graph;

    @Option(names = "--orgs", paramLabel = "FILE", description = "CAIDA AS organisations (default: shared/data/" + DataFiles.ORGS + ")")
    Path orgs;

    @Spec
    CommandSpec cmd;

    record SiteSpec(String id, String city, String country, double lat, double lon) {}

    record Link(long as, String kind) {}

    @Override
    public Integer call() {
        PrintWriter err = cmd.commandLine().getErr();
        try {
            List<SiteSpec> sites = readSpec(spec);
            Path g = graph != null ? graph : DataFiles.file(DataFiles.GRAPH);
            Set<Long> clique = new TreeSet<>(), ixps = new TreeSet<>();
            Map<Long, Integer> customers = new HashMap<>();
            Map<Long, String> links = neighbours(g, origin, clique, ixps, customers);
            Map<Long, String> country = countries(orgs != null ? orgs : DataFiles.file(DataFiles.ORGS));
            Path dir = out != null ? out : spec.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            for (int i = 0; i < sites.size(); i++) {
                SiteSpec s = sites.get(i);
                List<Link> chosen = new ArrayList<>();
                for (Map.Entry<Long, String> e : links.entrySet()) {
                    long as = e.getKey();
                    String rel = e.getValue();
                    if (rel.equals("provider") && clique.contains(as)) chosen.add(new Link(as, "transit"));
                    else if (!rel.equals("customer") && customers.getOrDefault(as, 0) >= globalCustomers) chosen.add(new Link(as, "peer"));
                }
                for (Map.Entry<Long, String> e : links.entrySet()) {
                    long as = e.getKey();
                    String rel = e.getValue();
                    if (rel.equals("provider") && clique.contains(as)) continue;
                    if (!rel.equals("customer") && customers.getOrDefault(as, 0) >= globalCustomers) continue;
                    if (!s.country().equals(country.get(as))) continue;
                    chosen.add(new Link(as, ixps.contains(as) ? "route-server" : "peer"));
                }
                Files.writeString(dir.resolve(s.id() + ".yaml"), yaml(s, i, chosen), StandardCharsets.UTF_8);
                err.printf("te world-sites: %s.yaml: %d neighbours%n", s.id(), chosen.size());
            }
            err.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("te world-sites: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private String yaml(SiteSpec s, int index, List<Link> links) {
        StringBuilder b = new StringBuilder();
        b.append("# Site ").append(s.id()).append(" (").append(s.city()).append(") of AS").append(origin)
                .append("'s anycast. Do not edit: written by\n# ./nsglobal te world-sites --spec <this folder>/").append(spec.getFileName())
                .append(" --origin ").append(origin).append(" --prefix ").append(prefix).append(" --global-customers ").append(globalCustomers)
                .append("\n# (the rule choosing the neighbours: docs/te-world.md). Addresses are placeholders.\n");
        b.append("id: ").append(s.id()).append('\n');
        b.append("city: \"").append(s.city()).append("\"\n");
        b.append("country: ").append(s.country()).append('\n');
        b.append(String.format(Locale.ROOT, "latitude: %s%nlongitude: %s%n", s.lat(), s.lon()));
        b.append("unicast_v4: 192.0.2.").append(index + 1).append('\n');
        b.append("anycast_prefixes: [\"").append(prefix).append("\"]\n");
        b.append("local_as: ").append(origin).append('\n');
        b.append("neighbors:\n");
        int n = 0;
        for (Link l : links) {
            n++;
            b.append("  - name: as").append(l.as()).append('\n');
            b.append("    kind: ").append(l.kind()).append('\n');
            b.append("    peer_as: ").append(l.as()).append('\n');
            b.append("    address: 10.").append(index + 1).append('.').append(n / 256).append('.').append(n % 256).append('\n');
        }
        return b.toString();
    }

    static List<SiteSpec> readSpec(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("--spec " + file + ": no such file");
        List<SiteSpec> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            try {
                if (f.length != 5 || !f[0].matches("[a-z][a-z0-9]{1,15}") || !f[2].matches("[A-Z]{2}")) throw new NumberFormatException();
                out.add(new SiteSpec(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": expected id<TAB>city<TAB>CC<TAB>latitude<TAB>longitude: " + line);
            }
        }
        if (out.isEmpty()) throw new IOException(file + ": no sites");
        return out;
    }

    /** The origin's neighbours in the graph with what each is to the origin; fills the clique and IXP sets. */
    static Map<Long, String> neighbours(Path graph, long origin, Set<Long> clique, Set<Long> ixps, Map<Long, Integer> customers)
            throws IOException {
        Map<Long, String> out = new TreeMap<>();
        try (BufferedReader r = reader(graph)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("# input clique:")) addAll(clique, line.substring(15));
                else if (line.startsWith("# IXP ASes:")) addAll(ixps, line.substring(11));
                if (line.startsWith("#")) continue;
                String[] f = line.split("\\|");
                if (f.length < 3) continue;
                long a = Long.parseLong(f[0]), b = Long.parseLong(f[1]);
                boolean p2c = f[2].equals("-1");
                if (p2c) customers.merge(a, 1, Integer::sum);
                if (a == origin) out.put(b, p2c ? "customer" : "peer");
                else if (b == origin) out.put(a, p2c ? "provider" : "peer");
            }
        }
        if (out.isEmpty()) throw new IOException(graph + ": AS" + origin + " has no links");
        return out;
    }

    /** AS → its organisation's country, from the two sections of an as-org2info file. */
    static Map<Long, String> countries(Path file) throws IOException {
        Map<String, String> orgCountry = new HashMap<>();
        Map<Long, String> asOrg = new HashMap<>();
        try (BufferedReader r = reader(file)) {
            String line;
            boolean autSection = false;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("# format:")) autSection = line.startsWith("# format:aut");
                if (line.startsWith("#")) continue;
                String[] f = line.split("\\|", -1);
                if (autSection && f.length >= 4) asOrg.put(Long.parseLong(f[0]), f[3]);
                else if (!autSection && f.length >= 4) orgCountry.put(f[0], f[3]);
            }
        }
        Map<Long, String> out = new HashMap<>();
        asOrg.forEach((as, org) -> {
            String c = orgCountry.get(org);
            if (c != null) out.put(as, c);
        });
        return out;
    }

    private static void addAll(Set<Long> set, String list) {
        for (String s : list.trim().split("\\s+")) if (!s.isEmpty()) set.add(Long.parseLong(s));
    }

    private static BufferedReader reader(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        String name = file.getFileName().toString();
        InputStream in;
        if (name.endsWith(".bz2")) {
            Process p = new ProcessBuilder("bzcat", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = p.getInputStream();
        } else {
            in = Files.newInputStream(file);
            if (name.endsWith(".gz")) in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
