package net.nsglobal.dashboard.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.dashboard.validate.Cidr;

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
 */
public record DashboardConfig(
        String publicUrl, String httpHost, int httpPort,
        String dbUrl, String dbUser, String dbPassword, Path dataDir,
        InetSocketAddress resolver, SmtpSettings smtp,
        List<Cidr> allowList, List<Cidr> ownPrefixes, List<String> nsNames,
        String collectorTransferAddress, InetSocketAddress collector, Map<String, InetSocketAddress> sites,
        String catalogZone, InetSocketAddress catalogListen, Path collectorKeysFile,
        Limits limits, boolean demoMailbox, Signup signup) {

    /** The configuration with default {@link Signup} settings. */
    public DashboardConfig(String publicUrl, String httpHost, int httpPort, String dbUrl, String dbUser,
                           String dbPassword, Path dataDir, InetSocketAddress resolver, SmtpSettings smtp,
                           List<Cidr> allowList, List<Cidr> ownPrefixes, List<String> nsNames,
                           String collectorTransferAddress, InetSocketAddress collector,
                           Map<String, InetSocketAddress> sites, String catalogZone, InetSocketAddress catalogListen,
                           Path collectorKeysFile, Limits limits, boolean demoMailbox) {
        this(publicUrl, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp, allowList, ownPrefixes,
                nsNames, collectorTransferAddress, collector, sites, catalogZone, catalogListen, collectorKeysFile,
                limits, demoMailbox, Signup.defaults());
    }

    public DashboardConfig {
        if (signup == null) signup = Signup.defaults();
        allowList = List.copyOf(allowList);
        ownPrefixes = List.copyOf(ownPrefixes);
        nsNames = List.copyOf(nsNames);
        sites = Map.copyOf(sites);
        if (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }

    /** Abuse limits (issue 4 item 7); windows are sliding. */
    public record Limits(int perClientIp, int perDomain, int perRname, Duration window, int maxPending,
                         long maxRequestBytes, Duration tokenLifetime) {
        public static Limits defaults() {
            return new Limits(20, 3, 5, Duration.ofHours(1), 1000, 16 * 1024, Duration.ofHours(24));
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
                catalogListen, collectorKeysFile, limits, demoMailbox, s);
    }

    /** The same config with the public URL replaced (once the real HTTP port is known). */
    public DashboardConfig withPublicUrl(String url) {
        return new DashboardConfig(url, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp,
                allowList, ownPrefixes, nsNames, collectorTransferAddress, collector, sites, catalogZone,
                catalogListen, collectorKeysFile, limits, demoMailbox, signup);
    }
}
