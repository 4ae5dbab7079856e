package net.nsglobal.cli.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.platform.secrets.SecretFile;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.platform.sites.SitesException;
import net.nsglobal.control.config.SmtpSettings;
import net.nsglobal.config.Cidr;
import net.nsglobal.control.config.ControlPlaneConfig;

/**
 * The whole platform on loopback for {@code nsglobal demo}, in the order it starts: embedded mailbox, customer
 * primary, control plane with its catalog, the collector, one edge per site read from the {@code sites/} files (all
 * of them, or the ones {@link Options#sites} names; NSID = the site's id), the observatory measuring the simulated
 * world of those sites ({@link DemoObservatory}), and the dashboard's web app over it all. Ports
 * are fixed offsets from {@code basePort} so that a restarted demo (state kept in {@code dataDir}) finds its zones'
 * primaries where they were.
 *
 * <pre>
 *   base+0 customer primary   base+1 collector   base+2 catalog (control plane)   base+9 collector HTTP
 *   base+10 SMTP              base+11 IMAP       base+12 simulated RIPE Atlas API
 *   base+20.. edges, one per site in the order of the site files
 * </pre>
 */
public final class Demo implements AutoCloseable {
    public static final String CATALOG = "catalog.nsglobal.demo";
    public static final String FLEET = "fleet.nsglobal.demo";

    /** First edge port, as an offset from the base port; edges take consecutive ports from here. */
    public static final int EDGE_OFFSET = 20;

    /**
     * @param sitesDir the fleet inventory ({@code sites/*.yaml}), read by {@link Sites}
     * @param sites    the site ids to start edges for; empty = every site in {@code sitesDir}
     */
    public record Options(Path dataDir, int basePort, String httpHost, int httpPort, String dbUrl, String dbUser,
                          String dbPassword, Path sitesDir, List<String> sites, boolean observatory) {
        public Options {
            sites = List.copyOf(sites);
        }

        /** With the observatory (the simulated world measured on a schedule). */
        public Options(Path dataDir, int basePort, String httpHost, int httpPort, String dbUrl, String dbUser,
                       String dbPassword, Path sitesDir, List<String> sites) {
            this(dataDir, basePort, httpHost, httpPort, dbUrl, dbUser, dbPassword, sitesDir, sites, true);
        }
    }

    /** The demo's overlay: site files in {@code <sitesDir>/demo/} replace their namesakes (see its README.md). */
    public static final String OVERLAY = "demo";

