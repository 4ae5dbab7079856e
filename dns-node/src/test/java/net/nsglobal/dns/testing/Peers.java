package net.nsglobal.dns.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Tsig;

/** dns-node's recipes for the testkit's real peers. */
public final class Peers {
    private Peers() {}

    /** A dns-node TSIG key as the peers' config files spell it. */
    public static Tsig tsig(TsigKey key) {
        return new Tsig(key.name().toString(true), key.algorithm().toString(),
                Base64.getEncoder().encodeToString(key.secret()));
    }

    /**
     * A real knotd as a customer's primary: zone files it diffs into its journal on reload (so it serves IXFR),
     * transfers allowed from loopback (only signed with {@code key} if given) and NOTIFY to {@code notifyTarget}.
     */
    public static Knot customerPrimary(Path dir, Map<String, String> zones, TsigKey key, InetSocketAddress notifyTarget) {
        Tsig k = key == null ? null : tsig(key);
        KnotConfig c = new KnotConfig().journal().allowTransfer(k);
        if (notifyTarget != null) c.notify(notifyTarget, k);
        return Knot.start(dir, c.zones(zones));
    }
}
