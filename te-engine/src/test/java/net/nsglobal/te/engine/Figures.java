package net.nsglobal.te.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.MovedNetwork;

/** Hand-made figures for lifecycle tests on one site: a candidate for its knobs, rounds with chosen ALL figures. */
final class Figures {
    private Figures() {}

    static RegionSummary all(double p90Inflation, double atOptimal) {
        return new RegionSummary("ALL", 2, Map.of("lab1", 1.0), 10, 40, 2, p90Inflation, atOptimal);
    }

    /** A candidate for {@code site}'s knobs, predicted to improve p90 inflation 80 → 20 ms. */
    static Candidate candidate(String site, Knobs knobs) {
        return new Candidate(Map.of(site, knobs), List.of(all(80, 0.5)), List.of(all(20, 1.0)),
                List.of(new MovedNetwork(64500, "NL", 2, site, site)), List.of(site + ": hand-made for the lab"), Double.NaN, 0);
    }

    /** A round with two probes at {@code site} and the given ALL figures. */
    static CatchmentSnapshot round(long id, Instant t, String site, double p90Inflation, double atOptimal) {
        List<ProbeRound> p = List.of(
                new ProbeRound(1, 64500L, "NL", "EU", 52, 4, site, 10, site, 5, 5, true, false, false),
                new ProbeRound(2, 64500L, "NL", "EU", 52, 4, site, 10, site, 5, 5, true, false, false));
        return new CatchmentSnapshot(id, t, p, List.of(all(p90Inflation, atOptimal)), List.of(), List.of(), List.of(), 0);
    }
}
