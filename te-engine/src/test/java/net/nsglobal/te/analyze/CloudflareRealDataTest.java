package net.nsglobal.te.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import net.nsglobal.atlas.results.DnsResponse;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.ResultStreamParser;
import net.nsglobal.atlas.results.SiteIdentity;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Catchment analysis of a real anycast service: Cloudflare's authoritative server 173.245.58.117 asked CHAOS TXT
 * {@code id.server} hourly by 119 RIPE Atlas probes, mostly African, on 2015-03-21 (msm 1768147, 2,684 results).
 * The site is decoded from each result's {@code abuf} by atlas's parser; probe AS, country and coordinates are the
 * fields earlier users added to the rows. Rounds are the hours from the first result (1426896503 =
 * 2015-03-21T00:08:23Z): 24 rounds; three probes answered twice in an hour and count by their first answer. There
 * are no unicast pings of Cloudflare's sites, so {@link Analysis#of} has no oracle here; the speed-of-light bound
 * stands in where inflation is checked. RTT is the DNS response time ({@code rt}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CloudflareRealDataTest {
    static final long MSM = 1768147;
    static final Instant START = Instant.ofEpochSecond(1426896503);

    /** The sites the answers name, at the coordinates the rows carry ({@code dst_lat/dst_lon}); WAW and HKG, which
     * no answer here names, at their airports. */
    static final List<Site> SITES = List.of(Fleet.site("LHR", "London", "GB", 51.505278, 0.055278),
            Fleet.site("JNB", "Johannesburg", "ZA", -26.139166, 28.246),
            Fleet.site("AMS", "Amsterdam", "NL", 52.308613, 4.763889),
            Fleet.site("CDG", "Paris", "FR", 49.012779, 2.55),
            Fleet.site("FRA", "Frankfurt", "DE", 50.026421, 8.543125),
            Fleet.site("WAW", "Warsaw", "PL", 52.1657, 20.9671),
            Fleet.site("EWR", "Newark", "US", 40.6925, -74.168667),
            Fleet.site("HKG", "Hong Kong", "HK", 22.3080, 113.9185),
            Fleet.site("SIN", "Singapore", "SG", 1.350189, 103.994433));

    static final Map<Integer, ProbeInfo> PROBES = new TreeMap<>();
    static final List<List<CatchmentSample>> ROUNDS = new ArrayList<>();
    static final Map<String, Integer> DECODED = new TreeMap<>();
    static int disagreeWithDstCity;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 24; i++) ROUNDS.add(new ArrayList<>());
        for (String line : DataFiles.lines("anycast/cloudflare_ns_173.245.58.117_idserver_msm1768147_part1.jsonl.gz")) {
            JsonNode n = json.readTree(line);
            DnsResult r = (DnsResult) ResultStreamParser.read(n);
            Optional<DnsResponse> answer = r.firstAnswer();
            String site = answer.flatMap(DnsResponse::siteIdentity).map(SiteIdentity::value).orElse(null);
            double rtt = answer.map(DnsResponse::rttMs).orElse(Double.NaN);
            String error = answer.isPresent() ? null : r.responses().get(0).error();
            DECODED.merge(String.valueOf(site), 1, Integer::sum);
            if (!n.get("dst_city").asText().equals(site)) disagreeWithDstCity++;
            PROBES.put(r.probeId(), new ProbeInfo(r.probeId(), n.get("asn_v4").asLong(), n.get("country_code").asText(),
                    n.get("src_lat").asDouble(), n.get("src_lon").asDouble()));
            int hour = (int) ((r.timestamp().getEpochSecond() - START.getEpochSecond()) / 3600);
            ROUNDS.get(hour).add(new CatchmentSample(r.msmId(), r.probeId(), r.timestamp(), site, rtt, error));
        }
    }

    static Round round(int hour) {
        return new Round(hour, START.plusSeconds(3600L * hour), "ripe-atlas", MSM, Map.of());
    }

    static List<CatchmentSnapshot> all() {
        List<CatchmentSnapshot> out = new ArrayList<>();
        Optional<CatchmentSnapshot> previous = Optional.empty();
        for (int h = 0; h < ROUNDS.size(); h++) {
            CatchmentSnapshot s = Analysis.of(round(h), List.copyOf(PROBES.values()), ROUNDS.get(h), Map.of(), SITES,
                    previous);
            out.add(s);
            previous = Optional.of(s);
        }
        return out;
    }

    static ProbeRound row(CatchmentSnapshot s, int probe) {
        return s.probes().stream().filter(r -> r.probeId() == probe).findFirst().orElseThrow();
    }

    @Test
    void atlasDecodesTheSiteFromEveryAbuf() {
        assertThat(DECODED).isEqualTo(Map.of("JNB", 1742, "LHR", 685, "CDG", 95, "FRA", 70, "SIN", 44, "AMS", 24,
                "EWR", 24));
        assertThat(disagreeWithDstCity).isZero();
        assertThat(PROBES).hasSize(119);
        assertThat(ROUNDS.stream().mapToInt(List::size).sum()).isEqualTo(2_684);
    }

    /*
     * Round 0 (00:08–01:08Z), counted by hand from the decoded answers: 110 probes, JNB 70, LHR 30, CDG 4, FRA 3,
     * AMS 1, EWR 1, SIN 1. Every probe but one (16410, AS701 in New York, to EWR) is African, and Cloudflare had
     * one African site, JNB: so every answer from LHR, CDG, FRA, AMS or SIN is polarized, 30 + 4 + 3 + 1 + 1 = 39.
     * Grouped by AS and site: AS10474 (ZA) sends 7 probes to LHR (449, 3454, 12956, 14325, 14500, 15348, 16472;
     * rt sorted 4th of 7 = 194.474 ms), AS36937 (ZA) 4 (4075, 11113, 16438, 18254), AS36914 (KE) 3 (13100, 13114,
     * 13218). South Africa: 62 probes, 48 at JNB and 14 at LHR; nearest-rank p50 of rt 35.381 ms (rank 31), p90
     * 198.672 ms (rank ⌈55.8⌉ = 56), which is probe 12956's LHR answer.
     */
    @Test
    void roundZeroCatchmentAndPolarizedNetworks() {
        CatchmentSnapshot s = Analysis.of(round(0), List.copyOf(PROBES.values()), ROUNDS.get(0), Map.of(), SITES,
                Optional.empty());
        RegionSummary all = s.regions().get(0);
        assertThat(all.key()).isEqualTo("ALL");
        assertThat(all.probes()).isEqualTo(110);
        Map<String, Double> share = new LinkedHashMap<>();
        Map.of("JNB", 70, "LHR", 30, "CDG", 4, "FRA", 3, "AMS", 1, "EWR", 1, "SIN", 1)
                .forEach((site, n) -> share.put(site, n / 110.0));
        assertThat(all.sharePerSite()).isEqualTo(share);
        assertThat(s.regions()).extracting(RegionSummary::key).containsExactly("ALL", "AF", "NA");
        assertThat(s.probes().stream().filter(ProbeRound::polarized).count()).isEqualTo(39);
        assertThat(row(s, 16410).polarized()).isFalse();
        assertThat(row(s, 12956).polarized()).isTrue();
        assertThat(s.polarized().subList(0, 3)).extracting(PolarizedNetwork::asn).containsExactly(10474L, 36937L, 36914L);
        PolarizedNetwork top = s.polarized().get(0);
        assertThat(top).isEqualTo(new PolarizedNetwork(10474, "ZA", "AF", 7, "LHR", "EU", 194.474, Double.NaN));
        assertThat(s.polarized().get(2).country()).isEqualTo("KE");
        RegionSummary za = s.countries().get(0);
        assertThat(za.key()).isEqualTo("ZA");
        assertThat(za.probes()).isEqualTo(62);
        assertThat(za.sharePerSite()).isEqualTo(Map.of("JNB", 48 / 62.0, "LHR", 14 / 62.0));
        assertThat(za.p50RttMs()).isEqualTo(35.381);
        assertThat(za.p90RttMs()).isEqualTo(198.672);
        // No unicast pings: no oracle, so no inflation and no optimal share.
        assertThat(row(s, 12956).oracleMs()).isNaN();
        assertThat(all.p50InflationMs()).isNaN();
        assertThat(all.shareAtOptimal()).isNaN();
    }

    /*
     * Flips, read by hand off each probe's hourly sequence of sites (a probe absent from a round does not flip when
     * it comes back, the rule being "differs from its previous round"):
     *   4089 (ZM): LHR for hours 0–6, JNB at hour 7                          → 1 flip, hour 7
     *   253 (RW):  LHR 0–8, SIN 9–13, absent 14–15, LHR 16–23                → 1 flip, hour 9
     *   470 (SC):  SIN, except LHR at hour 21                                → flips at hours 21 and 22
     *   14980 (SC): absent 0–6, SIN, except LHR at hour 21                   → flips at hours 21 and 22
     * Everyone else stays put: 6 flips over the day, none in most hours. Polarized probe-rounds over the 24 rounds:
     * 917 of 2,681.
     */
    @Test
    void flipsOverTheDay() {
        List<CatchmentSnapshot> day = all();
        int[] flips = day.stream().mapToInt(CatchmentSnapshot::flips).toArray();
        int[] expected = new int[24];
        expected[7] = 1;
        expected[9] = 1;
        expected[21] = 2;
        expected[22] = 2;
        assertThat(flips).containsExactly(expected);
        assertThat(row(day.get(7), 4089).flipped()).isTrue();
        assertThat(row(day.get(9), 253).site()).isEqualTo("SIN");
        assertThat(row(day.get(16), 253).flipped()).isFalse();
        assertThat(day.get(22).probes().stream().filter(ProbeRound::flipped).map(ProbeRound::probeId))
                .containsExactly(470, 14980);
        assertThat(day.stream().mapToInt(s -> s.probes().size()).sum()).isEqualTo(2_681);
        assertThat(day.stream().mapToLong(s -> s.probes().stream().filter(ProbeRound::polarized).count()).sum())
                .isEqualTo(917);
    }

    /*
     * Against the speed-of-light bound to the nearest site, by hand:
     *   12956, Pretoria (25.7295 S 28.2195 E) → JNB (26.139166 S 28.246 E): Δlat 0.4097° → 45.56 km, Δlon 0.0265° ·
     *   111.195 · cos 25.93° (0.8993) → 2.65 km; 45.63 km, bound 0.456 ms. It is sent to LHR: rt 198.672 ms,
     *   inflation 198.216 ms.
     *   449, Cape Town (33.9985 S 18.4695 E) → JNB: Δlat 7.8593° → 873.9 km, Δlon 9.7765° · 111.195 · cos 30.07°
     *   (0.8654) → 940.8 km; √(873.9² + 940.8²) = 1284 km (haversine 1282.8), bound 12.83 ms. Sent to LHR: rt
     *   193.647 ms, inflation 180.82 ms.
     *   16410, New York (40.7075 N 74.0125 W) → EWR, 13.27 km, bound 0.133 ms; rt 7.922 ms: inflation 7.79 ms, more
     *   than the 5 ms slack, so not "at the optimal site" against light.
     * AS10474's seven polarized probes have a median inflation of 194.16 ms (checked by script). One probe beats
     * light: 16421 (ZA) answers from JNB in 3.6–4.0 ms although its coordinates put it 526 km away (bound 5.26 ms),
     * in all 23 of its rounds — its published location is wrong.
     */
    @Test
    void inflationOverTheSpeedOfLight() {
        CatchmentSnapshot s = RoundAnalysis.of(round(0), List.copyOf(PROBES.values()), ROUNDS.get(0),
                SpeedOfLight.oracle(SITES), SITES, Optional.empty());
        ProbeRound pretoria = row(s, 12956);
        assertThat(pretoria.oracleSite()).isEqualTo("JNB");
        assertThat(pretoria.oracleMs()).isCloseTo(0.456, within(0.001));
        assertThat(pretoria.inflationMs()).isCloseTo(198.216, within(0.001));
        ProbeRound capeTown = row(s, 449);
        assertThat(capeTown.oracleMs()).isCloseTo(12.83, within(0.01));
        assertThat(capeTown.inflationMs()).isCloseTo(180.82, within(0.01));
        ProbeRound newYork = row(s, 16410);
        assertThat(newYork.oracleSite()).isEqualTo("EWR");
        assertThat(newYork.inflationMs()).isCloseTo(7.79, within(0.01));
        assertThat(newYork.atOptimal()).isFalse();
        assertThat(s.polarized().get(0).medianInflationMs()).isCloseTo(194.159, within(0.001));

        Map<Integer, Integer> fasterThanLight = new HashMap<>();
        for (List<CatchmentSample> round : ROUNDS) {
            for (CatchmentSample c : round) {
                ProbeInfo p = PROBES.get(c.probeId());
                Site reached = SITES.stream().filter(x -> x.id().equals(c.site())).findFirst().orElseThrow();
                double bound = SpeedOfLight.rttMs(GreatCircle.km(p.lat(), p.lon(), reached.latitude(),
                        reached.longitude()));
                if (c.rttMs() < bound) fasterThanLight.merge(c.probeId(), 1, Integer::sum);
            }
        }
        assertThat(fasterThanLight).isEqualTo(Map.of(16421, 23));
        RegionSummary all = s.regions().get(0);
        System.out.printf("cloudflare round 0: %d probes, shares %s, p50/p90 rt %.3f/%.3f ms, p50/p90 inflation over "
                        + "light %.3f/%.3f ms, at optimal %.3f, %d polarized%n", all.probes(), all.sharePerSite(),
                all.p50RttMs(), all.p90RttMs(), all.p50InflationMs(), all.p90InflationMs(), all.shareAtOptimal(),
                s.probes().stream().filter(ProbeRound::polarized).count());
    }
}
