package net.nsglobal.control.config;

import static net.nsglobal.control.config.Schema.*;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.Section;
import net.nsglobal.config.Cidr;
import net.nsglobal.dns.config.TsigKey;

/**
 * The control plane's whole configuration — the {@code control-plane:} section of its process file — parsed once
 * against the declarative {@link Schema} and immutable. Unknown keys and bad values fail with a
 * {@link ConfigException} naming the dotted key (and, read from a file, the file and line). Relative paths resolve
 * against the file's folder.
 *
 * <pre>
 * control-plane:
 *   http: 127.0.0.1:8080
 *   public-url: https://dash.nsglobal.example        # base of mailed links
 *   data-dir: /var/lib/nsglobal/dashboard             # embedded PostgreSQL lives here when db.url is absent
 *   db: {url: jdbc:postgresql://db:5432/nsglobal, user: nsglobal, password: secret}
 *   resolver: 127.0.0.1:53
 *   smtp: {host: smtp.example, port: 587, security: starttls, user: u, password: p, from: "NS-Global &lt;…&gt;"}
 *   allow-list: []                                    # prefixes accepted despite a refused class (labs)
 *   own-prefixes: [192.0.2.0/24]
 *   ns-names: [ns1.nsglobal.example, ns2.nsglobal.example]
 *   collector: {transfer-address: 192.0.2.53, dns: 10.0.0.1:53, http: 10.0.0.1:9153}
 *   collector-keys-file: /var/lib/nsglobal/collector/keys.yaml
 *   edges: {ams1: 10.0.1.1:53, fra1: 10.0.2.1:53}
 *   catalog: {zone: catalog.nsglobal.internal, listen: 10.0.0.2:53,
 *             tsig-key: {name: catalog-key, algorithm: hmac-sha256, secret: "base64=="}}   # tsig-key required
 *   limits: {per-client-ip: 20, window: 1h, …}
 *   signup: {txt-proof: false, dns-port: 53, delegation-recheck: 1h}
 * </pre>
 *
 * @param publicUrl    base URL put into mailed links (no trailing slash)
 * @param http         address the web server binds (port 0 = any free port)
 * @param dataDir      local state (embedded database, catalog server files, the TSIG-secret sealing key)
 * @param resolver     recursive resolver used for the public SOA and NS lookups
 * @param allowList    prefixes accepted as primaries even though they are in a refused class (labs, tests, demo)
 * @param ownPrefixes  our own prefixes: never accepted as a customer's primary
 * @param nsNames      our name servers, which the parent delegation should list
 * @param edges        edge site code → DNS address (SOA queries for the status page)
 * @param operators    {@code operators:} — how operators' sessions and log-in attempts are limited
 * @param demoMailbox  true only in the demo (no key: the demo sets it)
 */
