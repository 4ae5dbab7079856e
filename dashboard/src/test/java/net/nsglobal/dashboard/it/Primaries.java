package net.nsglobal.dashboard.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Tsig;

/** The dashboard tests' recipe for a customer's primary: a real knotd from the testkit. */
public final class Primaries {
    private Primaries() {}

    /** @param zones zone name → zone file text; @param transferable zones whose AXFR is allowed from 127.0.0.0/8 */
    public static Knot knot(Path dir, Map<String, String> zones, List<String> transferable) {
        return knot(dir, zones, transferable, Map.of());
    }

    /**
     * Zones listed in {@code transferable} allow AXFR from loopback; the others refuse transfers (to exercise the
     * "REFUSED" diagnosis).
     *
     * @param signedTransfers zone → key: AXFR of that zone from 127.0.0.0/8 signed with the key (unless the zone is
     *                        also {@code transferable}, only signed: Knot answers NOTAUTH otherwise). Knot checks the
     *                        signature of a signed query against the keys of the zone's ACLs: any other key gets
     *                        NOTAUTH/BADKEY, a wrong secret NOTAUTH/BADSIG
     */
    public static Knot knot(Path dir, Map<String, String> zones, List<String> transferable,
                            Map<String, Tsig> signedTransfers) {
        KnotConfig c = new KnotConfig().logLevel("warning").acl("xfr", "transfer", null);
        for (Tsig k : signedTransfers.values().stream().distinct().toList()) {
            c.acl("xfr-" + k.name(), "transfer", k);
        }
        for (Map.Entry<String, String> z : zones.entrySet()) {
            List<String> acl = new ArrayList<>();
            if (transferable.contains(z.getKey())) acl.add("xfr");
            if (signedTransfers.containsKey(z.getKey())) acl.add("xfr-" + signedTransfers.get(z.getKey()).name());
            if (acl.isEmpty()) c.zone(z.getKey(), z.getValue());
            else c.zone(z.getKey(), z.getValue(), "acl: [" + String.join(", ", acl) + "]");
        }
        return Knot.start(dir, c);
    }

    /**
     * The owner rotates a key's secret on the primary: knot.conf rewritten and {@code knotc reload}; returns once
     * Knot has the new configuration (knotc waits for the reload).
     */
    public static void changeSecret(Knot knot, Tsig key, String newSecret) {
        knot.config().key(key.withSecret(newSecret));
        knot.reconfigure();
    }
}
