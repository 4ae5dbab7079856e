package net.nsglobal.te.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.nsglobal.atlas.results.PingResult;
import net.nsglobal.atlas.results.ResultStreamParser;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Google Public DNS (8.8.8.8) as an anycast service: the site from the whoami TXT answers of 2017-06-29 (msm
 * 9118871–9118886, decoded: one row per probe) joined by probe with the ping of 8.8.8.8 of 2017-06-26 (3 packets;
 * its least RTT is the anycast RTT). Probe country, AS and coordinates come from the RIPE Atlas probe list of
 * 2023-04 (2,999 of the 8,507 joined probes are still in it; the others have rows without a region). Sites are
 * Google's data centres that the airport codes stand for, at approximate coordinates.
 *
 * <p>What the join shows: the ping and the whoami do not reach the same place. 647 of the 2,989 located probes with
 * a reply ping 8.8.8.8 faster than light could go to and from the data centre whoami names — 8.8.8.8 answers pings
 * at a front end near the probe, while recursive queries leave from the data centre. The "anycast RTT" of this
 * service is therefore the front end's, and its inflation cannot be judged against the named site.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GoogleWhoamiRealDataTest {
    static final List<Site> SITES = List.of(Fleet.site("BRU", "St. Ghislain", "BE", 50.47, 3.87),
            Fleet.site("LPP", "Hamina", "FI", 60.57, 27.19), Fleet.site("GRQ", "Eemshaven", "NL", 53.43, 6.83),
            Fleet.site("TPE", "Changhua", "TW", 24.14, 120.42), Fleet.site("DLS", "The Dalles", "US", 45.63, -121.20),
            Fleet.site("MRN", "Lenoir", "US", 35.90, -81.54), Fleet.site("CBF", "Council Bluffs", "US", 41.22, -95.86),
            Fleet.site("SIN", "Jurong West", "SG", 1.35, 103.70), Fleet.site("SCL", "Quilicura", "CL", -33.36, -70.73),
            Fleet.site("CHS", "Berkeley County", "US", 33.06, -80.04), Fleet.site("TUL", "Pryor", "US", 36.24, -95.33),
            Fleet.site("ATL", "Douglas County", "US", 33.75, -84.58));

    static final List<ProbeInfo> PROBES = new ArrayList<>();
    static final List<CatchmentSample> CATCHMENT = new ArrayList<>();
    static final Map<Integer, PingSample> PINGS = new HashMap<>();
    static int whoamiRows;
    static Instant first = Instant.MAX;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : DataFiles.lines("anycast/ping_google_public_dns_8.8.8.8_2017-06.jsonl.gz")) {
            PingResult p = (PingResult) ResultStreamParser.read(json.readTree(line));
            PINGS.put(p.probeId(), new PingSample(p.msmId(), p.probeId(), p.timestamp(), "8.8.8.8",
                    p.minMs() == null ? Double.NaN : p.minMs(), p.sent(), p.received()));
        }
        List<String> tsv = DataFiles.lines("anycast/google_public_dns_8.8.8.8_site_whoami_2017-06.decoded.tsv");
        assertThat(tsv.get(0)).startsWith("prb_id\tmsm_id\ttimestamp\tfrom\trt_ms\tsite_iata");
        for (String line : tsv.subList(1, tsv.size())) {
            whoamiRows++;
            String[] f = line.split("\t");
            int probe = Integer.parseInt(f[0]);
            Instant t = Instant.ofEpochSecond(Long.parseLong(f[2]));
            if (t.isBefore(first)) first = t;
            PingSample ping = PINGS.get(probe);
            if (ping == null) continue; // not pinged: nothing to join
            CATCHMENT.add(new CatchmentSample(Long.parseLong(f[1]), probe, t, f[5], ping.minRttMs(), null));
        }
        for (String line : DataFiles.lines("probes/ripe_atlas_probes_2023-04_connected.jsonl.gz")) {
            JsonNode p = json.readTree(line);
            JsonNode c = p.get("geometry").get("coordinates");
            JsonNode asn = p.get("asn_v4_derived");
            PROBES.add(new ProbeInfo(p.get("id").asInt(), asn == null || asn.isNull() ? null : asn.asLong(),
                    p.get("country_code").asText(), c.get(1).asDouble(), c.get(0).asDouble()));
        }
    }

    static CatchmentSnapshot snapshot() {
        Round round = new Round(1, first, "ripe-atlas", 9118871, Map.of());
        return Analysis.of(round, PROBES, CATCHMENT, Map.of(), SITES, Optional.empty());
    }

    static ProbeRound row(CatchmentSnapshot s, int probe) {
        return s.probes().stream().filter(r -> r.probeId() == probe).findFirst().orElseThrow();
    }

    static RegionSummary key(List<RegionSummary> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    /*
     * By hand from the rows:
     *   probe 6053 (anchor, Johannesburg, AS10474): whoami names BRU; ping replies 0.814324 ms least. South
     *   Africa is AF, Belgium EU: polarized. Spherical law of cosines to St. Ghislain (50.47 N 3.87 E):
     *   cos d = sin(−26.1415°)·sin(50.47°) + cos(−26.1415°)·cos(50.47°)·cos(24.1395°)
     *         = −0.44058·0.77128 + 0.89771·0.63649·0.91256 = −0.33981 + 0.52143 = 0.18162,
     *   d = 79.535° = 1.38815 rad · 6371 km = 8,844 km; bound 88.44 ms, a hundred times the ping.
     *   probe 1000 (Brisbane, AU, AS1221): TPE, 22.228997 ms (packets 23.930885, 22.228997, 22.940165): OC → AS,
     *   polarized; Brisbane to Changhua is 6,716 km, bound 67.16 ms: the ping is again faster than light.
     *   probe 237 (Amsterdam, NL, AS3333): GRQ, 5.763842 ms, EU → EU, not polarized; 175 km, bound 1.75 ms.
     */
    @Test
    void handWorkedProbes() {
        CatchmentSnapshot s = snapshot();
        ProbeRound jnb = row(s, 6053);
        assertThat(jnb.site()).isEqualTo("BRU");
        assertThat(jnb.rttMs()).isEqualTo(0.814324);
        assertThat(jnb.asn()).isEqualTo(10474L);
        assertThat(jnb.region()).isEqualTo("AF");
        assertThat(jnb.polarized()).isTrue();
        assertThat(jnb.oracleMs()).isNaN(); // no unicast pings of Google's sites
        Site bru = SITES.get(0);
        double km = GreatCircle.km(jnb.lat(), jnb.lon(), bru.latitude(), bru.longitude());
        assertThat(km).isCloseTo(8_844, within(1.0));
        assertThat(SpeedOfLight.rttMs(km)).isCloseTo(88.44, within(0.01));

        ProbeRound brisbane = row(s, 1000);
        assertThat(brisbane.site()).isEqualTo("TPE");
        assertThat(brisbane.rttMs()).isEqualTo(22.228997);
        assertThat(brisbane.polarized()).isTrue();
        assertThat(SpeedOfLight.rttMs(GreatCircle.km(brisbane.lat(), brisbane.lon(), 24.14, 120.42)))
                .isCloseTo(67.16, within(0.01));

        ProbeRound amsterdam = row(s, 237);
        assertThat(amsterdam.site()).isEqualTo("GRQ");
        assertThat(amsterdam.rttMs()).isEqualTo(5.763842);
        assertThat(amsterdam.polarized()).isFalse();
    }

    /*
     * Counts (checked by an independent script over the same files): 8,646 whoami rows, 8,507 of them for
     * probes that pinged; 34 of those lost all 3 packets (row with site, RTT NaN, left out of the percentiles).
     * BRU 4,130, LPP 1,348, GRQ 1,199, TPE 375, DLS 366, MRN 334, CBF 225, SIN 198, SCL 118, CHS 105, TUL 63,
     * ATL 46. Nearest-rank p50/p90 of the least ping RTT: 18.075015 / 49.04283 ms. By continent (located probes):
     * AF 49, every one at BRU; OC 72, 65 at TPE; EU 2,250; SA 39, 30 at SCL and 8 at CHS. Polarized: 204 of the
     * 2,999 located probes; the first networks are AS4764 (AU, 9 probes to TPE), AS4771 (NZ, 6 to TPE) and
     * AS37100 (5 African probes to BRU) — ranked by probes, then by AS since without an oracle inflation is unknown.
     */
    @Test
    void catchmentSharesRttsAndPolarizedNetworks() {
        assertThat(whoamiRows).isEqualTo(8_646);
        CatchmentSnapshot s = snapshot();
        assertThat(s.probes()).hasSize(8_507);
        RegionSummary all = s.regions().get(0);
        assertThat(all.probes()).isEqualTo(8_507);
        assertThat(s.probes().stream().filter(r -> Double.isNaN(r.rttMs())).count()).isEqualTo(34);
        assertThat(all.sharePerSite().get("BRU")).isEqualTo(4_130 / 8_507.0);
        assertThat(all.sharePerSite().get("ATL")).isEqualTo(46 / 8_507.0);
        assertThat(all.sharePerSite()).hasSize(12);
        assertThat(all.p50RttMs()).isEqualTo(18.075015);
        assertThat(all.p90RttMs()).isEqualTo(49.04283);
        assertThat(key(s.regions(), "AF").probes()).isEqualTo(49);
        assertThat(key(s.regions(), "AF").sharePerSite()).isEqualTo(Map.of("BRU", 1.0));
        assertThat(key(s.regions(), "OC").sharePerSite().get("TPE")).isEqualTo(65 / 72.0);
        assertThat(key(s.regions(), "EU").probes()).isEqualTo(2_250);
        assertThat(key(s.regions(), "SA").sharePerSite()).isEqualTo(Map.of("SCL", 30 / 39.0, "CHS", 8 / 39.0,
                "BRU", 1 / 39.0));
        assertThat(s.probes().stream().filter(r -> r.region() != null).count()).isEqualTo(2_999);
        assertThat(s.probes().stream().filter(ProbeRound::polarized).count()).isEqualTo(204);
        assertThat(s.polarized().subList(0, 3)).extracting(PolarizedNetwork::asn).containsExactly(4764L, 4771L, 37100L);
        assertThat(s.polarized().get(0).probes()).isEqualTo(9);
        assertThat(s.polarized().get(0).site()).isEqualTo("TPE");
        assertThat(s.polarized().get(0).medianRttMs()).isEqualTo(25.868355);
        assertThat(s.polarized().get(2).region()).isEqualTo("AF");
    }

    @Test
    void thePingReachesAFrontEndNotTheSiteWhoamiNames() {
        CatchmentSnapshot s = snapshot();
        int located = 0;
        int fasterThanLight = 0;
        for (ProbeRound r : s.probes()) {
            if (r.region() == null || Double.isNaN(r.rttMs())) continue;
            located++;
            Site named = SITES.stream().filter(x -> x.id().equals(r.site())).findFirst().orElseThrow();
            double bound = SpeedOfLight.rttMs(GreatCircle.km(r.lat(), r.lon(), named.latitude(), named.longitude()));
            if (r.rttMs() < bound) fasterThanLight++;
        }
        assertThat(located).isEqualTo(2_989);
        assertThat(fasterThanLight).isEqualTo(647);
        System.out.printf("google 8.8.8.8: %d probes joined, p50/p90 ping %.3f/%.3f ms, %d polarized; %d of %d "
                        + "located probes ping faster than light to the named site%n", s.probes().size(),
                s.regions().get(0).p50RttMs(), s.regions().get(0).p90RttMs(),
                s.probes().stream().filter(ProbeRound::polarized).count(), fasterThanLight, located);
    }
}
