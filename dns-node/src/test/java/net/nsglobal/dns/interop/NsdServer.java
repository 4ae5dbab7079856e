package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import net.nsglobal.testkit.Nsd;
import net.nsglobal.testkit.NsdConfig;

/**
 * nsd 4.6 serving the same zone files, in the foreground, one server process, RRL off (the testkit's launcher). Used
 * as a second reference while debugging the generator and comparator ({@code -Dinterop.peer=nsd}); CI compares Knot
 * with dns-node.
 */
final class NsdServer implements ServerUnderTest {
    private final Nsd nsd;

    private NsdServer(Nsd nsd) { this.nsd = nsd; }

    static NsdServer start(Path dir, Map<String, Path> zones) {
        NsdConfig c = new NsdConfig();
        zones.forEach((origin, file) -> c.zoneFile(origin, file));
        return new NsdServer(Nsd.start(dir, c));
    }

    @Override
    public String name() { return "nsd"; }

    @Override
    public InetSocketAddress address() { return nsd.address(); }

    @Override
    public void close() { nsd.close(); }
}
