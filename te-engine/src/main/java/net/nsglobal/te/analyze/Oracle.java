package net.nsglobal.te.analyze;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;

/**
 * The best round trip a probe could have had to the fleet, and the site that gives it: what anycast is judged
 * against. The measured oracle is the probe's lowest unicast RTT over all sites (Schmidt, Heidemann and Kuipers,
 * PAM 2017); where no unicast pings exist, {@link SpeedOfLight#oracle} gives a physical lower bound instead.
 */
@FunctionalInterface
public interface Oracle {
    /** The oracle's site and RTT (ms). */
    record Best(String site, double rttMs) {}

    /** The best for this probe, empty if there is nothing to judge by. */
    Optional<Best> best(ProbeInfo probe);

    /**
     * From a round's unicast pings keyed by site id: per probe, the minimum over sites of the minimum RTT. Pings
     * that lost every packet (NaN) are no evidence and are left out; on equal RTTs the smaller site id wins, so
     * the answer does not depend on map order.
     */
    static Oracle unicast(Map<String, List<PingSample>> pingsBySite) {
        Map<Integer, Best> best = new HashMap<>();
        for (Map.Entry<String, List<PingSample>> e : pingsBySite.entrySet()) {
            for (PingSample p : e.getValue()) {
                if (Double.isNaN(p.minRttMs())) continue;
                Best candidate = new Best(e.getKey(), p.minRttMs());
                best.merge(p.probeId(), candidate, (a, b) -> better(b, a) ? b : a);
            }
        }
        return probe -> Optional.ofNullable(best.get(probe.id()));
    }

    private static boolean better(Best a, Best b) {
        return a.rttMs() < b.rttMs() || (a.rttMs() == b.rttMs() && a.site().compareTo(b.site()) < 0);
    }
}