public record ControlPlaneConfig(String publicUrl, InetSocketAddress http, Database db, Path dataDir,
                                 InetSocketAddress resolver, SmtpSettings smtp, List<Cidr> allowList,
                                 List<Cidr> ownPrefixes, List<String> nsNames, Collector collector,
                                 Map<String, InetSocketAddress> edges, Catalog catalog, Limits limits, Signup signup,
                                 OperatorLogIn operators, boolean demoMailbox) {

    public ControlPlaneConfig {
        allowList = List.copyOf(allowList);
        ownPrefixes = List.copyOf(ownPrefixes);
        nsNames = List.copyOf(nsNames);
        edges = Map.copyOf(edges);
        if (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }

    /** {@code db:} — where the state lives; {@code url} null = embedded PostgreSQL in {@code dataDir/pg}. */
    public record Database(String url, String user, String password) {}

    /**
     * {@code collector:} (and {@code collector-keys-file}) — the collector this control plane feeds.
     *
     * @param transferAddress what customers allow AXFR/IXFR to and send NOTIFY to
     * @param dns             the collector's DNS address (status page SOA queries, catalog NOTIFY target); null = none
     * @param http            the collector's {@code server.http}: refusals on the status page; null = not shown
     * @param keysFile        the collector's {@code tsig-keys-file}; null = not written
     */
    public record Collector(String transferAddress, InetSocketAddress dns, InetSocketAddress http, Path keysFile) {}

    /**
     * {@code catalog:} — the catalog zone (RFC 9432) served to the collector.
     *
     * @param tsigKey the key the catalog is served with (RFC 8945): transfers must be signed with it and NOTIFYs to
     *                the collector are; the collector's {@code catalogs:} entry names the same key
     */
    public record Catalog(String zone, InetSocketAddress listen, TsigKey tsigKey) {}

    /** Abuse limits ({@code limits:}); windows are sliding. Meanings: {@link Schema}, docs/signup.md ("Limits"). */
    public record Limits(int perClientIp, int perClientSite, int perDomain, int perRname, Duration window,
                         int maxPendingPerDomain, int maxPendingPerRname, int maxZonesPerDomain, int maxZonesPerRname,
                         int trackedKeys, long maxRequestBytes, Duration tokenLifetime, Duration purgeEvery) {
        public static Limits defaults() {
            try {
                return read(Section.empty("limits"));
            } catch (ConfigException e) {
                throw new AssertionError(e);
            }
        }

        /** Limits from the YAML of a {@code limits:} mapping, e.g. {@code "{per-client-ip: 100, max-pending: 3}"}. */
        public static Limits parse(String yaml) throws ConfigException {
            return ControlPlaneConfig.parse("limits: " + yaml + "\n" + MINIMAL_CATALOG, Path.of(".")).limits();
        }

        static Limits read(Section l) throws ConfigException {
            Integer maxPending = l.get(MAX_PENDING);
            Integer perDomain = l.get(MAX_PENDING_PER_DOMAIN);
            Integer perRname = l.get(MAX_PENDING_PER_RNAME);
            // max-pending (older configs) sets both pending caps unless one is given on its own.
            boolean old = maxPending != null;
            Limits limits = new Limits(l.get(PER_CLIENT_IP), l.get(PER_CLIENT_SITE), l.get(PER_DOMAIN), l.get(PER_RNAME),
                    l.get(WINDOW), old && !l.has("max-pending-per-domain") ? maxPending : perDomain,
                    old && !l.has("max-pending-per-rname") ? maxPending : perRname, l.get(MAX_ZONES_PER_DOMAIN),
                    l.get(MAX_ZONES_PER_RNAME), l.get(TRACKED_KEYS), l.get(MAX_REQUEST_BYTES), l.get(TOKEN_LIFETIME),
                    l.get(PURGE_EVERY));
            l.finish();
            return limits;
        }
    }

    /**
     * Ownership-proof settings ({@code signup:}).
     *
     * @param txtProof          offer the TXT-record proof ({@code _nsglobal-challenge.DOMAIN}) besides the RNAME mail
     * @param dnsPort           port on which public authoritative servers (a parent zone's name servers) are asked
     * @param delegationRecheck how often every served zone's delegation by its parent is checked again
     */
    public record Signup(boolean txtProof, int dnsPort, Duration delegationRecheck) {
        public static Signup defaults() {
            return new Signup(false, 53, Duration.ofHours(1));
        }

        /** Settings from the YAML of a {@code signup:} mapping, e.g. {@code "{txt-proof: true}"}. */
        public static Signup parse(String yaml) throws ConfigException {
            return ControlPlaneConfig.parse("signup: " + yaml + "\n" + MINIMAL_CATALOG, Path.of(".")).signup();
        }
    }

    /**
     * {@code operators:} — operators' sessions and log-in attempts (docs/operators.md).
     *
     * @param sessionLifetime   a session ends this long after log-in, however busy
     * @param idleTimeout       a session unused for this long ends
     * @param attemptWindow     the sliding window the failed-attempt limits count in
     * @param failuresPerClient failed log-ins per window from one client network
     * @param failuresPerName   failed log-ins per window for one operator name, from anywhere
     */
    public record OperatorLogIn(Duration sessionLifetime, Duration idleTimeout, Duration attemptWindow,
                                int failuresPerClient, int failuresPerName) {}

    /** The one key without a default, for the small parsers above. */
    private static final String MINIMAL_CATALOG =
            "catalog: {tsig-key: {name: unused, secret: c2l4dGVlbi1ieXRlcy1zZWNyZXQ=}}";

    /** Reads the {@code control-plane:} section of a process file. */
    public static ControlPlaneConfig read(ProcessFile file) throws ConfigException {
        if (!file.has(SECTION)) {
            throw file.locate(new ConfigException(SECTION, "section missing (at least catalog.tsig-key is required)"));
        }
        return file.read(SECTION, s -> read(s, file.baseDir()));
    }

    /**
     * Parses the body of a {@code control-plane:} section (its keys at the top level of {@code yaml}); relative paths
     * resolve against {@code baseDir}. For tests and tools: {@code parse("catalog: {tsig-key: …}\nlimits: …", dir)}.
     */
    public static ControlPlaneConfig parse(String yaml, Path baseDir) throws ConfigException {
        String indented = ("\n" + yaml).replace("\n", "\n  ");
        ProcessFile f = ProcessFile.parse(SECTION + ":" + indented + "\n", baseDir.resolve("(text)"), SECTION);
        return f.read(SECTION, s -> read(s, baseDir));
    }

    /** The one parser: a {@code control-plane:} section into the immutable records. */
    static ControlPlaneConfig read(Section top, Path baseDir) throws ConfigException {
        InetSocketAddress http = top.get(HTTP);
        String publicUrl = top.get(PUBLIC_URL);
        if (publicUrl == null) publicUrl = "http://" + http.getHostString() + ":" + http.getPort();
        Path dataDir = baseDir.resolve(top.get(DATA_DIR)).normalize();
        Path keysFile = top.get(COLLECTOR_KEYS_FILE);

        Section d = top.section("db");
        Database db = new Database(d.get(DB_URL), d.get(DB_USER), d.get(DB_PASSWORD));
        d.finish();
        TeDatabase.read(top, baseDir); // checked here (a mistake stops every reader); used by TeDatabase.read(file)

        Section m = top.section("smtp");
        SmtpSettings.Security security = m.get(SMTP_SECURITY);
        Integer port = m.get(SMTP_PORT);
        SmtpSettings smtp = new SmtpSettings(m.get(SMTP_HOST),
                port != null ? port : security == SmtpSettings.Security.TLS ? 465 : 587, security,
                m.get(SMTP_USER), m.get(SMTP_PASSWORD), m.get(SMTP_FROM));
        m.finish();

        Section c = top.section("collector");
        String transfer = c.get(COLLECTOR_TRANSFER_ADDRESS);
        InetSocketAddress collectorDns = c.get(COLLECTOR_DNS);
        if (transfer == null) transfer = collectorDns == null ? "127.0.0.1" : collectorDns.getAddress().getHostAddress();
        Collector collector = new Collector(transfer, collectorDns, c.get(COLLECTOR_HTTP),
                keysFile == null ? null : baseDir.resolve(keysFile).normalize());
        c.finish();

        Limits limits = Limits.read(top.section("limits"));

        Section op = top.section("operators");
        OperatorLogIn operators = new OperatorLogIn(op.get(OPS_SESSION_LIFETIME), op.get(OPS_IDLE_TIMEOUT),
                op.get(OPS_ATTEMPT_WINDOW), op.get(OPS_FAILURES_PER_CLIENT), op.get(OPS_FAILURES_PER_NAME));
        op.finish();

        Section su = top.section("signup");
        Signup signup = new Signup(su.get(TXT_PROOF), su.get(DNS_PORT), su.get(DELEGATION_RECHECK));
        su.finish();

        ControlPlaneConfig partial = new ControlPlaneConfig(publicUrl, http, db, dataDir, top.get(RESOLVER), smtp,
                top.get(ALLOW_LIST), top.get(OWN_PREFIXES), top.get(NS_NAMES), collector, top.get(EDGES), null,
                limits, signup, operators, false);
        // Last, so that other mistakes are reported first: the one key without a default.
        Section cat = top.section("catalog");
        Catalog catalog = new Catalog(cat.get(CATALOG_ZONE), cat.get(CATALOG_LISTEN), catalogKey(cat));
        cat.finish();
        return partial.withCatalog(catalog);
    }

    /**
     * The catalog's TSIG key, {@code {name, algorithm, secret}} as in dns-node's {@code tsig-keys}. Required: the
     * catalog names the primaries the collector pulls from, so it is served (and NOTIFYed) only signed.
     */
    private static TsigKey catalogKey(Section catalog) throws ConfigException {
        if (!catalog.has("tsig-key")) {
            throw new ConfigException(catalog.keyOf("tsig-key"), "required: {name, algorithm, secret}, the key the "
                    + "collector's catalogs: entry uses (e.g. secret from: openssl rand -base64 32)");
        }
        Section k = catalog.section("tsig-key");
        TsigKey key = new TsigKey(k.get(KEY_NAME), k.get(KEY_ALGORITHM), k.get(KEY_SECRET));
        if (key.secret().length < 16) throw new ConfigException(k.keyOf("secret"), "too short: at least 16 bytes (128 bits)");
        k.finish();
        return key;
    }

    /** The same config with another public URL (once the real HTTP port is known). */
    public ControlPlaneConfig withPublicUrl(String url) {
        return new ControlPlaneConfig(url, http, db, dataDir, resolver, smtp, allowList, ownPrefixes, nsNames,
                collector, edges, catalog, limits, signup, operators, demoMailbox);
    }

    /** The same config with another database ({@code --db-url}). */
    public ControlPlaneConfig withDb(Database other) {
        return new ControlPlaneConfig(publicUrl, http, other, dataDir, resolver, smtp, allowList, ownPrefixes, nsNames,
                collector, edges, catalog, limits, signup, operators, demoMailbox);
    }

    /** The same config with another allow-list (labs). */
    public ControlPlaneConfig withAllowList(List<Cidr> allow) {
        return new ControlPlaneConfig(publicUrl, http, db, dataDir, resolver, smtp, allow, ownPrefixes, nsNames,
                collector, edges, catalog, limits, signup, operators, demoMailbox);
    }

    /** The same config with other sign-up settings. */
    public ControlPlaneConfig withSignup(Signup s) {
        return new ControlPlaneConfig(publicUrl, http, db, dataDir, resolver, smtp, allowList, ownPrefixes, nsNames,
                collector, edges, catalog, limits, s, operators, demoMailbox);
    }

    /** The same config with another catalog (e.g. a TSIG key made fresh for one run). */
    public ControlPlaneConfig withCatalog(Catalog c) {
        return new ControlPlaneConfig(publicUrl, http, db, dataDir, resolver, smtp, allowList, ownPrefixes, nsNames,
                collector, edges, c, limits, signup, operators, demoMailbox);
    }

    /** The same config with the demo's mailbox page on. */
    public ControlPlaneConfig withDemoMailbox() {
        return new ControlPlaneConfig(publicUrl, http, db, dataDir, resolver, smtp, allowList, ownPrefixes, nsNames,
                collector, edges, catalog, limits, signup, operators, true);
    }
}
