package net.nsglobal.atlas.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.Test;

/** Every field of the real recorded RIPE Atlas results (shared/data/anycast, see SOURCES.md). */
class RealResultsTest {
    private final ResultStreamParser parser = new ResultStreamParser();

    private List<MeasurementResult> parseAll(String file, ParseStats[] stats) throws IOException {
        List<MeasurementResult> out = new ArrayList<>();
        try (InputStream in = SharedData.open(file)) {
            stats[0] = parser.parse(in, out::add);
        }
        return out;
    }

    @Test
    void cloudflareIdServerCatchmentNamesTheSiteOfEveryProbe() throws IOException {
        ParseStats[] s = new ParseStats[1];
        List<MeasurementResult> all = parseAll(SharedData.CLOUDFLARE_IDSERVER, s);
        assertThat(s[0].parsed()).isEqualTo(2684);
        assertThat(s[0].skipped()).isZero();

        DnsResult first = (DnsResult) all.get(0);
        assertThat(first.msmId()).isEqualTo(1768147);
        assertThat(first.probeId()).isEqualTo(10855);
        assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1426896503));
        assertThat(first.fw()).isEqualTo(4670);
        assertThat(first.from()).isEqualTo("41.190.138.12");
        assertThat(first.dstAddr()).isEqualTo("173.245.58.117");
        assertThat(first.proto()).isEqualTo("UDP");
        DnsResponse r = first.firstAnswer().orElseThrow();
        assertThat(r.rttMs()).isEqualTo(65.725);
        assertThat(r.rcode()).isZero();
        assertThat(r.rcodeName()).isEqualTo("NOERROR");
        assertThat(r.txt()).containsExactly("JNB");
        assertThat(r.nsid()).isNull();
        assertThat(r.site()).isEqualTo(new SiteIdentity("JNB", SiteIdentity.Source.TXT));

        Map<String, Integer> sites = new TreeMap<>();
        for (MeasurementResult m : all) {
            DnsResult d = (DnsResult) m;
            assertThat(d.responses()).hasSize(1);
            sites.merge(d.firstAnswer().orElseThrow().site().value(), 1, Integer::sum);
        }
        assertThat(sites).containsExactlyInAnyOrderEntriesOf(Map.of("JNB", 1742, "LHR", 685, "CDG", 95, "FRA", 70,
                "SIN", 44, "AMS", 24, "EWR", 24));
        assertThat(all).extracting(MeasurementResult::fw).containsOnly(4670, 4680);
    }

    @Test
    void googleWhoamiSitesMatchTheIndependentlyDecodedTable() throws IOException {
        ParseStats[] s = new ParseStats[1];
        List<MeasurementResult> all = parseAll(SharedData.GOOGLE_WHOAMI, s);
        assertThat(s[0].parsed()).isEqualTo(9197);
        assertThat(s[0].skipped()).isZero();

        Map<String, DnsResult> byKey = new HashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (MeasurementResult m : all) {
            DnsResult d = (DnsResult) m;
            byKey.put(d.probeId() + "/" + d.msmId() + "/" + d.timestamp().getEpochSecond(), d);
            DnsResponse r = d.responses().get(0);
            outcomes.merge(r.answered() ? r.rcodeName() : r.error(), 1, Integer::sum);
        }
        // 194 probes got no answer within 5 s; the rest decode from abuf with the rcode the server sent.
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                Map.of("timeout", 194, "NOERROR", 8819, "SERVFAIL", 181, "REFUSED", 3));
        assertThat(all).extracting(MeasurementResult::fw).contains(4660, 4740, 4760, 4770, 4780, 4785, 4790);

        List<String> rows = SharedData.lines(SharedData.GOOGLE_WHOAMI_DECODED);
        assertThat(rows).hasSize(8647);
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t");
            DnsResult d = byKey.get(f[0] + "/" + f[1] + "/" + f[2]);
            assertThat(d).as("result for %s", row).isNotNull();
            DnsResponse a = d.firstAnswer().orElseThrow();
            assertThat(a.site().value()).as(row).isEqualTo(f[5]);
            assertThat(a.rttMs()).as(row).isEqualTo(Double.parseDouble(f[4]));
            assertThat(d.from()).isEqualTo(f[3]);
            checked++;
        }
        assertThat(checked).isEqualTo(8646);
        // The other NOERROR answers come from resolvers intercepting 8.8.8.8: JSON without a site, so no identity.
        List<DnsResponse> siteless = all.stream().map(m -> ((DnsResult) m).firstAnswer())
                .flatMap(java.util.Optional::stream).filter(a -> a.site() == null && !a.txt().isEmpty()).toList();
        assertThat(siteless).hasSize(171)
                .allSatisfy(a -> assertThat(a.txt().get(0)).contains("Not valid source IP address"));
    }

    @Test
    void pingsCountLostPacketsAndProbeErrors() throws IOException {
        ParseStats[] s = new ParseStats[1];
        List<MeasurementResult> google = parseAll(SharedData.PING_GOOGLE, s);
        assertThat(s[0].parsed()).isEqualTo(9232);
        assertThat(stats(google)).containsExactly(252L, 0L, 76L, 27410L);

        List<MeasurementResult> opendns = parseAll(SharedData.PING_OPENDNS, s);
        assertThat(s[0].parsed()).isEqualTo(9261);
        // Two packets the probe could not send ({"error": …}) are not losses: RIPE's sent/rcvd leave them out too.
        assertThat(stats(opendns)).containsExactly(240L, 2L, 74L, 27504L);
        // Every recorded ping agrees with RIPE's own counters: lost = sent - rcvd (duplicates and send errors apart).
        for (List<MeasurementResult> all : List.of(google, opendns)) {
            assertThat(all).map(PingResult.class::cast)
                    .allSatisfy(p -> assertThat(p.lost()).as("probe %d msm %d", p.probeId(), p.msmId())
                            .isEqualTo(p.sent() - p.received()));
        }

        PingResult first = (PingResult) google.get(0);
        assertThat(first.probeId()).isEqualTo(1000);
        assertThat(first.msmId()).isEqualTo(9040751);
        assertThat(first.sent()).isEqualTo(3);
        assertThat(first.received()).isEqualTo(3);
        assertThat(first.minMs()).isEqualTo(22.228997);
        assertThat(first.avgMs()).isEqualTo(23.033349);
        assertThat(first.maxMs()).isEqualTo(23.930885);
        assertThat(first.rtts()).containsExactly(23.930885, 22.228997, 22.940165);
        assertThat(first.dstAddr()).isEqualTo("8.8.8.8");

        PingResult dark = google.stream().map(PingResult.class::cast).filter(p -> p.probeId() == 1409).findFirst()
                .orElseThrow();
        assertThat(dark.received()).isZero();
        assertThat(dark.rtts()).containsExactly(null, null, null);
        assertThat(dark.minMs()).isNull(); // the API's -1
        assertThat(dark.avgMs()).isNull();
        assertThat(dark.maxMs()).isNull();
    }

    @Test
    void duplicateRepliesAreNotRttsAndSendErrorsAreNotLosses() throws IOException {
        ParseStats[] s = new ParseStats[1];
        List<PingResult> google = parseAll(SharedData.PING_GOOGLE, s).stream().map(PingResult.class::cast).toList();
        // Probe 21139: request 1 unanswered, then a late duplicate (1806 ms) and two replies; RIPE: sent 3, rcvd 2.
        PingResult late = google.stream().filter(p -> p.probeId() == 21139 && p.msmId() == 9040760).findFirst()
                .orElseThrow();
        assertThat(late.rtts()).containsExactly(null, 802.572345, 681.72886);
        assertThat(late.duplicates()).isEqualTo(1);
        assertThat(late.lost()).isEqualTo(1);
        // Probe 23580: nothing answered but two duplicates arrived; RIPE: rcvd 0, min/avg/max -1.
        PingResult dupsOnly = google.stream().filter(p -> p.probeId() == 23580 && p.msmId() == 9040760).findFirst()
                .orElseThrow();
        assertThat(dupsOnly.rtts()).containsExactly(null, null, null);
        assertThat(dupsOnly.duplicates()).isEqualTo(2);
        assertThat(dupsOnly.minMs()).isNull();

        List<PingResult> opendns = parseAll(SharedData.PING_OPENDNS, s).stream().map(PingResult.class::cast)
                .toList();
        // Probe 2091: "sendto failed: Network is unreachable" for one packet; RIPE: sent 2, rcvd 2.
        PingResult unsent = opendns.stream().filter(p -> p.probeId() == 2091 && p.msmId() == 9040297).findFirst()
                .orElseThrow();
        assertThat(unsent.rtts()).containsExactly(15.530499, 15.684867);
        assertThat(unsent.packetErrors()).isEqualTo(1);
        assertThat(unsent.lost()).isZero();
    }

    /** lost packets, packet errors, results with nothing received, packets received. */
    private static List<Long> stats(List<MeasurementResult> pings) {
        long lost = 0, errors = 0, dark = 0, received = 0;
        for (MeasurementResult m : pings) {
            PingResult p = (PingResult) m;
            lost += p.lost();
            errors += p.packetErrors();
            dark += p.received() == 0 ? 1 : 0;
            received += p.received();
        }
        return List.of(lost, errors, dark, received);
    }
}
