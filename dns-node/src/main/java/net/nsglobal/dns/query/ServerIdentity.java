package net.nsglobal.dns.query;

/**
 * Who this server says it is. RIPE Atlas measures catchment through exactly these answers.
 *
 * @param nsid     NSID payload (RFC 5001), usually the site id such as "fra1"; null = no NSID
 * @param hostname answer to CHAOS TXT hostname.bind and id.server (RFC 4892); null = REFUSED
 * @param version  answer to CHAOS TXT version.bind / version.server; null = REFUSED
 */
public record ServerIdentity(String nsid, String hostname, String version) {
    public static ServerIdentity of(String siteId) {
        return new ServerIdentity(siteId, siteId, null);
    }
}