    /**
     * The sites of {@code o.sitesDir()} that the demo starts, in file order, each replaced by its namesake in the
     * {@value #OVERLAY} overlay folder if there is one (the demo's story: nrt1 with Hurricane Electric transit; the
     * production inventory stays as it is); an unknown id is an error, and so is an overlay file naming no site.
     */
    static List<Site> sites(Options o) throws IOException, SitesException {
        Sites all = Sites.load(o.sitesDir());
        Path overlayDir = o.sitesDir().resolve(OVERLAY);
        Map<String, Site> overlay = new LinkedHashMap<>();
        if (Files.isDirectory(overlayDir)) {
            for (Site s : Sites.load(overlayDir).all()) {
                if (all.byId(s.id()).isEmpty()) {
                    throw new IllegalArgumentException("demo: " + overlayDir.resolve(s.id() + ".yaml") + " replaces no site of " + o.sitesDir());
                }
                overlay.put(s.id(), s);
            }
        }
        List<Site> fleet = all.all().stream().map(s -> overlay.getOrDefault(s.id(), s)).toList();
        if (o.sites().isEmpty()) return fleet;
        List<Site> chosen = new ArrayList<>();
        for (String id : o.sites()) {
            chosen.add(fleet.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("demo: no site '" + id
                    + "' in " + o.sitesDir() + " (known: " + all.all().stream().map(Site::id).toList() + ")")));
        }
        return chosen;
    }

    private final DemoMailbox mailbox;
    private final DemoFleet fleet;
    private final ControlPlane plane;
    private final WebApp web;
    private final Map<String, Integer> edgePorts;
    private final int primaryPort;
    private final int collectorPort;
    private final String operatorPassword;
    private final String operatorToken;
    private final DemoObservatory observatory;

    /** The demo's operator, so {@code /ops} can be tried; its password is made once per data directory. */
    public static final String OPERATOR = "demo";

    private Demo(DemoMailbox mailbox, DemoFleet fleet, ControlPlane plane, WebApp web, Map<String, Integer> edgePorts,
                 int primaryPort, int collectorPort, String operatorPassword, String operatorToken,
                 DemoObservatory observatory) {
        this.operatorPassword = operatorPassword;
        this.operatorToken = operatorToken;
        this.observatory = observatory;
        this.mailbox = mailbox;
        this.fleet = fleet;
        this.plane = plane;
        this.web = web;
        this.edgePorts = edgePorts;
        this.primaryPort = primaryPort;
        this.collectorPort = collectorPort;
    }

    public static Demo start(Options o) throws Exception {
        Files.createDirectories(o.dataDir());
        int base = o.basePort();
        int primaryPort = base, collectorPort = base + 1, catalogPort = base + 2;
        Map<String, Integer> edgePorts = new LinkedHashMap<>();
        List<Site> fleetSites = sites(o);
        for (int i = 0; i < fleetSites.size(); i++) edgePorts.put(fleetSites.get(i).id(), base + EDGE_OFFSET + i);

        List<String> mailboxes = List.of("hostmaster@example-shop.test", "jane.baker@blue-bakery.test",
                "owner@xn--caf-dma.test");
        DemoMailbox mailbox = new DemoMailbox(base + 10, base + 11, mailboxes);
        DemoFleet fleet = new DemoFleet();
        ControlPlane plane = null;
        WebApp web = null;
        DemoObservatory observatory = null;
        try {
            fleet.startPrimary(o.dataDir().resolve("primary"), primaryPort, collectorPort);
            // Customers' TSIG keys: written by the control plane, read by the collector (its tsig-keys-file).
            Path keysFile = o.dataDir().resolve("control-plane").resolve("collector-keys.yaml");
            // The catalog's key: made fresh for each demo run, given to the control plane (signs NOTIFY, requires
            // TSIG on transfers) and to the collector's catalogs: entry.
            net.nsglobal.dns.config.TsigKey catalogKey = DemoFleet.newCatalogKey();
            int collectorHttp = base + 9;
            StringBuilder edges = new StringBuilder();
            edgePorts.forEach((site, port) -> edges.append(edges.length() == 0 ? "" : ", ")
                    .append(site).append(": 127.0.0.1:").append(port));
            String http = (o.httpHost().contains(":") ? "[" + o.httpHost() + "]" : o.httpHost()) + ":" + o.httpPort();
            ControlPlaneConfig cfg = ControlPlaneConfig.parse(String.join("\n",
                    "http: " + quoted(http),
                    "public-url: " + quoted("http://" + http),
                    "data-dir: " + quoted(o.dataDir().resolve("control-plane").toString()),
                    "resolver: 127.0.0.1:" + primaryPort, // the demo's "resolver": the primary answers for its zones
                    "smtp: {host: 127.0.0.1, port: " + mailbox.smtpPort() + ", security: none, "
                            + "from: \"NS-Global demo <no-reply@nsglobal.demo>\"}",
                    "allow-list: [127.0.0.0/8, \"::1/128\"]", // lab allow-list: loopback primaries
                    "ns-names: [ns1.nsglobal.demo, ns2.nsglobal.demo]",
                    "collector: {transfer-address: 127.0.0.1, dns: 127.0.0.1:" + collectorPort + ", http: 127.0.0.1:"
                            + collectorHttp + "}",
                    "collector-keys-file: " + quoted(keysFile.toString()),
                    "edges: {" + edges + "}",
                    "catalog: {zone: " + CATALOG + ", listen: 127.0.0.1:" + catalogPort + ", tsig-key: {name: "
                            + catalogKey.name() + ", algorithm: " + catalogKey.algorithm() + ", secret: "
                            + Base64.getEncoder().encodeToString(catalogKey.secret()) + "}}"), o.dataDir())
                    .withDb(new ControlPlaneConfig.Database(o.dbUrl(), o.dbUser(), o.dbPassword()))
                    .withDemoMailbox();
            plane = ControlPlane.start(cfg, null, null);
            String operatorPassword = demoOperator(plane, o.dataDir());
            String operatorToken = demoToken(plane, o.dataDir());
            fleet.startCollector(o.dataDir().resolve("collector"), collectorPort, catalogPort, CATALOG, FLEET,
                    new ArrayList<>(edgePorts.values()), keysFile, catalogKey, collectorHttp);
            for (Map.Entry<String, Integer> e : edgePorts.entrySet()) {
                fleet.startEdge(o.dataDir().resolve("edge-" + e.getKey()), e.getKey(), e.getValue(), collectorPort, FLEET);
            }
            if (o.observatory()) {
                Map<String, InetSocketAddress> edgeAddresses = new LinkedHashMap<>();
                edgePorts.forEach((site, port) -> edgeAddresses.put(site, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
                net.nsglobal.te.announce.AgentLog agents = net.nsglobal.te.announce.PostgresAgentLog.open(plane.database(),
                        java.time.Clock.systemUTC());
                observatory = DemoObservatory.start(o.dataDir(), o.sitesDir(), fleetSites, edgeAddresses, plane.database(),
                        base + 12, agents);
                web = WebApp.serve(plane, mailbox::messages, observatory.observatory(),
                        net.nsglobal.te.cli.DataFiles.file("geo/countries-110m.geojson"), observatory.proposals(), agents);
            } else {
                web = WebApp.serve(plane, mailbox::messages);
            }
            return new Demo(mailbox, fleet, plane, web, edgePorts, primaryPort, collectorPort, operatorPassword,
                    operatorToken, observatory);
        } catch (Exception | Error e) {
            if (web != null) web.close();
            if (observatory != null) observatory.close();
            if (plane != null) plane.close();
            fleet.close();
            mailbox.close();
            throw e;
        }
    }

    /**
     * The demo operator's password: made at random on the first run and kept (0600) in the data directory, so a
     * restarted demo logs in with the same one; the operator is added when the database does not have it yet.
     */
    static String demoOperator(ControlPlane plane, Path dataDir) throws IOException {
        String password = SecretFile.readOrCreate(dataDir.resolve("demo-operator.password"), 15,
                java.util.Base64.getUrlEncoder().withoutPadding()).value();
        try {
            plane.operators().add(OPERATOR, password);
        } catch (net.nsglobal.control.store.OperatorStore.NameTaken e) {
            // already there from an earlier run of this data directory
        }
        return password;
    }

    /**
     * The demo operator's API token: kept (0600) in the data directory so a restarted demo prints the same one; made
     * anew (under a new token name, as names are never reused) when there is none or it no longer works.
     */
    static String demoToken(ControlPlane plane, Path dataDir) throws IOException {
        Path file = dataDir.resolve("demo-operator.token");
        if (Files.exists(file)) {
            String kept = Files.readString(file).trim();
            if (plane.operators().bearer(kept).isPresent()) return kept;
        }
        String token = plane.operators().createToken("demo-" + System.currentTimeMillis(), OPERATOR);
        Path tmp = dataDir.resolve("demo-operator.token.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, token + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return token;
    }

    /** A YAML double-quoted scalar (JSON escapes), so any path or host text stays one value. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The lines {@code nsglobal demo} prints at start, one fact per line, so the walk can be scripted. */
    public List<String> banner() {
        List<String> l = new ArrayList<>();
        l.add("dashboard: " + web.url() + "/");
        l.add("mailbox: imap://hostmaster:" + DemoMailbox.PASSWORD + "@127.0.0.1:" + mailbox.imapPort());
        l.add("primary: 127.0.0.1:" + primaryPort + " " + String.join(" ", DemoFleet.ZONES));
        edgePorts.forEach((site, port) -> l.add("edge " + site + ": 127.0.0.1:" + port));
        l.add("collector: 127.0.0.1:" + collectorPort);
        l.add("demo mailbox page: " + web.url() + "/demo/mailbox");
        l.add("operator: " + web.url() + "/ops/login " + OPERATOR + " " + operatorPassword);
        l.add("operator-token: " + operatorToken);
        if (observatory != null) {
            l.add("observatory map: " + web.url() + "/ops/te");
            l.add("simulated ripe atlas: " + observatory.atlasUrl() + " (BIRD configs: " + observatory.birdDir() + ")");
        }
        l.add("tsig key (optional at sign-up): " + DemoFleet.CUSTOMER_KEY_NAME + " hmac-sha256 "
                + DemoFleet.CUSTOMER_KEY_SECRET);
        return l;
    }

    public ControlPlane plane() { return plane; }
    public WebApp web() { return web; }
    public DemoMailbox mailbox() { return mailbox; }
    public DemoFleet fleet() { return fleet; }
    public Map<String, Integer> edgePorts() { return edgePorts; }
    public int primaryPort() { return primaryPort; }
    public String operatorPassword() { return operatorPassword; }
    public String operatorToken() { return operatorToken; }
    public java.util.Optional<DemoObservatory> observatory() { return java.util.Optional.ofNullable(observatory); }

    @Override
    public void close() {
        web.close();
        if (observatory != null) observatory.close();
        fleet.close();
        plane.close();
        mailbox.close();
    }
}
