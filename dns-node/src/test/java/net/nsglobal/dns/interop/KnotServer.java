package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;

/**
 * knotd (Knot DNS 3.2, Debian) serving pre-signed zone files as-is: no signing, no journal, no zone file sync, one
 * worker per kind (the testkit's launcher); ready once it answers SOA for every zone.
 */
final class KnotServer implements ServerUnderTest {
    private final Knot knot;

    private KnotServer(Knot knot) { this.knot = knot; }

    /** @param zones origin (absolute) → zone file */
    static KnotServer start(Path dir, Map<String, Path> zones) {
        KnotConfig c = new KnotConfig().logLevel("warning").defaults("dnssec-signing: off", "semantic-checks: off");
        zones.forEach((origin, file) -> c.zoneFile(origin, file));
        return new KnotServer(Knot.start(dir, c));
    }

    @Override
    public String name() { return "knot"; }

    @Override
    public InetSocketAddress address() { return knot.address(); }

    @Override
    public void close() { knot.close(); }
}
