package net.nsglobal.te.world.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.nsglobal.atlas.api.ApiKey;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasConfig;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.api.RetryPolicy;
import net.nsglobal.atlas.backend.RipeAtlasBackend;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.model.Schedule;
import net.nsglobal.atlas.results.DnsResponse;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.SiteIdentity;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged atlas client measures catchment through the simulated Atlas: each probe's CHAOS TXT hostname.bind
 * query really goes to the knotd of the site its AS is routed to, so the result's abuf carries that server's own
 * NSID (RFC 5001) and identity; a stopped server gives its probes Atlas's timeout; a probe without a route times out.
 */
@Timeout(120)
class SimulatedAtlasDnsTest {
    static final String KEY = "5f3a-simulated-key";
    static final String ANYCAST = "192.0.2.53";
    static final String AMS1_UNICAST = "198.51.100.2";
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;
    private Knot fra;
    private Knot ams;
    private final TinyWorld world = new TinyWorld();
    private final TestClock clock = new TestClock(T0);
    private SimulatedAtlas atlas;
    private AtlasClient client;

    @BeforeEach
    void start() {
        fra = Knot.start(dir, new KnotConfig().logLevel("warning").server("identity: ns1.fra1.example")
                .server("nsid: fra1"));
        ams = Knot.start(dir, new KnotConfig().logLevel("warning").server("identity: ns1.ams1.example")
                .server("nsid: ams1"));
        Map<String, InetSocketAddress> servers = Map.of("fra1", fra.address(), "ams1", ams.address());
        atlas = new SimulatedAtlas(world, servers, clock, AtlasOptions.of(KEY, Set.of(ANYCAST), Map.of(AMS1_UNICAST, "ams1"))
                .withDnsTimeout(Duration.ofMillis(500))).start(0);
        RetryPolicy noRetry = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), new Random(1),
                clock);
        client = new AtlasClient(AtlasConfig.of(atlas.url(), ApiKey.of(KEY)).withRetry(noRetry, d -> { })
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (atlas != null) atlas.close();
        if (fra != null) fra.close();
        if (ams != null) ams.close();
    }

    private static MeasurementRequest catchment(Schedule schedule) {
        List<MeasurementDefinition> defs = List.of(DnsDefinition.catchment(ANYCAST, 4));
        return new MeasurementRequest(defs, List.of(ProbeSelection.of(ProbeSelection.Type.AREA, "WW", 10)),
                schedule, Optional.empty());
    }

    private List<DnsResult> poll(long msm, ResultQuery q) {
        List<MeasurementResult> out = new ArrayList<>();
        new RipeAtlasBackend(client).poll(msm, q, out::add);
        return out.stream().map(DnsResult.class::cast).toList();
    }

    private static Optional<String> nsid(List<DnsResult> results, int probe) {
        DnsResult r = results.stream().filter(x -> x.probeId() == probe).findFirst().orElseThrow();
        return r.firstAnswer().map(DnsResponse::nsid);
    }

    @Test
    void eachProbeSeesTheNsidOfTheServerOfTheSiteItReaches() {
        long msm = new RipeAtlasBackend(client).create(catchment(Schedule.oneOff())).get(0);
        List<DnsResult> results = poll(msm, ResultQuery.all());

        assertThat(results).extracting(DnsResult::probeId).containsExactly(1, 2, 3, 4); // 5 is disconnected
        assertThat(results).allSatisfy(r -> {
            assertThat(r.msmId()).isEqualTo(msm);
            assertThat(r.timestamp()).isEqualTo(T0);
            assertThat(r.dstAddr()).isEqualTo(ANYCAST);
        });
        DnsResponse fromFra = results.get(0).firstAnswer().orElseThrow();
        assertThat(fromFra.nsid()).isEqualTo("fra1");
        assertThat(fromFra.txt()).containsExactly("ns1.fra1.example");
        assertThat(fromFra.rcodeName()).isEqualTo("NOERROR");
        assertThat(fromFra.site()).isEqualTo(new SiteIdentity("fra1", SiteIdentity.Source.NSID));
        assertThat(fromFra.rttMs()).isBetween(TinyWorld.base(1, "fra1"), TinyWorld.base(1, "fra1") + 1);
        assertThat(nsid(results, 2)).contains("fra1");
        assertThat(nsid(results, 3)).contains("ams1");
        assertThat(results.get(3).firstAnswer()).as("probe 4 has no route").isEmpty();
        assertThat(results.get(3).responses().get(0).error()).isEqualTo("timeout");

        // A query to a site's unicast address reaches that site from anywhere; TCP (RFC 1035 §4.2.2) works too.
        DnsDefinition unicastTcp = new DnsDefinition(4, AMS1_UNICAST, "ams1 over TCP",
                DnsDefinition.QueryClass.CHAOS, "TXT", "hostname.bind", true, false, DnsDefinition.Protocol.TCP, 1232,
                true, false);
        List<Long> pair = client.create(new MeasurementRequest(List.of(DnsDefinition.catchment(ANYCAST, 4),
                unicastTcp), List.of(ProbeSelection.of(ProbeSelection.Type.PROBES, "1,4", 2)), Schedule.oneOff(),
                Optional.empty()));
        List<DnsResult> direct = poll(pair.get(1), ResultQuery.all());
        assertThat(direct).extracting(DnsResult::proto).containsOnly("TCP");
        assertThat(nsid(direct, 1)).contains("ams1");
        assertThat(nsid(direct, 4)).as("no anycast route needed").contains("ams1");
        assertThat(poll(pair.get(0), ResultQuery.all())).as("one request, one probe set")
                .extracting(DnsResult::probeId).containsExactly(1, 4);

        List<MeasurementResult> latest = new ArrayList<>();
        client.latest(msm, List.of(3), latest::add);
        assertThat(latest).singleElement().satisfies(r -> assertThat(nsid(List.of((DnsResult) r), 3))
                .contains("ams1"));
    }

    @Test
    void aStoppedServerGivesItsProbesTimeoutsAndAMovedRouteMovesTheProbe() {
        long msm = client.create(catchment(Schedule.periodic(Duration.ofSeconds(60), null, T0.plus(Duration.ofDays(1))))).get(0);
        assertThat(nsid(poll(msm, ResultQuery.all()), 3)).contains("ams1");

        ams.close();
        world.routes.put(2, "ams1");
        clock.advance(Duration.ofSeconds(60));
        List<DnsResult> second = poll(msm, ResultQuery.since(T0.plusSeconds(60)));

        assertThat(second).extracting(DnsResult::timestamp).containsOnly(T0.plusSeconds(60));
        assertThat(nsid(second, 1)).contains("fra1");
        assertThat(nsid(second, 2)).as("probe 2 now reaches the stopped ams1").isEmpty();
        assertThat(nsid(second, 3)).isEmpty();
        assertThat(second.stream().filter(r -> r.probeId() == 3).findFirst().orElseThrow().responses())
                .extracting(DnsResponse::error).containsExactly("timeout");
        assertThat(poll(msm, ResultQuery.all())).as("the first round is kept as measured").hasSize(8);

        client.stop(msm);
        assertThat(client.measurement(msm).status()).isEqualTo("Stopped");
        clock.advance(Duration.ofSeconds(600));
        assertThat(poll(msm, ResultQuery.all())).as("a stopped measurement measures no more").hasSize(8);
    }
    /**
     * A server that drops one query (busy starting up) is not written off for the round: the next probe routed to it
     * is asked and answered. Only {@link RoundRunner#SILENT_AFTER} misses in a row silence a site.
     */
    @Test
    void oneDroppedQueryDoesNotSilenceASite() throws Exception {
        try (DatagramSocket relay = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
             DatagramSocket upstream = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                int seen = 0;
                try {
                    while (true) {
                        DatagramPacket q = new DatagramPacket(buf, buf.length);
                        relay.receive(q);
                        if (++seen == 1) continue; // the first query is lost
                        upstream.send(new DatagramPacket(q.getData(), q.getLength(), fra.address()));
                        DatagramPacket a = new DatagramPacket(new byte[4096], 4096);
                        upstream.receive(a);
                        relay.send(new DatagramPacket(a.getData(), a.getLength(), q.getSocketAddress()));
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "dropping-relay");
            t.setDaemon(true);
            t.start();
            java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                RoundRunner runner = new RoundRunner(world, Map.of("fra1", (InetSocketAddress) relay.getLocalSocketAddress()),
                        AtlasOptions.of(KEY, Set.of(ANYCAST), Map.of()).withDnsTimeout(Duration.ofMillis(300)), one);
                CreateRequest.Definition d = new CreateRequest.Definition("dns", 4, ANYCAST, "catchment", "CHAOS", "TXT",
                        "hostname.bind", true, false, "UDP", 1232, 0, 0, 0);
                var out = runner.run(7, d, TinyWorld.PROBES.subList(0, 2), T0.getEpochSecond());
                assertThat(out.get(0).has("error")).as("probe 1's query was dropped").isTrue();
                assertThat(out.get(1).has("result")).as("probe 2 is still asked: " + out.get(1)).isTrue();
            } finally {
                one.shutdownNow();
            }
        }
    }
}
