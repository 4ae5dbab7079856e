package net.nsglobal.te.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;
import org.junit.jupiter.api.Test;

/** The rules of the round analysis on small hand-made rounds (the real data is in the *RealDataTest classes). */
class AnalysisTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final List<Site> SITES = List.of(Fleet.site("ams1", "Amsterdam", "NL", 52.3, 4.8),
            Fleet.site("jnb1", "Johannesburg", "ZA", -26.1, 28.2), Fleet.site("ewr1", "Newark", "US", 40.7, -74.2));
    static final Round ROUND = new Round(7, T, "simulated", 100, Map.of("ams1", 101L, "jnb1", 102L, "ewr1", 103L));

    static CatchmentSample answer(int probe, String site, double rtt) {
        return new CatchmentSample(100, probe, T.plusSeconds(probe), site, rtt, null);
    }

    static PingSample ping(int probe, String site, double min) {
        return new PingSample(101, probe, T.plusSeconds(probe), site, min, 3, Double.isNaN(min) ? 0 : 3);
    }

    @Test
    void theOracleIsTheLeastUnicastRttAndOptimalMeansWithinFiveMsOrTenPercent() {
        List<ProbeInfo> probes = List.of(new ProbeInfo(1, 1L, "NL", 52, 5), new ProbeInfo(2, 1L, "NL", 52, 5),
                new ProbeInfo(3, 2L, "ZA", -26, 28), new ProbeInfo(4, 2L, "ZA", -26, 28));
        // Oracle 20 ms: slack max(5, 2) = 5, so 25 is at the optimal site and 25.01 is not.
        // Oracle 100 ms: slack max(5, 10) = 10, so 110 is and 110.5 is not.
        List<CatchmentSample> c = List.of(answer(1, "ams1", 25), answer(2, "ams1", 25.01), answer(3, "jnb1", 110),
                answer(4, "jnb1", 110.5));
        Map<String, List<PingSample>> pings = Map.of(
                "ams1", List.of(ping(1, "ams1", 20), ping(2, "ams1", 20), ping(3, "ams1", 180), ping(4, "ams1", 100)),
                "jnb1", List.of(ping(1, "jnb1", 170), ping(2, "jnb1", Double.NaN), ping(3, "jnb1", 100),
                        ping(4, "jnb1", 150)));
        CatchmentSnapshot s = Analysis.of(ROUND, probes, c, pings, SITES, Optional.empty());
        assertThat(s.roundId()).isEqualTo(7);
        assertThat(s.time()).isEqualTo(T);
        assertThat(s.probes()).extracting(ProbeRound::oracleSite).containsExactly("ams1", "ams1", "jnb1", "ams1");
        assertThat(s.probes()).extracting(ProbeRound::oracleMs).containsExactly(20.0, 20.0, 100.0, 100.0);
        assertThat(s.probes()).extracting(ProbeRound::atOptimal).containsExactly(true, false, true, false);
        assertThat(s.probes().get(1).inflationMs()).isCloseTo(5.01, within(1e-9));
        // Probe 4 went to Johannesburg from South Africa; its best site was Amsterdam by a hair: not polarized.
        assertThat(s.probes()).extracting(ProbeRound::polarized).containsOnly(false);
        RegionSummary all = s.regions().get(0);
        assertThat(all.key()).isEqualTo("ALL");
        assertThat(all.shareAtOptimal()).isEqualTo(0.5);
        assertThat(all.sharePerSite()).isEqualTo(Map.of("ams1", 0.5, "jnb1", 0.5));
        assertThat(s.regions()).extracting(RegionSummary::key).containsExactly("ALL", "AF", "EU");
        assertThat(s.networks()).extracting(RegionSummary::key).containsExactly("AS1", "AS2");
    }

    @Test
    void probesWithoutAnAnswerHaveRowsButNoFigures() {
        List<ProbeInfo> probes = List.of(new ProbeInfo(1, 1L, "NL", 52, 5), new ProbeInfo(2, 1L, "NL", 52, 5),
                new ProbeInfo(3, 1L, "NL", 52, 5));
        // Probe 1 timed out, then got an answer naming no known site, then one naming ams1: the last counts. Probe
        // 3 answered twice, from ams1 and later from jnb1: the first counts. Probe 3's every ping was lost: no
        // oracle for it.
        List<CatchmentSample> c = List.of(new CatchmentSample(100, 1, T, null, Double.NaN, "timeout"),
                new CatchmentSample(100, 1, T.plusMillis(500), null, 11, null),
                answer(1, "ams1", 12), new CatchmentSample(100, 2, T, null, Double.NaN, "timeout"),
                answer(3, "ams1", 13), new CatchmentSample(100, 3, T.plusSeconds(60), "jnb1", 170, null));
        CatchmentSnapshot s = Analysis.of(ROUND, probes, c, Map.of("ams1", List.of(ping(1, "ams1", 10),
                ping(2, "ams1", 11), ping(3, "ams1", Double.NaN))), SITES, Optional.empty());
        assertThat(s.probes()).extracting(ProbeRound::site).containsExactly("ams1", null, "ams1");
        assertThat(s.probes().get(2).oracleSite()).isNull();
        assertThat(s.probes().get(2).inflationMs()).isNaN();
        ProbeRound dark = s.probes().get(1);
        assertThat(dark.site()).isNull();
        assertThat(dark.rttMs()).isNaN();
        assertThat(dark.oracleMs()).isEqualTo(11.0);
        assertThat(dark.inflationMs()).isNaN();
        assertThat(dark.atOptimal()).isFalse();
        RegionSummary nl = s.countries().get(0);
        assertThat(nl.probes()).isEqualTo(2);
        assertThat(nl.p50RttMs()).isEqualTo(12.0);
        assertThat(nl.p90RttMs()).isEqualTo(13.0);
        assertThat(nl.p50InflationMs()).isEqualTo(2.0); // only probe 1 has an oracle
        assertThat(nl.shareAtOptimal()).isEqualTo(1.0);
        assertThat(nl.sharePerSite()).isEqualTo(Map.of("ams1", 1.0));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> ten = List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
        assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(5.0); // rank ⌈5⌉ = 5
        assertThat(Percentiles.nearestRank(ten, 90)).isEqualTo(9.0); // rank ⌈9⌉ = 9, not 10
        assertThat(Percentiles.nearestRank(List.of(1.0, 2.0, 3.0), 50)).isEqualTo(2.0); // rank ⌈1.5⌉ = 2
        assertThat(Percentiles.nearestRank(List.of(1.0, 2.0, 3.0), 90)).isEqualTo(3.0); // rank ⌈2.7⌉ = 3
        assertThat(Percentiles.nearestRank(List.of(Double.NaN, 4.0), 50)).isEqualTo(4.0);
        assertThat(Percentiles.nearestRank(List.of(), 50)).isNaN();
    }

    @Test
    void polarizedNetworksAreRankedByProbesThenInflationAndFlipsCountAgainstThePreviousRound() {
        // Three South African probes of AS 10 reach Amsterdam, one of AS 20 Newark, one of AS 30 Amsterdam with a
        // worse inflation than AS 20's; a Dutch probe of AS 40 reaches Amsterdam (not polarized).
        List<ProbeInfo> probes = List.of(new ProbeInfo(1, 10L, "ZA", -26, 28), new ProbeInfo(2, 10L, "ZA", -26, 28),
                new ProbeInfo(3, 10L, "ZA", -26, 28), new ProbeInfo(4, 20L, "ZA", -26, 28),
                new ProbeInfo(5, 30L, "NA", -22, 17), new ProbeInfo(6, 40L, "NL", 52, 5));
        List<CatchmentSample> first = List.of(answer(1, "jnb1", 5), answer(2, "jnb1", 5), answer(3, "jnb1", 5),
                answer(4, "jnb1", 5), answer(5, "jnb1", 5), answer(6, "ams1", 5));
        Map<String, List<PingSample>> pings = Map.of("jnb1", List.of(ping(1, "jnb1", 4), ping(2, "jnb1", 4),
                ping(3, "jnb1", 4), ping(4, "jnb1", 4), ping(5, "jnb1", 30)));
        CatchmentSnapshot before = Analysis.of(ROUND, probes, first, pings, SITES, Optional.empty());
        assertThat(before.flips()).isZero();
        assertThat(before.polarized()).isEmpty();
        List<CatchmentSample> then = List.of(answer(1, "ams1", 180), answer(2, "ams1", 190), answer(3, "ams1", 170),
                answer(4, "ewr1", 250), answer(5, "ams1", 300), answer(6, "ams1", 5));
        CatchmentSnapshot s = Analysis.of(ROUND, probes, then, pings, SITES, Optional.of(before));
        assertThat(s.flips()).isEqualTo(5);
        assertThat(s.probes()).extracting(ProbeRound::flipped).containsExactly(true, true, true, true, true, false);
        assertThat(s.polarized()).extracting(PolarizedNetwork::asn).containsExactly(10L, 30L, 20L);
        PolarizedNetwork top = s.polarized().get(0);
        assertThat(top).isEqualTo(new PolarizedNetwork(10, "ZA", "AF", 3, "ams1", "EU", 180, 176));
        assertThat(s.polarized().get(1).medianInflationMs()).isEqualTo(270.0); // 300 − 30, worse than AS 20's 246
        assertThat(s.polarized().get(2).siteRegion()).isEqualTo("NA");
    }

    @Test
    void healthCountsEachRoundOnceAndKeepsProbesNobodyListed() {
        List<ProbeInfo> probes = List.of(new ProbeInfo(1, 10L, "ZA", -26, 28), new ProbeInfo(2, 10L, "ZA", -26, 28));
        List<List<CatchmentSample>> rounds = List.of(
                List.of(answer(1, "jnb1", 5), new CatchmentSample(100, 2, T, null, Double.NaN, "timeout")),
                List.of(new CatchmentSample(100, 1, T.plusSeconds(3600), null, Double.NaN, "malformed: no abuf"),
                        // An answer naming no known site still shows the probe is alive, and outweighs a
                        // timeout in the same round, whichever came first.
                        new CatchmentSample(100, 2, T.plusSeconds(3601), null, 40, null),
                        new CatchmentSample(100, 2, T.plusSeconds(3600), null, Double.NaN, "Timeout 5000")),
                List.of(answer(9, "jnb1", 5)));
        List<ProbeHealth> h = Analysis.health(probes, rounds);
        assertThat(h).containsExactly(
                new ProbeHealth(1, 10L, "ZA", 3, 1, 0, 1, T.plusSeconds(1)),
                new ProbeHealth(2, 10L, "ZA", 3, 1, 1, 0, T.plusSeconds(3601)),
                new ProbeHealth(9, null, null, 1, 1, 0, 0, T.plusSeconds(9)));
    }
}
