package net.nsglobal.atlas.results;

import java.util.List;
import java.util.Optional;

/**
 * One DNS exchange inside a DNS result: the single {@code result} object, or one entry of {@code resultset}
 * (one per address/retry, numbered by {@code subid}). Either it has an answer ({@code rtt}, rcode, TXT, site) or
 * an {@code error} such as {@code timeout} or {@code getaddrinfo}: a measurement verdict, not an exception.
 *
 * @param rttMs  round-trip time in ms ({@code rt}); null on error
 * @param rcode  response code decoded from {@code abuf}; null when there is no abuf
 * @param error  e.g. {@code "timeout"} or {@code "getaddrinfo: Name or service not known"}; null if answered
 */
public record DnsResponse(int subid, String dstAddr, Double rttMs, Integer rcode, String rcodeName, List<String> txt,
                          String nsid, SiteIdentity site, String error) {
    public DnsResponse {
        txt = List.copyOf(txt);
    }

    public static DnsResponse failed(int subid, String dstAddr, String error) {
        return new DnsResponse(subid, dstAddr, null, null, null, List.of(), null, null, error);
    }

    public boolean answered() {
        return error == null;
    }

    public Optional<SiteIdentity> siteIdentity() {
        return Optional.ofNullable(site);
    }
}
