package net.nsglobal.te.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.world.rtt.RttModel;

/**
 * The simulated Internet behind {@link World}: real vantage points (RIPE Atlas probes with their AS, country and
 * coordinates), the real AS graph routing the sites' announcements ({@link Routing}), and the {@link RttModel}.
 *
 * <p><b>Which site a probe reaches.</b> The probe's AS takes the route {@link Routing} gives it. Where that route
 * ties over several of our sessions (a neighbour that hears us at several sites, or a route server's member at
 * several exchanges), the traffic leaves at the site nearest the probe ({@link Catchment#siteOf(long, double,
 * double)}: hot potato, with the probe's position standing in for the entry point); a probe without coordinates
 * keeps the routing's session-order choice.
 *
 * <p><b>RTT</b> is the {@link RttModel}'s sample from the probe's coordinates and country to the site's; a probe
 * without coordinates has none (empty, as for an unknown probe or site).
 *
 * <p><b>Announcements</b> come from a supplier, asked on every query; when the list it returns differs from the
 * last one, the catchment is recomputed (so a BIRD-config reader can be plugged in and an applied change moves
 * the catchment). Thread-safe.
 */
public final class SimulatedWorld implements World {
    private final Routing routing;
    private final long originAs;
    private final Map<String, Site> sites;
    private final List<Probe> probes;
    private final Map<Integer, Probe> byId;
    private final Supplier<List<Announcement>> announcements;
    private final RttModel rtt;

    /** The announcements last supplied and their catchment, replaced together. */
    private record Snapshot(List<Announcement> announcements, Catchment catchment) {}

    private Snapshot snapshot;

    /**
     * @param sites         every site that may announce (coordinates and country for the RTT model), by id
     * @param announcements the sites' current announcements; called on every query
     */
    public SimulatedWorld(Routing routing, long originAs, List<Site> sites, List<Probe> probes,
                          Supplier<List<Announcement>> announcements, RttModel rtt) {
        this.routing = routing;
        this.originAs = originAs;
        Map<String, Site> s = new LinkedHashMap<>();
        for (Site site : sites) s.put(site.id(), site);
        this.sites = Map.copyOf(s);
        this.probes = List.copyOf(probes);
        Map<Integer, Probe> b = new LinkedHashMap<>();
        for (Probe p : probes) {
            if (b.put(p.id(), p) != null) throw new IllegalArgumentException("world: probe " + p.id() + " is listed twice");
        }
        this.byId = b;
        this.announcements = announcements;
        this.rtt = rtt;
    }

    /**
     * The world of a folder of site files: their one origin AS ({@code local_as}), their common IPv4 anycast prefix,
     * every session announced as the files say except at the {@code withdrawn} sites, and the fitted RTT model.
     *
     * @throws IllegalArgumentException naming the problem: sites with different local_as, no common IPv4 prefix,
     *                                  a withdrawn site that is not in the world
     */
    public static SimulatedWorld of(List<Site> sites, AsGraph graph, List<Probe> probes, java.util.Set<String> withdrawn) {
        if (sites.isEmpty()) throw new IllegalArgumentException("world: no sites");
        java.util.Set<Long> origins = new java.util.TreeSet<>();
        for (Site s : sites) origins.add(s.localAs());
        if (origins.size() != 1) throw new IllegalArgumentException("world: the sites have different local_as " + origins + "; one origin AS is modelled");
        java.util.Set<net.nsglobal.config.Cidr> common = new java.util.LinkedHashSet<>(sites.get(0).anycastV4());
        for (Site s : sites) common.retainAll(s.anycastV4());
        if (common.isEmpty()) throw new IllegalArgumentException("world: the sites announce no common IPv4 anycast prefix");
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Site s : sites) ids.add(s.id());
        for (String w : withdrawn) {
            if (!ids.contains(w)) throw new IllegalArgumentException("world: cannot withdraw site '" + w + "': not one of " + ids);
        }
        List<Announcement> anns = Announcement.of(sites, common.iterator().next()).stream()
                .map(a -> withdrawn.contains(a.site()) ? a.withdrawn() : a).toList();
        return new SimulatedWorld(new Routing(graph), origins.iterator().next(), sites, probes, () -> anns, RttModel.fitted());
    }

    @Override
    public List<Probe> probes() { return probes; }

    @Override
    public Optional<String> siteOf(int probeId) {
        Probe p = byId.get(probeId);
        if (p == null || p.asnV4() == null) return Optional.empty();
        Catchment c = snapshot().catchment();
        long asn = Integer.toUnsignedLong(p.asnV4());
        // Hot potato is the routing's: among the sessions the AS's route ties over, the site nearest the probe.
        return p.latitude() == null ? c.siteOf(asn) : c.siteOf(asn, p.latitude(), p.longitude());
    }

    @Override
    public OptionalDouble rttMs(int probeId, String site, long noiseSeed) {
        Probe p = byId.get(probeId);
        Site s = sites.get(site);
        if (p == null || s == null || p.latitude() == null) return OptionalDouble.empty();
        return OptionalDouble.of(rtt.sampleMs(p.id(), p.latitude(), p.longitude(), p.countryCode(), s.id(),
                s.latitude(), s.longitude(), s.country(), noiseSeed));
    }

    /** The catchment of the supplier's current announcements, recomputed when they change. */
    public Catchment catchment() {
        return snapshot().catchment();
    }

    private synchronized Snapshot snapshot() {
        List<Announcement> now = announcements.get().stream().map(this::located).toList();
        if (snapshot == null || !now.equals(snapshot.announcements())) snapshot = new Snapshot(now, routing.compute(originAs, now));
        return snapshot;
    }

    public Map<String, Site> sites() { return sites; }

    /** The announcement placed at its site's coordinates when it does not carry them (hot potato needs them). */
    private Announcement located(Announcement a) {
        Site s = sites.get(a.site());
        return a.located() || s == null ? a : a.at(s.latitude(), s.longitude());
    }

}
