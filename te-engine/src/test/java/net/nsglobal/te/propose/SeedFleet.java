package net.nsglobal.te.propose;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.world.AsGraph;
import net.nsglobal.te.world.AsRegions;
import net.nsglobal.te.world.Probes;
import net.nsglobal.te.world.Routing;
import net.nsglobal.testkit.SharedData;

/**
 * The seed fleet ({@code sites/*.yaml}) on the simulated Internet: CAIDA's AS graph of 2023-02-01 with the
 * organisations' regions (action communities), the 10,901 connected RIPE Atlas probes of 2023-04, the IPv4 anycast
 * prefix, and one round of unicast pings (seed 1). Learned once per test class.
 */
final class SeedFleet {
    static final Cidr V4 = Cidr.of("198.51.100.0/24");

    final List<Site> sites;
    final List<Probe> probes;
    final WorldExperimentRunner runner;
    final Map<String, Knobs> base = new LinkedHashMap<>();
    final UnicastRtt rtt;
    final Experiments.Learned learned;

    SeedFleet() throws Exception {
        this(Sites.load(Path.of("..", "sites")).all());
    }

    /**
     * The demo's fleet: {@code sites/*.yaml} with the files of {@code sites/demo/} in place of their namesakes
     * (the demo's story: nrt1 with Hurricane Electric transit, see sites/demo/README.md).
     */
    static SeedFleet demo(Path scratch) throws Exception {
        for (Path dir : List.of(Path.of("..", "sites"), Path.of("..", "sites", "demo"))) {
            try (var files = java.nio.file.Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    java.nio.file.Files.copy(f, scratch.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new SeedFleet(Sites.load(scratch).all());
    }

    SeedFleet(List<Site> sites) throws Exception {
        Path data = SharedData.root();
        AsGraph graph = AsGraph.load(data.resolve("caida/20230201.as-rel.txt.bz2"));
        AsRegions regions = AsRegions.load(data.resolve("caida/20221001.as-org2info.txt.gz"));
        this.sites = sites;
        probes = Probes.read(data.resolve("probes/ripe_atlas_probes_2023-04_connected.jsonl.gz"));
        runner = new WorldExperimentRunner(new Routing(graph, regions), sites, probes, V4);
        for (Site s : sites) base.put(s.id(), Knobs.of(s));
        rtt = UnicastRtt.measure(runner.world(), probes, sites.stream().map(Site::id).toList(), 1);
        learned = Experiments.learn(runner, sites, probes, base, rtt);
    }
}
