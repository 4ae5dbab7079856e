package net.nsglobal.te.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.Round;
import net.nsglobal.te.store.Spend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Round → ingest → store on recorded RIPE Atlas results: what is asked, what is stored, nothing lost or doubled. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeasurePipelineTest {
    static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z");
    static final int PROBES = 100; // the recorded file has 119 probes
    final RecordedBackend backend = new RecordedBackend(PROBES, T0);
    final MemoryStore store = new MemoryStore();
    final RoundJob rounds = newRoundJob();
    final IngestJob ingest = new IngestJob(backend, store, new SiteNames(Fixtures.SITES), Duration.ofMinutes(10),
            Duration.ofHours(2));

    RoundJob newRoundJob() {
        try {
            return new RoundJob(backend, store, Fixtures.SITES, InetAddress.getByName("198.51.100.1"), PROBES);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRoundIsOneRequestCatchmentPlusAPingPerSiteFromTheSameProbes() {
        Round round = rounds.run(T0);
        MeasurementRequest req = backend.requests.get(0);
        assertThat(req.definitions().get(0)).isInstanceOfSatisfying(DnsDefinition.class, d -> {
            assertThat(d.target()).isEqualTo("198.51.100.1");
            assertThat(d.queryClass()).isEqualTo(DnsDefinition.QueryClass.CHAOS);
            assertThat(d.queryType()).isEqualTo("TXT");
            assertThat(d.queryArgument()).isEqualTo("hostname.bind");
            assertThat(d.setNsidBit()).isTrue();
            assertThat(d.useProbeResolver()).isFalse();
        });
        assertThat(req.definitions().subList(1, 6)).allMatch(d -> d instanceof PingDefinition)
                .extracting(d -> d.target()).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5");
        assertThat(req.probes()).containsExactly(ProbeSelection.of(ProbeSelection.Type.AREA, "WW", PROBES));
        assertThat(req.schedule()).isInstanceOf(net.nsglobal.atlas.model.Schedule.OneOff.class);

        assertThat(round.started()).isEqualTo(T0);
        assertThat(round.backend()).isEqualTo("recorded");
        assertThat(round.pingMsms()).containsOnlyKeys("jnb", "lhr", "cdg", "fra", "ams");
        assertThat(round.pingMsms().get("jnb")).isEqualTo(round.catchmentMsm() + 1);
        assertThat(store.spend(T0, T0.plusSeconds(1))).hasSize(6).allMatch(s -> s.job().equals(RoundJob.NAME))
                .extracting(Spend::credits).containsExactly(1010.0, 303.0, 303.0, 303.0, 303.0, 303.0);

        ingest.run(T0.plus(Duration.ofMinutes(5)));
        rounds.run(T0.plus(Duration.ofMinutes(15)));
        java.util.List<Integer> heard = store.catchment(round.catchmentMsm()).stream().map(c -> c.probeId()).distinct()
                .sorted().toList();
        assertThat(heard).isNotEmpty();
        assertThat(backend.requests.get(1).probes()).as("the next round asks for the probes the last one heard, by id")
                .containsExactly(ProbeSelection.of(ProbeSelection.Type.PROBES,
                        heard.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), heard.size()));
    }

    /** Seen red with the fetch starting at the newest stored sample (no overlap): the late results were lost. */
    @Test
    void overlappingFetchesStoreLateUploadsAndNeverDoubleASample() {
        List<Integer> probes = backend.probeIds();
        int late1 = probes.get(5);
        int late2 = probes.get(6);
        backend.holdBack(late1);
        backend.holdBack(late2);
        Round round = rounds.run(T0);
        int all = probes.size(); // 100 answers and one timeout

        IngestJob.Ingested first = ingest.run(T0.plus(Duration.ofMinutes(5)));
        assertThat(first.newCatchment()).isEqualTo(all - 2);
        assertThat(first.newPings()).isEqualTo(5 * (all - 2));
        assertThat(first.probesUpserted()).isEqualTo(all);

        backend.uploadLate(); // measured at T0+5 s and T0+6 s, uploaded after the newest result stored (T0+29 s)
        IngestJob.Ingested second = ingest.run(T0.plus(Duration.ofMinutes(10)));
        assertThat(second.results()).as("the overlap fetches stored results again").isEqualTo(6 * all);
        assertThat(second.newCatchment()).isEqualTo(2);
        assertThat(second.newPings()).isEqualTo(10);
        assertThat(second.probesUpserted()).as("known probes are not fetched again").isZero();
        Instant newest = T0.plusSeconds(29);
        assertThat(backend.pollStarts.subList(6, 12)).containsOnly(newest.minus(Duration.ofMinutes(10)));

        IngestJob.Ingested third = ingest.run(T0.plus(Duration.ofMinutes(15)));
        assertThat(third.newCatchment() + third.newPings()).isZero();
        assertThat(store.catchment(round.catchmentMsm())).hasSize(all)
                .extracting(CatchmentSample::probeId).contains(late1, late2).doesNotHaveDuplicates();
        for (long msm : round.pingMsms().values()) assertThat(store.pings(msm)).hasSize(all);

        assertThat(ingest.run(T0.plus(Duration.ofHours(3))).rounds()).as("past the lookback").isZero();
    }

    @Test
    void realAnswersBecomeSitesRttsAndErrors() {
        Round round = rounds.run(T0);
        ingest.run(T0.plus(Duration.ofMinutes(5)));
        Map<Integer, CatchmentSample> byProbe = store.catchment(round.catchmentMsm()).stream()
                .collect(Collectors.toMap(CatchmentSample::probeId, c -> c));
        // The first recorded line: probe 10855 (AS36997, Uganda) answered by JNB in 65.725 ms.
        assertThat(byProbe.get(10855)).satisfies(c -> {
            assertThat(c.site()).isEqualTo("jnb");
            assertThat(c.rttMs()).isEqualTo(65.725);
            assertThat(c.error()).isNull();
            assertThat(c.time()).isEqualTo(T0);
        });
        assertThat(byProbe.get(1078)).as("the recorded timeout").satisfies(c -> {
            assertThat(c.site()).isNull();
            assertThat(c.rttMs()).isNaN();
            assertThat(c.error()).isEqualTo("timeout");
        });
        Map<String, Long> perSite = byProbe.values().stream().filter(c -> c.site() != null)
                .collect(Collectors.groupingBy(CatchmentSample::site, Collectors.counting()));
        assertThat(perSite).containsOnlyKeys("jnb", "lhr", "cdg", "fra", "ams");
        assertThat(byProbe.values()).filteredOn(c -> c.error() != null && c.error().startsWith("unknown site: "))
                .as("EWR and SIN are not our sites").isNotEmpty()
                .allMatch(c -> c.site() == null && c.error().matches("unknown site: (EWR|SIN)"));

        // The first recorded ping (3 of 3 replies, min 22.228997 ms), as probe 10855's ping of jnb.
        PingSample p = store.pings(round.pingMsms().get("jnb")).stream().filter(s -> s.probeId() == 10855).findFirst().orElseThrow();
        assertThat(p).isEqualTo(new PingSample(round.pingMsms().get("jnb"), 10855, T0, "jnb", 22.228997, 3, 3));
        assertThat(store.probes()).filteredOn(i -> i.id() == 10855).singleElement().satisfies(i -> {
            assertThat(i.asn()).isEqualTo(36997L);
            assertThat(i.country()).isEqualTo("UG");
            assertThat(i.lat()).isEqualTo(0.3195);
            assertThat(i.lon()).isEqualTo(32.5995);
        });
    }

    @Test
    void retentionDeletesRawSamplesOlderThanItAndRollupsCoverTheIngestWindow() {
        rounds.run(T0);
        ingest.run(T0.plus(Duration.ofMinutes(5)));
        RetentionJob retention = new RetentionJob(store, Duration.ofDays(30));
        assertThat(retention.run(T0.plus(Duration.ofDays(29)))).isZero();
        assertThat(retention.run(T0.plus(Duration.ofDays(30)).plusSeconds(30))).isEqualTo(6 * 101);
        new RollupJob(store, Duration.ofHours(2)).run(Instant.parse("2026-12-07T06:40:00Z"));
        assertThat(store.rollupRefreshes).singleElement().satisfies(w -> {
            assertThat(w[0]).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
            assertThat(w[1]).isAfter(Instant.parse("2026-12-07T06:40:00Z"));
        });
    }
}
