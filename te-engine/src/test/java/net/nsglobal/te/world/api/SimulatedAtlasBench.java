package net.nsglobal.te.world.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import net.nsglobal.atlas.api.ApiKey;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasConfig;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.World;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;

/**
 * Run by hand, not a test (see docs/performance.md, "Simulated Atlas"): one knotd per site, a world of N probes
 * spread over them, and the atlas client creating one-off catchment (DNS) and ping measurements over all probes and
 * reading their results; prints the median / max time from POST to the last result parsed, per measurement type.
 * Arguments: [probes] [rounds], default 1000 10.
 */
public final class SimulatedAtlasBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("simatlas-bench");
        try (Knot fra = Knot.start(dir, new KnotConfig().logLevel("warning").server("nsid: fra1"));
             Knot ams = Knot.start(dir, new KnotConfig().logLevel("warning").server("nsid: ams1"))) {
            List<Probe> probes = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                probes.add(new Probe(i, 64_500 + i % 50, null, "DE", 8.0, 50.0, "Connected", false, "10.1.0.1"));
            }
            World world = new World() {
                public List<Probe> probes() { return probes; }
                public Optional<String> siteOf(int id) { return Optional.of(id % 2 == 0 ? "fra1" : "ams1"); }
                public OptionalDouble rttMs(int id, String site, long seed) {
                    return OptionalDouble.of(10 + TinyWorld.noise(seed));
                }
            };
            AtlasOptions opts = AtlasOptions.of("bench", Set.of("192.0.2.53"), Map.of("198.51.100.1", "fra1"));
            try (SimulatedAtlas atlas = new SimulatedAtlas(world, Map.of("fra1", fra.address(), "ams1",
                    ams.address()), Clock.systemUTC(), opts).start(0);
                 AtlasClient client = new AtlasClient(AtlasConfig.of(atlas.url(), ApiKey.of("bench"))
                         .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120)))) {
                time("dns ", n, rounds, client, DnsDefinition.catchment("192.0.2.53", 4));
                time("ping", n, rounds, client, PingDefinition.of("198.51.100.1", 4));
            }
        }
    }

    private static void time(String what, int n, int rounds, AtlasClient client, MeasurementDefinition d) {
        long[] ms = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            long msm = client.create(MeasurementRequest.oneOff(List.<MeasurementDefinition>of(d),
                    ProbeSelection.of(ProbeSelection.Type.AREA, "WW", n))).get(0);
            long[] got = new long[1];
            client.results(msm, ResultQuery.all(), r -> got[0]++);
            ms[i] = (System.nanoTime() - s) / 1_000_000;
            if (got[0] != n) {
                throw new IllegalStateException(what + ": " + got[0] + " results, expected " + n);
            }
        }
        Arrays.sort(ms);
        System.out.printf("%s: %d probes, one round, POST to last result: median %d ms, max %d ms (%d runs)%n",
                what, n, ms[rounds / 2], ms[rounds - 1], rounds);
    }
}
