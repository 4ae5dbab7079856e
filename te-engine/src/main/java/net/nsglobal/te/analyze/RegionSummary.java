package net.nsglobal.te.analyze;

import java.util.Map;

/**
 * One region's (continent's, country's or AS's — {@code key} says which) figures in one round: probes that answered,
 * share per site (0…1, summing to 1 over the sites that answered), p50/p90 anycast RTT and inflation in ms, and the
 * share of probes at their optimal site. The row with {@code key} "ALL" is the whole world.
 */
public record RegionSummary(String key, int probes, Map<String, Double> sharePerSite, double p50RttMs, double p90RttMs,
                            double p50InflationMs, double p90InflationMs, double shareAtOptimal) {
    public RegionSummary {
        sharePerSite = Map.copyOf(sharePerSite);
    }
}
