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
        Limits limits, boolean demoMailbox, net.nsglobal.dns.config.TsigKey catalogKey,
        InetSocketAddress collectorHttp) {

    public DashboardConfig {
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

    /** The same config with the public URL replaced (once the real HTTP port is known). */
    public DashboardConfig withPublicUrl(String url) {
        return new DashboardConfig(url, httpHost, httpPort, dbUrl, dbUser, dbPassword, dataDir, resolver, smtp,
                allowList, ownPrefixes, nsNames, collectorTransferAddress, collector, sites, catalogZone,
                catalogListen, collectorKeysFile, limits, demoMailbox, catalogKey, collectorHttp);
    }
}
