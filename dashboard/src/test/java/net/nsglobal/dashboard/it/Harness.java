package net.nsglobal.dashboard.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.control.catalog.DnsCatalogPublisher;
import net.nsglobal.control.config.SmtpSettings;
import net.nsglobal.config.Cidr;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Tsig;
import net.nsglobal.control.config.ControlPlaneConfig;

/**
 * Black-box rig: a Knot primary with the customer's zones, GreenMail as the real SMTP server, and the control plane
 * on free loopback ports with its embedded PostgreSQL in {@code dataDir}. The Knot server doubles as the "resolver"
 * (it answers authoritatively for the test zones) and as a stand-in "site" so serial lookups have a target.
 */
public final class Harness implements AutoCloseable {
    public static final String SHOP = "knot-shop.test";
    public static final String JOHN = "john-doe.test";
    public static final String LOCKED = "locked.test";
    public static final String API = "api-shop.test";
    public static final String CHANGE = "change-shop.test";
    /** Same RNAME mailbox as {@link #CHANGE}: owner@change-shop.test. */
    public static final String TWIN = "twin-shop.test";

    /** A key {@link #API}'s transfers may also be signed with (unsigned ones are allowed too). */
    public static final Tsig XFR_KEY =
            new Tsig("xfr-key", "hmac-sha512", "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==");

    public final Knot knot;
    public final GreenMail mail;
    public ControlPlane plane;
    /** The pages and API over {@link #plane}. */
    public WebApp web;
    public ControlPlaneConfig config;
    private final Path dataDir;

