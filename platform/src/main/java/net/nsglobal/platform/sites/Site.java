package net.nsglobal.platform.sites;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;
import net.nsglobal.config.Cidr;

/**
 * One anycast site, as {@code sites/<id>.yaml} describes it (see {@link SiteSchema} for every key).
 *
 * @param id              short lower-case code, also the file name ({@code ams1})
 * @param unicastV4       this site's dns-node, reachable directly (the latency oracle measures it); BIRD's router id
 * @param unicastV6       the same over IPv6, if any
 * @param anycastPrefixes the prefixes this site announces
 * @param localAs         our AS number at this site
 * @param neighbors       its BGP sessions
 */
public record Site(String id, String city, String country, double latitude, double longitude, Inet4Address unicastV4,
                   Optional<Inet6Address> unicastV6, List<Cidr> anycastPrefixes, long localAs, List<Neighbor> neighbors) {
    public Site {
        anycastPrefixes = List.copyOf(anycastPrefixes);
        neighbors = List.copyOf(neighbors);
    }

    public List<Cidr> anycastV4() {
        return anycastPrefixes.stream().filter(p -> p.network() instanceof Inet4Address).toList();
    }

    public List<Cidr> anycastV6() {
        return anycastPrefixes.stream().filter(p -> p.network() instanceof Inet6Address).toList();
    }
}
