package net.nsglobal.dns.secondary;

import java.net.InetSocketAddress;
import java.util.List;
import net.nsglobal.dns.tsig.TsigKey;
import org.xbill.DNS.Name;

/**
 * What a secondary zone pulls from: its primaries in order of preference and the TSIG key they require (null = none).
 * Comes from the config ({@code secondaries:}, {@code catalogs:}) or from a catalog zone's member entry.
 */
public record SecondarySpec(Name zone, List<InetSocketAddress> primaries, TsigKey key) {
    public SecondarySpec {
        primaries = List.copyOf(primaries);
    }

    /** True when {@code addr} is one of this zone's primaries (NOTIFY acceptance, RFC 1996 §3.10). */
    public boolean isPrimary(java.net.InetAddress addr) {
        for (InetSocketAddress p : primaries) if (p.getAddress().equals(addr)) return true;
        return false;
    }
}
