package net.nsglobal.te.analyze;

import java.util.List;
import java.util.Optional;

import net.nsglobal.platform.sites.Site;

/**
 * A lower bound on the RTT from a point to the nearest site, for data without unicast pings: light in fibre covers
 * about 200 km per ms (two thirds of c), and a round trip covers the great-circle distance twice, so
 * {@code rtt ≥ 2 · km / 200}. Real paths are longer than the great circle and routers queue, so measured RTTs sit
 * above the bound; one below it means a wrong coordinate (of the probe or of the site list) or a site missing from
 * the list.
 */
public final class SpeedOfLight {
    /** Kilometres light travels in fibre per millisecond. */
    public static final double KM_PER_MS = 200.0;

    private SpeedOfLight() {}

    /** A place a probe could be answered from. */
    public record Place(String id, double lat, double lon) {}

    /** The least round trip over {@code km} of great circle, in ms. */
    public static double rttMs(double km) {
        return 2 * km / KM_PER_MS;
    }

    /** The nearest place and the bound to it; empty if there are no places or the point has no coordinates. */
    public static Optional<Oracle.Best> nearest(double lat, double lon, List<Place> places) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) return Optional.empty();
        Place best = null;
        double bestKm = Double.POSITIVE_INFINITY;
        for (Place p : places) {
            double km = GreatCircle.km(lat, lon, p.lat(), p.lon());
            if (km < bestKm || (km == bestKm && best != null && p.id().compareTo(best.id()) < 0)) {
                best = p;
                bestKm = km;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Oracle.Best(best.id(), rttMs(bestKm)));
    }

    /** The fleet's sites as places. */
    public static List<Place> places(List<Site> sites) {
        return sites.stream().map(s -> new Place(s.id(), s.latitude(), s.longitude())).toList();
    }

    /** The bound as an oracle: each probe's bound to the nearest site, from the probe's coordinates. */
    public static Oracle oracle(List<Site> sites) {
        List<Place> places = places(sites);
        return probe -> nearest(probe.lat(), probe.lon(), places);
    }
}
