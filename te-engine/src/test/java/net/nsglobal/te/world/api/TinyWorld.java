package net.nsglobal.te.world.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.World;

/**
 * A hand-made world: five probes, two sites. Probes 1 and 2 (AS 3320, DE) reach fra1, probe 3 (AS 1136, NL)
 * reaches ams1, probe 4 (AS 64512, US) has no route to the anycast prefix, probe 5 is disconnected. The RTT is a
 * per-(probe, site) base plus up to 1 ms of noise drawn from the seed, so a test can recompute it.
 */
final class TinyWorld implements World {
    static final List<Probe> PROBES = List.of(
            new Probe(1, 3320, null, "DE", 8.68, 50.11, "Connected", false, "10.0.1.1"),
            new Probe(2, 3320, 3320, "DE", 13.40, 52.52, "Connected", false, "10.0.1.2"),
            new Probe(3, 1136, null, "NL", 4.90, 52.37, "Connected", true, "10.0.3.1"),
            new Probe(4, 64512, null, "US", -74.0, 40.7, "Connected", false, "10.0.4.1"),
            new Probe(5, 3320, null, "DE", 8.68, 50.11, "Disconnected", false, "10.0.5.1"));

    final Map<Integer, String> routes = new ConcurrentHashMap<>(Map.of(1, "fra1", 2, "fra1", 3, "ams1"));

    @Override
    public List<Probe> probes() {
        return PROBES;
    }

    @Override
    public Optional<String> siteOf(int probeId) {
        return Optional.ofNullable(routes.get(probeId));
    }

    @Override
    public OptionalDouble rttMs(int probeId, String site, long noiseSeed) {
        if (probeId < 1 || probeId > 5 || !(site.equals("fra1") || site.equals("ams1"))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(base(probeId, site) + noise(noiseSeed));
    }

    static double base(int probeId, String site) {
        return (site.equals("fra1") ? 5 : 9) + probeId * 10;
    }

    static double noise(long seed) {
        return (seed >>> 11) / (double) (1L << 53);
    }
}
