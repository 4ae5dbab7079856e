package net.nsglobal.dns.config;

/**
 * The {@code identity:} section: who this server says it is. RIPE Atlas measures catchment through exactly these
 * answers; the query pipeline reads them as they are.
 *
 * @param nsid     NSID payload (RFC 5001), usually the site id such as "fra1"; null = no NSID
 * @param hostname answer to CHAOS TXT hostname.bind and id.server (RFC 4892); null = REFUSED
 * @param version  answer to CHAOS TXT version.bind / version.server; null = REFUSED
 */
public record Identity(String nsid, String hostname, String version) {
    /** Says nothing: no NSID, CHAOS queries REFUSED. */
    public static final Identity NONE = new Identity(null, null, null);

    public static Identity of(String siteId) {
        return new Identity(siteId, siteId, null);
    }
}
