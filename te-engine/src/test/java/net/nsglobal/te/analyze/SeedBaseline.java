package net.nsglobal.te.analyze;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;
import net.nsglobal.te.world.Announcement;
import net.nsglobal.te.world.AsGraph;
import net.nsglobal.te.world.AsRegions;
import net.nsglobal.te.world.Probes;
import net.nsglobal.te.world.Routing;
import net.nsglobal.te.world.SimulatedWorld;
import net.nsglobal.te.world.rtt.RttModel;
import net.nsglobal.testkit.SharedData;

/**
 * The seed fleet's baseline as the observatory would measure it from every RIPE Atlas probe at once: the simulated
 * world of {@code sites/} (as configured, every session announced), one catchment answer and one ping per site per
 * probe from the world's models (seeded noise), through the same {@link Analysis#of} the scheduled rounds use.
 * Not a test; prints the figures the docs quote.
 *
 * <p>usage: {@code java … net.nsglobal.te.analyze.SeedBaseline SITES_DIR [SEED]}
 */
public final class SeedBaseline {
    public static void main(String[] args) throws Exception {
        List<Site> sites = Sites.load(Path.of(args.length > 0 ? args[0] : "../sites")).all();
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        AsGraph graph = AsGraph.load(SharedData.file("caida/20230201.as-rel.txt.bz2"));
        AsRegions regions = AsRegions.load(SharedData.file("caida/20221001.as-org2info.txt.gz"));
        List<Probe> probes = Probes.read(SharedData.file("probes/ripe_atlas_probes_2023-04_connected.jsonl.gz"));
        Cidr prefix = sites.get(0).anycastV4().get(0);
        List<Announcement> anns = Announcement.of(sites, prefix);
        SimulatedWorld world = new SimulatedWorld(new Routing(graph, regions), sites.get(0).localAs(), sites, probes,
                () -> anns, RttModel.fitted());
        Instant t = Instant.parse("2026-12-07T00:00:00Z");
        List<ProbeInfo> info = new ArrayList<>();
        List<CatchmentSample> catchment = new ArrayList<>();
        Map<String, List<PingSample>> pings = new HashMap<>();
        for (Probe p : probes) {
            if (p.latitude() == null) continue;
            info.add(new ProbeInfo(p.id(), p.asnV4() == null ? null : Integer.toUnsignedLong(p.asnV4()), p.countryCode(),
                    p.latitude(), p.longitude()));
            Optional<String> site = world.siteOf(p.id());
            double rtt = site.map(s -> world.rttMs(p.id(), s, seed * 31 + p.id()).orElse(Double.NaN)).orElse(Double.NaN);
            catchment.add(new CatchmentSample(1, p.id(), t, site.orElse(null), rtt, site.isEmpty() ? "timeout" : null));
            long msm = 2;
            for (Site s : sites) {
                OptionalDouble r = world.rttMs(p.id(), s.id(), seed * 31 + p.id() + msm * 7919);
                pings.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new PingSample(msm, p.id(), t, s.id(),
                        r.orElse(Double.NaN), 3, r.isPresent() ? 3 : 0));
                msm++;
            }
        }
        CatchmentSnapshot snap = Analysis.of(new Round(1, t, "simulated", 1, Map.of()), info, catchment, pings, sites,
                Optional.empty());
        System.out.printf("probes %d, answered %d%n", snap.probes().size(),
                snap.probes().stream().filter(r -> r.site() != null).count());
        System.out.println("| region | probes | share at optimal | p50 / p90 RTT (ms) | p50 / p90 inflation (ms) | largest sites |");
        System.out.println("|---|---|---|---|---|---|");
        for (RegionSummary r : snap.regions()) {
            String top = r.sharePerSite().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(3).map(e -> String.format("%s %.0f%%", e.getKey(), 100 * e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
            System.out.printf("| %s | %d | %.1f%% | %.1f / %.1f | %.1f / %.1f | %s |%n", r.key(), r.probes(),
                    100 * r.shareAtOptimal(), r.p50RttMs(), r.p90RttMs(), r.p50InflationMs(), r.p90InflationMs(), top);
        }
        long polarizedProbes = snap.probes().stream().filter(ProbeRound::polarized).count();
        System.out.printf("%npolarized probes: %d; networks: %d; top 10:%n", polarizedProbes, snap.polarized().size());
        System.out.println("| AS | country | region | probes | site (region) | median RTT / inflation (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        snap.polarized().stream().limit(10).forEach(n -> System.out.printf("| AS%d | %s | %s | %d | %s (%s) | %.1f / %.1f |%n",
                n.asn(), n.country(), n.region(), n.probes(), n.site(), n.siteRegion(), n.medianRttMs(), n.medianInflationMs()));
    }
}
