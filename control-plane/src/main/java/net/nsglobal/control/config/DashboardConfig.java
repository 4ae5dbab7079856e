package net.nsglobal.control.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.validate.Cidr;

/**
 * The control plane's whole configuration, parsed once and immutable.
 *
 * @param publicUrl        base URL put into mailed links (no trailing slash)
 * @param httpHost         address the web server binds
 * @param httpPort         port (0 = any free port)
 * @param dbUrl            JDBC URL of a PostgreSQL; null = embedded PostgreSQL kept in {@code dataDir/pg}
 * @param dataDir          local state (embedded database)
 * @param resolver         recursive resolver used for the public SOA and NS lookups
 * @param smtp             outgoing mail
 * @param allowList        prefixes accepted as primaries even though they are in a refused class (labs, tests, demo)
 * @param ownPrefixes      our own prefixes: never accepted as a customer's primary
 * @param nsNames          our name servers, which the parent delegation should list
 * @param collectorTransferAddress the address the collector pulls from (what customers allow AXFR/send NOTIFY to)
 * @param collector        the collector's DNS address (SOA queries for the status page; NOTIFY target for the catalog)
 * @param sites            edge name → DNS address (SOA queries for the status page)
 * @param catalogZone      name of the collector's input catalog zone
 * @param catalogListen    where the catalog is served by DNS (AXFR)
 * @param collectorKeysFile the collector's {@code tsig-keys-file}: the keys of confirmed zones are written there
 *                         (never into the catalog); null = not written (TSIG sign-ups then cannot transfer)
 * @param limits           abuse limits
 * @param demoMailbox      true only in the demo: shows the embedded mailbox page
 * @param signup           ownership-proof settings (TXT proof, delegation checks)
 * @param catalogKey       TSIG key the catalog is served with (RFC 8945): transfers must be signed with it and
 *                         NOTIFYs to the collector are; the collector's {@code catalogs:} entry names the same key.
 *                         Required when the control plane serves the catalog itself
 * @param collectorHttp    the collector's {@code server.http} address: the status page reads a zone's refusal
 *                         (address policy, size limits) from its {@code /zones/NAME}; null = not shown
 */
