package net.nsglobal.te.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.ActionCommunity;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;

/**
 * Run by hand, not a test (see docs/performance.md, "Simulated Internet: routing"): loads CAIDA's graph and AS
 * regions, then computes the real fleet's IPv4 catchment repeatedly, as a what-if search would: in even rounds with
 * one session's prepend changed, in odd rounds with one of a neighbour's action communities attached to its session
 * (so the neighbour's per-session filter runs). Each round also places the 10,901 RIPE Atlas probes (hot potato).
 * Prints load times and the median / p90 / max of each.
 * Arguments: [warm-up rounds] [measured rounds], default 50 200.
 */
public final class RoutingBench {
    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 50, rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long t0 = System.nanoTime();
        AsGraph g = AsGraph.load(net.nsglobal.testkit.SharedData.file("caida/20230201.as-rel.txt.bz2"));
        long loadNs = System.nanoTime() - t0;
        t0 = System.nanoTime();
        AsRegions regions = AsRegions.load(net.nsglobal.testkit.SharedData.file("caida/20221001.as-org2info.txt.gz"));
        long regionsNs = System.nanoTime() - t0;
        List<Probe> probes = RealWorldRoutingTest.readProbes();
        List<Site> fleet = Sites.load(Path.of("..", "sites")).all();
        List<Announcement> base = Announcement.of(fleet, Cidr.of("198.51.100.0/24"));
        List<int[]> tags = new ArrayList<>();
        for (int s = 0; s < base.size(); s++) {
            for (int k = 0; k < base.get(s).actionCommunities().size(); k++) tags.add(new int[] {s, k});
        }
        Routing routing = new Routing(g, regions);
        long[] prepend = new long[rounds], community = new long[rounds], place = new long[rounds];
        int np = 0, nc = 0;
        long sink = 0;
        for (int i = 0; i < warm + rounds; i++) {
            List<Announcement> anns = new ArrayList<>(base);
            boolean tag = i % 2 == 1;
            if (tag) {
                int[] t = tags.get((i / 2) % tags.size());
                Announcement a = anns.get(t[0]);
                ActionCommunity ac = a.actionCommunities().get(t[1]);
                anns.set(t[0], a.withCommunities(List.of(ac.community())));
            } else {
                int k = (i / 2) % anns.size();
                anns.set(k, anns.get(k).withPrepend((anns.get(k).prepend() + 1 + i / anns.size()) % 4));
            }
            long s = System.nanoTime();
            Catchment c = routing.compute(fleet.get(0).localAs(), anns);
            long e = System.nanoTime() - s;
            s = System.nanoTime();
            sink += ProbeCatchment.perSite(c, probes).size() + c.reached();
            long p = System.nanoTime() - s;
            if (i >= warm) {
                if (tag) community[nc++] = e;
                else prepend[np++] = e;
                place[i - warm] = p;
            }
        }
        System.out.printf("graph: %d ASes, %d links, loaded in %d ms (bzcat + parse + CSR); regions of %d ASes in %d ms%n",
                g.size(), g.links(), loadNs / 1_000_000, regions.size(), regionsNs / 1_000_000);
        System.out.printf("%d sessions, %d action communities to try, %d rounds after %d warm-up (sink %d)%n",
                base.size(), tags.size(), rounds, warm, sink);
        print("catchment, one prepend changed", prepend, np);
        print("catchment, one action community attached", community, nc);
        print("placing 10,901 probes (hot potato)", place, rounds);
    }

    private static void print(String what, long[] ns, int n) {
        long[] x = Arrays.copyOf(ns, n);
        Arrays.sort(x);
        System.out.printf("  %-42s median %.1f ms, p90 %.1f ms, max %.1f ms (%d rounds)%n", what, x[n / 2] / 1e6, x[n * 9 / 10] / 1e6, x[n - 1] / 1e6, n);
    }
}
