package net.nsglobal.te.propose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;

/** Small candidates and rounds: two sites (ams1, nrt1), four probes, the figures chosen per test. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    private Fixtures() {}

    static Knobs knobs(int prepend) {
        Map<String, Knobs.Session> m = new LinkedHashMap<>();
        m.put("ntt", new Knobs.Session(true, prepend, List.of(new Community(2914, 429, 0, false))));
        m.put("cogent", new Knobs.Session(true, 0, List.of(new Community(64500, 1, 2, true))));
        return new Knobs(m);
    }

    static RegionSummary region(String key, double p90Inflation, double atOptimal) {
        return new RegionSummary(key, 4, Map.of("ams1", 0.5, "nrt1", 0.5), 10, 40, 2, p90Inflation, atOptimal);
    }

    /** Moves AS64500/JP (2 probes) from ams1 to nrt1 by prepending at ams1; predicted p90 inflation 80 → 20 ms. */
    static Candidate candidate(String site, int probesMoved) {
        return new Candidate(Map.of(site, knobs(2)),
                List.of(region("ALL", 80, 0.5), region("AS", 150, 0.0)),
                List.of(region("ALL", 20, 1.0), region("AS", 10, 1.0)),
                List.of(new MovedNetwork(64500, "JP", probesMoved, "ams1", "nrt1")),
                List.of("ams1: prepend x2 towards ntt; NTT's customers in JP then prefer nrt1"), 0.9, 7);
    }

    /** A round: probes 1, 2 (AS64500, JP) at {@code jpSite}, 3 (AS3320, DE) at ams1, 4 no answer. */
    static CatchmentSnapshot round(long id, Instant t, String jpSite, double allP90Inflation, double allAtOptimal) {
        List<ProbeRound> p = new ArrayList<>();
        p.add(probe(1, 64500L, "JP", "AS", jpSite));
        p.add(probe(2, 64500L, "JP", "AS", jpSite));
        p.add(probe(3, 3320L, "DE", "EU", "ams1"));
        p.add(probe(4, 3320L, "DE", "EU", null));
        return new CatchmentSnapshot(id, t, p, List.of(region("ALL", allP90Inflation, allAtOptimal),
                region("EU", 3, 1.0)), List.of(), List.of(), List.of(), 0);
    }

    static ProbeRound probe(int id, Long asn, String country, String region, String site) {
        return new ProbeRound(id, asn, country, region, 35, 139, site, site == null ? Double.NaN : 20, "nrt1", 5,
                site == null ? Double.NaN : 15, false, false, false);
    }

    static Map<String, Knobs> previous() {
        return Map.of("ams1", knobs(0), "nrt1", knobs(0), "fra1", knobs(0));
    }
}
