package net.nsglobal.dns.config;

import net.nsglobal.config.Cidr;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * One {@code catalogs:} entry: an RFC 9432 catalog zone to consume from its primaries; {@code tsigKey} null = unsigned.
 * {@code allowPrimaries}: prefixes a member's own primaries ({@code primaries.ext}) may lie in although the
 * {@link AddressPolicy} refuses their class (loopback, private…); labs, tests and the demo.
 */
public record CatalogSource(Name name, List<InetSocketAddress> primaries, Name tsigKey, List<Cidr> allowPrimaries) {
    public CatalogSource {
        allowPrimaries = List.copyOf(allowPrimaries);
    }

    public CatalogSource(Name name, List<InetSocketAddress> primaries, Name tsigKey) {
        this(name, primaries, tsigKey, List.of());
    }

    /** The policy applied to the primaries this catalog's members name. */
    public AddressPolicy primaryPolicy() {
        return new AddressPolicy(allowPrimaries, List.of());
    }
}