public record DashboardConfig(
        String publicUrl, String httpHost, int httpPort,
        String dbUrl, String dbUser, String dbPassword, Path dataDir,
        InetSocketAddress resolver, SmtpSettings smtp,
        List<Cidr> allowList, List<Cidr> ownPrefixes, List<String> nsNames,
        String collectorTransferAddress, InetSocketAddress collector, Map<String, InetSocketAddress> sites,
        String catalogZone, InetSocketAddress catalogListen, Path collectorKeysFile,
        Limits limits, boolean demoMailbox, Signup signup, net.nsglobal.dns.config.TsigKey catalogKey,
        InetSocketAddress collectorHttp) {

    /** The configuration with default {@link Signup} settings. */
    public DashboardConfig(String publicUrl, String httpHost, int httpPort, String dbUrl, String dbUser,
                           String dbPassword, Path dataDir, InetSocketAddress resolver, SmtpSettings smtp,
                           List<Cidr> allowList, List<Cidr> ownPrefixes, List<String> nsNames,
                           String collectorTransferAddress, InetSocketAddress collector,
                           Map<String, InetSocketAddress> sites, String catalogZone, InetSocketAddress catalogListen,
                           Path collectorKeysFile, Limits limits, boolean demoMailbox,
                           net.nsglobal.dns.config.TsigKey catalogKey, InetSocketAddress collectorHttp) {
        this(publicUrl, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp, allowList, ownPrefixes,
                nsNames, collectorTransferAddress, collector, sites, catalogZone, catalogListen, collectorKeysFile,
                limits, demoMailbox, Signup.defaults(), catalogKey, collectorHttp);
    }

    public DashboardConfig {
        if (signup == null) signup = Signup.defaults();
        allowList = List.copyOf(allowList);
        ownPrefixes = List.copyOf(ownPrefixes);
        nsNames = List.copyOf(nsNames);
        sites = Map.copyOf(sites);
        if (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }

    /**
     * Abuse limits; windows are sliding. What each one stops is in docs/signup.md ("Limits").
     *
     * @param perClientIp          requests per window from one IPv4 /24 or one IPv6 /64 (an ISP hands out whole
     *                             prefixes, so the exact address is no identity)
     * @param perClientSite        requests per window from one IPv6 /48 (one site's allocation)
     * @param perDomain            confirmation mails per window per registrable domain (Public Suffix List)
     * @param perRname             confirmation mails per window per normalised mailbox (lower case, no +tag)
     * @param maxPendingPerDomain  unconfirmed sign-ups/changes at once under one registrable domain
     * @param maxPendingPerRname   unconfirmed sign-ups/changes at once to one normalised mailbox
     * @param maxZonesPerDomain    zones served under one registrable domain
     * @param maxZonesPerRname     zones served whose RNAME is one normalised mailbox
     * @param trackedKeys          at most this many limiter entries are kept in memory (least recently seen go first)
     * @param purgeEvery           how often expired pending requests (and their TSIG secrets) are deleted
     */
    public record Limits(int perClientIp, int perClientSite, int perDomain, int perRname, Duration window,
                         int maxPendingPerDomain, int maxPendingPerRname, int maxZonesPerDomain, int maxZonesPerRname,
                         int trackedKeys, long maxRequestBytes, Duration tokenLifetime, Duration purgeEvery) {
        public static Limits defaults() {
            return new Limits(20, 60, 3, 5, Duration.ofHours(1), 10, 10, 100, 100, 100_000, 16 * 1024,
                    Duration.ofHours(24), Duration.ofMinutes(10));
        }

        /**
         * The short form: {@code maxPending} caps unconfirmed requests per registrable domain and per mailbox (there
         * is no global cap); the other limits keep their defaults ({@code perClientSite} = 3 × {@code perClientIp}).
         */
        public Limits(int perClientIp, int perDomain, int perRname, Duration window, int maxPending,
                      long maxRequestBytes, Duration tokenLifetime) {
            this(perClientIp, 3 * perClientIp, perDomain, perRname, window, maxPending, maxPending,
                    defaults().maxZonesPerDomain(), defaults().maxZonesPerRname(), defaults().trackedKeys(),
                    maxRequestBytes, tokenLifetime, defaults().purgeEvery());
        }

        /** The same limits with other zone caps. */
        public Limits withZoneCaps(int perDomain, int perRname) {
            return new Limits(perClientIp, perClientSite, this.perDomain, this.perRname, window, maxPendingPerDomain,
                    maxPendingPerRname, perDomain, perRname, trackedKeys, maxRequestBytes, tokenLifetime, purgeEvery);
        }
    }

    /**
     * Ownership-proof settings.
     *
     * @param txtProof           offer the TXT-record proof ({@code _nsglobal-challenge.DOMAIN}) besides the RNAME mail
     * @param dnsPort            port on which public authoritative servers (a parent zone's name servers) are asked;
     *                           53 except in labs where every server runs on its own loopback port
     * @param delegationRecheck  how often every served zone's delegation by its parent is checked again
     */
    public record Signup(boolean txtProof, int dnsPort, Duration delegationRecheck) {
        public static Signup defaults() {
            return new Signup(false, 53, Duration.ofHours(1));
        }
    }

    /** The same config with other sign-up settings. */
    public DashboardConfig withSignup(Signup s) {
        return new DashboardConfig(publicUrl, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp,
                allowList, ownPrefixes, nsNames, collectorTransferAddress, collector, sites, catalogZone,
                catalogListen, collectorKeysFile, limits, demoMailbox, s, catalogKey, collectorHttp);
    }

    /** The same config with the public URL replaced (once the real HTTP port is known). */
    public DashboardConfig withPublicUrl(String url) {
        return new DashboardConfig(url, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp,
                allowList, ownPrefixes, nsNames, collectorTransferAddress, collector, sites, catalogZone,
                catalogListen, collectorKeysFile, limits, demoMailbox, signup, catalogKey, collectorHttp);
    }

    /** The same config with another allow-list (labs). */
    public DashboardConfig withAllowList(List<Cidr> allow) {
        return new DashboardConfig(publicUrl, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp,
                allow, ownPrefixes, nsNames, collectorTransferAddress, collector, sites, catalogZone,
                catalogListen, collectorKeysFile, limits, demoMailbox, signup, catalogKey, collectorHttp);
    }
}
