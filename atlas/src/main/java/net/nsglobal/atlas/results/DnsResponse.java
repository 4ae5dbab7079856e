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
 * @param malformed why the recorded answer ({@code abuf}) could not be decoded, or null. The probe did get an
 *                  answer: its {@code rt} is kept, but it names no rcode and no site (Sagan's {@code is_malformed}).
 */
public record DnsResponse(int subid, String dstAddr, Double rttMs, Integer rcode, String rcodeName, List<String> txt,
                          String nsid, SiteIdentity site, String error, String malformed) {
    public DnsResponse {
        txt = List.copyOf(txt);
    }

    /** An exchange whose answer decoded (or had none to decode). */
    public DnsResponse(int subid, String dstAddr, Double rttMs, Integer rcode, String rcodeName, List<String> txt,
                       String nsid, SiteIdentity site, String error) {
        this(subid, dstAddr, rttMs, rcode, rcodeName, txt, nsid, site, error, null);
    }

    /** An answer arrived after {@code rttMs}, but its {@code abuf} is not a DNS message. */
    public static DnsResponse undecodable(int subid, String dstAddr, Double rttMs, String why) {
        return new DnsResponse(subid, dstAddr, rttMs, null, null, List.of(), null, null, null, why);
    }

    public boolean isMalformed() {
        return malformed != null;
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