    /** The catalog's TSIG key in tests (the control plane requires one). */
    public static final net.nsglobal.dns.config.TsigKey CATALOG_KEY = new net.nsglobal.dns.config.TsigKey(
            org.xbill.DNS.Name.fromConstantString("catalog-key.nsglobal.test."),
            net.nsglobal.dns.config.TsigAlgorithm.HMAC_SHA256,
            "test-only-catalog-key-32-bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** @param limits the control plane's {@code limits:} as a YAML mapping, e.g. {@code "{per-client-ip: 100}"} */
    public Harness(Path dir, String limits) throws Exception {
        this(dir, limits, Map.of(), Map.of(), null);
    }

    /**
     * @param moreZones       extra zones on the Knot primary (name → zone text), transferable from loopback unless
     *                        listed in {@code signedTransfers}
     * @param signedTransfers extra zones whose transfers Knot allows only when signed with the given key
     * @param collector       the collector's DNS address for the status page (null = none configured)
     */
    public Harness(Path dir, String limits, Map<String, String> moreZones,
                   Map<String, Tsig> signedTransfers, InetSocketAddress collector) throws Exception {
        this(dir, limits, moreZones, signedTransfers, collector, "{}");
    }

    /** @param signup the {@code signup:} mapping (TXT proof on/off, the port parents' name servers are asked on) */
    public Harness(Path dir, String limits, Map<String, String> moreZones,
                   Map<String, Tsig> signedTransfers, InetSocketAddress collector,
                   String signup) throws Exception {
        this.dataDir = dir.resolve("state");
        Map<String, String> zones = new java.util.LinkedHashMap<>(Map.of(
                SHOP, zone(SHOP, "hostmaster." + SHOP + ".", 2024010101),
                JOHN, zone(JOHN, "john\\.doe." + JOHN + ".", 7),
                LOCKED, zone(LOCKED, "hostmaster." + LOCKED + ".", 42),
                API, zone(API, "dns-admin." + API + ".", 5),
                CHANGE, zone(CHANGE, "owner." + CHANGE + ".", 9),
                TWIN, zone(TWIN, "owner." + CHANGE + ".", 11)));
        zones.putAll(moreZones);
        List<String> transferable = new java.util.ArrayList<>(List.of(SHOP, JOHN, API, CHANGE, TWIN));
        moreZones.keySet().stream().filter(z -> !signedTransfers.containsKey(z)).forEach(transferable::add);
        Map<String, Tsig> keys = new java.util.HashMap<>(signedTransfers);
        keys.put(API, XFR_KEY);
        knot = Primaries.knot(dir.resolve("knot"), zones, transferable, keys);
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        int http = FreePorts.tcpUdp();
        config = ControlPlaneConfig.parse(configYaml(http, dataDir, knot.address(), mail.getSmtp().getPort())
                + "own-prefixes: [192.0.2.0/24]\n"
                + (collector == null ? "" : "collector: {dns: " + address(collector) + "}\n")
                + "edges: {lab1: " + address(knot.address()) + "}\n"
                + "collector-keys-file: " + dataDir.resolve("collector-keys.yaml") + "\n"
                + "limits: " + limits + "\nsignup: " + signup + "\n", dir);
        startPlane();
    }

    /**
     * The {@code control-plane:} keys every test rig shares: pages on {@code http}, state in {@code dataDir}, the
     * given resolver and SMTP port, loopback primaries allowed, the catalog on a free port with {@link #CATALOG_KEY}.
     * Tests append their own keys (collector, edges, limits…).
     */
    public static String configYaml(int http, Path dataDir, InetSocketAddress resolver, int smtpPort) {
        return "http: 127.0.0.1:" + http + "\n"
                + "data-dir: " + dataDir + "\n"
                + "resolver: " + address(resolver) + "\n"
                + "smtp: {host: 127.0.0.1, port: " + smtpPort + ", security: none, from: \"NS-Global <no-reply@nsglobal.test>\"}\n"
                + "allow-list: [127.0.0.0/8]\n"
                + "ns-names: [ns1.nsglobal.test, ns2.nsglobal.test]\n"
                + "catalog: {zone: catalog.nsglobal.test, listen: 127.0.0.1:0, tsig-key: {name: "
                + CATALOG_KEY.name() + ", algorithm: hmac-sha256, secret: "
                + java.util.Base64.getEncoder().encodeToString(CATALOG_KEY.secret()) + "}}\n";
    }

    /** {@code ADDR:PORT} as the config file writes it. */
    public static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** (Re)starts the control plane on the same data directory and HTTP port. */
    public void startPlane() throws Exception {
        plane = ControlPlane.start(config, null, null);
        web = WebApp.serve(plane, null);
    }

    /** Stops the web server and the control plane (the data directory stays, for {@link #startPlane}). */
    public void stopPlane() {
        if (web != null) web.close();
        if (plane != null) plane.close();
        web = null;
        plane = null;
    }

    public DnsCatalogPublisher catalog() { return (DnsCatalogPublisher) plane.publisher(); }

    public String url() { return config.publicUrl(); }

    /** Member zones of the served catalog, fetched by AXFR like the collector does. */
    public java.util.Set<String> catalogMembers() throws Exception {
        org.xbill.DNS.ZoneTransferIn x = org.xbill.DNS.ZoneTransferIn.newAXFR(
                org.xbill.DNS.Name.fromString(config.catalog().zone() + "."), catalog().address(), CATALOG_KEY.toTsig());
        x.setTimeout(Duration.ofSeconds(20)); // a stuck transfer fails the test instead of stalling the suite
        x.run();
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (org.xbill.DNS.Record r : x.getAXFR()) {
            if (r instanceof org.xbill.DNS.PTRRecord p) out.add(p.getTarget().toString(true));
        }
        return out;
    }

    /** Adds an operator (through the control plane, as the CLI does) and returns an API token for it. */
    public String operatorToken(String operator, String password) {
        plane.operators().add(operator, password);
        return plane.operators().createToken(operator + "-token", operator);
    }

    public int pendingCount() { return plane.repository().countPending(); }

    /** The mails to {@code to} received so far, in arrival order. */
    public List<MimeMessage> mailsTo(String to) throws Exception {
        return Mailboxes.to(mail, to);
    }

    /**
     * The {@code n}-th mail to {@code to} (from 1, in arrival order), waiting up to 10 s for it. Only mail to
     * {@code to} counts: mail to other mailboxes neither ends the wait early nor stands in for the one awaited.
     */
    public MimeMessage awaitMailTo(String to, int n) throws Exception {
        return Mailboxes.await(mail, to, n, Duration.ofSeconds(10));
    }

    private final Map<String, Integer> awaited = new java.util.concurrent.ConcurrentHashMap<>();

    /** The mail to {@code to} after the one this method last returned for it (the first, the first time). */
    public MimeMessage awaitNextMailTo(String to) throws Exception {
        int n = awaited.merge(to, 1, Integer::sum);
        return awaitMailTo(to, n);
    }

    public static String body(MimeMessage m) { return GreenMailUtil.getBody(m); }

    /** The confirmation path ({@code /confirm/TOKEN}) in a mail body. */
    public static String confirmPath(String body) {
        Matcher m = Pattern.compile("(/confirm/[A-Za-z0-9_-]{43})").matcher(body);
        if (!m.find()) throw new AssertionError("no confirmation link in: " + body);
        return m.group(1);
    }

    public static String zone(String origin, String rname, long serial) {
        return "$ORIGIN " + origin + ".\n$TTL 300\n"
                + "@ SOA ns1." + origin + ". " + rname + " " + serial + " 3600 600 86400 300\n"
                + "@ NS ns1.nsglobal.test.\n@ NS ns2.nsglobal.test.\n"
                + "www A 198.51.100.80\n";
    }

    @Override
    public void close() throws Exception {
        stopPlane();
        mail.stop();
        knot.close();
    }
}
