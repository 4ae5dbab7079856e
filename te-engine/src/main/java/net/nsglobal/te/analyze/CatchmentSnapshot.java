package net.nsglobal.te.analyze;

import java.time.Instant;
import java.util.List;

/**
 * The analysis of one round: every probe's row, summaries per region (continent), per country and per AS, the
 * polarized networks ranked by probes then inflation, and how many probes flipped site since the previous round.
 */
public record CatchmentSnapshot(long roundId, Instant time, List<ProbeRound> probes, List<RegionSummary> regions,
                                List<RegionSummary> countries, List<RegionSummary> networks,
                                List<PolarizedNetwork> polarized, int flips) {
    public CatchmentSnapshot {
        probes = List.copyOf(probes);
        regions = List.copyOf(regions);
        countries = List.copyOf(countries);
        networks = List.copyOf(networks);
        polarized = List.copyOf(polarized);
    }
}
