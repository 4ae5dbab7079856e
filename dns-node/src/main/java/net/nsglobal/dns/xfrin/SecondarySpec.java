package net.nsglobal.dns.xfrin;

import java.net.InetSocketAddress;
import java.util.List;
import net.nsglobal.dns.config.TsigKey;
import org.xbill.DNS.Name;

/**
 * What a secondary zone pulls from: its primaries in order of preference and the TSIG key they require. {@code keyName}
 * null = unsigned. {@code key} is the key as last looked up (null when not known yet, e.g. a catalog member whose key
 * the control plane has not written to the key file yet); each refresh looks the name up again
 * ({@link #withKey}), so a key that arrives or changes later is used from the next refresh on.
 * Comes from the config ({@code secondaries:}, {@code catalogs:}) or from a catalog zone's member entry.
 */
public record SecondarySpec(Name zone, List<InetSocketAddress> primaries, TsigKey key, Name keyName) {
    public SecondarySpec {
        primaries = List.copyOf(primaries);
        if (key != null && keyName == null) keyName = key.name();
    }

    /** A spec whose key is known now (or none). */
    public SecondarySpec(Name zone, List<InetSocketAddress> primaries, TsigKey key) {
        this(zone, primaries, key, key == null ? null : key.name());
    }

    /** The same spec with {@code keyName} resolved to {@code k} (null = not known). */
    public SecondarySpec withKey(TsigKey k) {
        return new SecondarySpec(zone, primaries, k, keyName);
    }

    /** True when {@code addr} is one of this zone's primaries (NOTIFY acceptance, RFC 1996 §3.10). */
    public boolean isPrimary(java.net.InetAddress addr) {
        for (InetSocketAddress p : primaries) if (p.getAddress().equals(addr)) return true;
        return false;
    }
}
