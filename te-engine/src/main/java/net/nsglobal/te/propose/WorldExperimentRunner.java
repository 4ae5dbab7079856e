package net.nsglobal.te.propose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.world.Announcement;
import net.nsglobal.te.world.Routing;
import net.nsglobal.te.world.SimulatedWorld;
import net.nsglobal.te.world.rtt.RttModel;

/**
 * Experiments on the simulated Internet: each configuration becomes the announcements its rendered BIRD files would
 * make (per session: announce, prepend, communities — what {@code world.BirdAnnouncements} reads back from
 * {@code apply.BirdConfig}'s output), and the catchment is the {@link SimulatedWorld}'s answer for every probe, as
 * a catchment measurement would report it. Counts the experiments it ran.
 */
public final class WorldExperimentRunner implements ExperimentRunner {
    private final List<Site> sites;
    private final Cidr prefix;
    private final AtomicReference<List<Announcement>> current = new AtomicReference<>(List.of());
    private final SimulatedWorld world;
    private int runs;

    public WorldExperimentRunner(Routing routing, List<Site> sites, List<Probe> probes, Cidr prefix) {
        this.sites = List.copyOf(sites);
        this.prefix = prefix;
        this.world = new SimulatedWorld(routing, sites.get(0).localAs(), sites, probes, current::get, RttModel.fitted());
    }

    /** The world the runner drives (for its probes and unicast round trips). */
    public SimulatedWorld world() { return world; }

    /** Catchment measurements run so far. */
    public int runs() { return runs; }

    @Override
    public synchronized Map<Integer, String> catchment(Map<String, Knobs> configuration) {
        runs++;
        boolean v6 = prefix.network() instanceof java.net.Inet6Address;
        List<Announcement> anns = new ArrayList<>();
        for (Site s : sites) {
            if (!s.anycastPrefixes().contains(prefix)) continue;
            Knobs k = configuration.get(s.id());
            if (k == null) throw new IllegalArgumentException("te-engine propose: no knobs for site " + s.id());
            for (Neighbor n : s.neighbors()) {
                if (n.ipv6() != v6) continue;
                Knobs.Session session = k.session(n.name());
                anns.add(Announcement.of(s, n, session.prepend(), session.communities(), session.announce()));
            }
        }
        current.set(anns);
        Map<Integer, String> out = new HashMap<>();
        for (Probe p : world.probes()) world.siteOf(p.id()).ifPresent(site -> out.put(p.id(), site));
        return out;
    }
}
