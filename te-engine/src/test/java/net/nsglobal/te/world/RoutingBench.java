package net.nsglobal.te.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;

/**
 * Run by hand, not a test (see docs/performance.md, "Simulated Internet: routing"): loads CAIDA's graph, then
 * computes the real fleet's IPv4 catchment repeatedly, each time with one session's prepend changed (as a what-if
 * search would), and prints load time and the median / p90 / max of one catchment.
 * Arguments: [warm-up rounds] [measured rounds], default 50 200.
 */
public final class RoutingBench {
    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 50, rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path data = net.nsglobal.testkit.SharedData.file("caida/20230201.as-rel.txt.bz2");
        long t0 = System.nanoTime();
        AsGraph g = AsGraph.load(data);
        long loadNs = System.nanoTime() - t0;
        List<Site> fleet = Sites.load(Path.of("..", "sites")).all();
        List<Announcement> base = Announcement.of(fleet, Cidr.of("198.51.100.0/24"));
        Routing routing = new Routing(g);
        long[] ns = new long[rounds];
        long sink = 0;
        for (int i = 0; i < warm + rounds; i++) {
            List<Announcement> anns = new ArrayList<>(base);
            int k = i % anns.size();
            anns.set(k, anns.get(k).withPrepend((anns.get(k).prepend() + 1 + i / anns.size()) % 4));
            long s = System.nanoTime();
            Catchment c = routing.compute(fleet.get(0).localAs(), anns);
            long e = System.nanoTime() - s;
            sink += c.reached();
            if (i >= warm) ns[i - warm] = e;
        }
        Arrays.sort(ns);
        System.out.printf("graph: %d ASes, %d links, loaded in %d ms (bzcat + parse + CSR)%n", g.size(), g.links(), loadNs / 1_000_000);
        System.out.printf("catchment (%d sessions), %d rounds after %d warm-up: median %.1f ms, p90 %.1f ms, max %.1f ms (sink %d)%n",
                base.size(), rounds, warm, ns[rounds / 2] / 1e6, ns[rounds * 9 / 10] / 1e6, ns[rounds - 1] / 1e6, sink);
    }
}
