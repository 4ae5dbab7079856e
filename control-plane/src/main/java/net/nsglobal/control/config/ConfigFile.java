package net.nsglobal.control.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.nsglobal.control.validate.Cidr;
import net.nsglobal.dns.config.TsigAlgorithm;
import net.nsglobal.dns.config.TsigKey;

/**
 * Reads the control plane's YAML config into one immutable {@link DashboardConfig}. Strict: an unknown key or a bad
 * value fails with the key's path, so a typo is never silently ignored.
 *
 * <pre>
 * public-url: https://dash.nsglobal.example      # base of mailed links
 * http: 127.0.0.1:8080
 * data-dir: /var/lib/nsglobal/dashboard           # embedded PostgreSQL lives here when db.url is absent
 * db: {url: jdbc:postgresql://db:5432/nsglobal, user: nsglobal, password: secret}
 * resolver: 127.0.0.1:53
 * smtp: {host: smtp.example, port: 587, security: starttls, user: u, password: p, from: "NS-Global &lt;no-reply@…&gt;"}
 * allow-list: []                                  # prefixes accepted despite a refused class (labs)
 * own-prefixes: [192.0.2.0/24]
 * ns-names: [ns1.nsglobal.example, ns2.nsglobal.example]
 * collector: {transfer-address: 192.0.2.53, dns: 10.0.0.1:53, http: 10.0.0.1:9153}  # http: refusals on the status page
 * collector-keys-file: /var/lib/nsglobal/collector/keys.yaml  # the collector's tsig-keys-file (customers' TSIG keys)
 * sites: {ams1: 10.0.1.1:53, fra1: 10.0.2.1:53}
 * catalog: {zone: catalog.nsglobal.internal, listen: 10.0.0.2:53,
 *           tsig-key: {name: catalog-key, algorithm: hmac-sha256, secret: "base64=="}}  # required
 * limits: {per-client-ip: 20, per-client-site: 60, per-domain: 3, per-rname: 5, window: 1h,
 *          max-pending-per-domain: 10, max-pending-per-rname: 10, max-zones-per-domain: 100,
 *          max-zones-per-rname: 100, tracked-keys: 100000, max-request-bytes: 16384, token-lifetime: 24h,
 *          purge-every: 10m}
 * signup: {txt-proof: false, dns-port: 53, delegation-recheck: 1h}
 * </pre>
 */
public final class ConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFile() {}

    public static final class Invalid extends Exception {
        public Invalid(String key, String message) { super("dashboard config: " + key + ": " + message); }
    }

    public static DashboardConfig load(Path file) throws Invalid {
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new Invalid("(file " + file + ")", "cannot read: " + e.getMessage());
        }
    }

    public static DashboardConfig parse(String yaml, Path baseDir) throws Invalid {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new Invalid("(yaml)", "not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new Invalid("(root)", "expected a mapping");
        known(root, "", "public-url", "http", "data-dir", "db", "resolver", "smtp", "allow-list", "own-prefixes",
                "ns-names", "collector", "collector-keys-file", "sites", "catalog", "limits", "signup");
        InetSocketAddress http = address(root, "http", "127.0.0.1:8080", 8080);
        String publicUrl = text(root, "public-url", "http://" + http.getHostString() + ":" + http.getPort());
        Path dataDir = baseDir.resolve(text(root, "data-dir", "var/dashboard")).normalize();

        JsonNode db = object(root, "db");
        known(db, "db.", "url", "user", "password");
        JsonNode smtpNode = object(root, "smtp");
        known(smtpNode, "smtp.", "host", "port", "security", "user", "password", "from");
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.valueOf(text(smtpNode, "security", "starttls").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("smtp.security", "one of none, starttls, tls");
        }
        SmtpSettings smtp;
        try {
            smtp = new SmtpSettings(text(smtpNode, "host", "localhost"),
                    integer(smtpNode, "smtp.port", "port", security == SmtpSettings.Security.TLS ? 465 : 587),
                    security, text(smtpNode, "user", null), text(smtpNode, "password", null), text(smtpNode, "from", null));
        } catch (IllegalArgumentException e) {
            throw new Invalid("smtp", e.getMessage());
        }

        JsonNode collector = object(root, "collector");
        known(collector, "collector.", "transfer-address", "dns", "http");
        JsonNode catalog = object(root, "catalog");
        known(catalog, "catalog.", "zone", "listen", "tsig-key");
        Map<String, InetSocketAddress> sites = new LinkedHashMap<>();
        JsonNode sitesNode = object(root, "sites");
        for (Iterator<String> it = sitesNode.fieldNames(); it.hasNext(); ) {
            String site = it.next();
            sites.put(site, address(sitesNode, site, null, 53));
        }
        JsonNode l = object(root, "limits");
        known(l, "limits.", "per-client-ip", "per-client-site", "per-domain", "per-rname", "window",
                "max-pending-per-domain", "max-pending-per-rname", "max-pending", "max-zones-per-domain",
                "max-zones-per-rname", "tracked-keys", "max-request-bytes", "token-lifetime", "purge-every");
        DashboardConfig.Limits d = DashboardConfig.Limits.defaults();
        // max-pending (older configs): one value for both pending caps; there is no global cap any more.
        int maxPending = integer(l, "limits.max-pending", "max-pending", -1);
        int trackedKeys = integer(l, "limits.tracked-keys", "tracked-keys", d.trackedKeys());
        if (trackedKeys < 1) throw new Invalid("limits.tracked-keys", "expected a positive integer");
        DashboardConfig.Limits limits = new DashboardConfig.Limits(
                integer(l, "limits.per-client-ip", "per-client-ip", d.perClientIp()),
                integer(l, "limits.per-client-site", "per-client-site", d.perClientSite()),
                integer(l, "limits.per-domain", "per-domain", d.perDomain()),
                integer(l, "limits.per-rname", "per-rname", d.perRname()),
                duration(l, "limits.window", "window", d.window()),
                integer(l, "limits.max-pending-per-domain", "max-pending-per-domain",
                        maxPending >= 0 ? maxPending : d.maxPendingPerDomain()),
                integer(l, "limits.max-pending-per-rname", "max-pending-per-rname",
                        maxPending >= 0 ? maxPending : d.maxPendingPerRname()),
                integer(l, "limits.max-zones-per-domain", "max-zones-per-domain", d.maxZonesPerDomain()),
                integer(l, "limits.max-zones-per-rname", "max-zones-per-rname", d.maxZonesPerRname()),
                trackedKeys,
                integer(l, "limits.max-request-bytes", "max-request-bytes", (int) d.maxRequestBytes()),
                duration(l, "limits.token-lifetime", "token-lifetime", d.tokenLifetime()),
                duration(l, "limits.purge-every", "purge-every", d.purgeEvery()));

        JsonNode su = object(root, "signup");
        known(su, "signup.", "txt-proof", "dns-port", "delegation-recheck");
        DashboardConfig.Signup sd = DashboardConfig.Signup.defaults();
        JsonNode txt = su.get("txt-proof");
        if (txt != null && !txt.isNull() && !txt.isBoolean()) throw new Invalid("signup.txt-proof", "expected true or false");
        int dnsPort = integer(su, "signup.dns-port", "dns-port", sd.dnsPort());
        if (dnsPort < 1 || dnsPort > 65535) throw new Invalid("signup.dns-port", "expected a port 1-65535");
        Duration recheck = duration(su, "signup.delegation-recheck", "delegation-recheck", sd.delegationRecheck());
        if (recheck.isZero()) throw new Invalid("signup.delegation-recheck", "must be longer than 0");
        DashboardConfig.Signup signup = new DashboardConfig.Signup(txt != null && txt.asBoolean(), dnsPort, recheck);

        String keysText = text(root, "collector-keys-file", null);
        Path keysFile = keysText == null ? null : baseDir.resolve(keysText).normalize();
        InetSocketAddress collectorDns = collector.has("dns") ? address(collector, "dns", null, 53) : null;
        return new DashboardConfig(publicUrl, http.getHostString(), http.getPort(), text(db, "url", null),
                text(db, "user", null), text(db, "password", null), dataDir,
                address(root, "resolver", "127.0.0.1:53", 53), smtp, cidrs(root, "allow-list"), cidrs(root, "own-prefixes"),
                strings(root, "ns-names"), text(collector, "transfer-address",
                        collectorDns == null ? "127.0.0.1" : collectorDns.getAddress().getHostAddress()),
                collectorDns, sites, text(catalog, "zone", "catalog.nsglobal.internal"),
                address(catalog, "listen", "127.0.0.1:5399", 53), keysFile, limits, false, signup,
                tsigKey(catalog.get("tsig-key"), "catalog.tsig-key"), // last: other mistakes are reported first
                collector.has("http") ? address(collector, "http", null, 80) : null);
    }

    /**
     * The catalog's TSIG key, {@code {name, algorithm, secret}} as in the dns-node's {@code tsig-keys}. Required: the
     * catalog names the primaries the collector pulls from, so it is served (and NOTIFYed) only signed.
     */
    private static TsigKey tsigKey(JsonNode n, String path) throws Invalid {
        if (n == null || n.isNull()) {
            throw new Invalid(path, "required: {name, algorithm, secret}, the key the collector's catalogs: entry "
                    + "uses (e.g. secret from: openssl rand -base64 32)");
        }
        if (!n.isObject()) throw new Invalid(path, "expected a mapping {name, algorithm, secret}");
        known(n, path + ".", "name", "algorithm", "secret");
        String name = text(n, "name", null);
        String secret = text(n, "secret", null);
        if (name == null) throw new Invalid(path + ".name", "required");
        if (secret == null) throw new Invalid(path + ".secret", "required (base64)");
        TsigAlgorithm alg = null;
        String a = text(n, "algorithm", "hmac-sha256");
        for (TsigAlgorithm t : TsigAlgorithm.values()) if (t.toString().equalsIgnoreCase(a)) alg = t;
        if (alg == null) throw new Invalid(path + ".algorithm", "one of hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha1");
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new Invalid(path + ".secret", "not base64");
        }
        if (bytes.length < 16) throw new Invalid(path + ".secret", "too short: at least 16 bytes (128 bits)");
        try {
            return new TsigKey(org.xbill.DNS.Name.fromString(name, org.xbill.DNS.Name.root), alg, bytes);
        } catch (org.xbill.DNS.TextParseException e) {
            throw new Invalid(path + ".name", "not a domain name: " + name);
        }
    }

    private static void known(JsonNode n, String prefix, String... keys) throws Invalid {
        Set<String> ok = new HashSet<>(List.of(keys));
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ok.contains(k)) throw new Invalid(prefix + k, "unknown key (known: " + String.join(", ", keys) + ")");
        }
    }

    private static JsonNode object(JsonNode n, String key) throws Invalid {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return YAML.createObjectNode();
        if (!v.isObject()) throw new Invalid(key, "expected a mapping");
        return v;
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static int integer(JsonNode n, String path, String key, int dflt) throws Invalid {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.canConvertToInt() || v.asInt() < 0) throw new Invalid(path, "expected a non-negative integer");
        return v.asInt();
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}. */
    static Duration duration(JsonNode n, String path, String key, Duration dflt) throws Invalid {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return dflt;
        String s = v.asText().trim();
        if (!s.matches("\\d+[smhd]")) throw new Invalid(path, "expected a duration such as 30s, 10m, 1h, 2d");
        long k = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(k);
            case 'm' -> Duration.ofMinutes(k);
            case 'h' -> Duration.ofHours(k);
            default -> Duration.ofDays(k);
        };
    }

    private static InetSocketAddress address(JsonNode n, String key, String dflt, int defaultPort) throws Invalid {
        String s = text(n, key, dflt);
        if (s == null) throw new Invalid(key, "required (ADDR:PORT)");
        String host = s;
        int port = defaultPort;
        int colon = s.lastIndexOf(':');
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            host = s.substring(1, close);
            if (close + 1 < s.length()) port = Integer.parseInt(s.substring(close + 2));
        } else if (colon > 0 && s.indexOf(':') == colon) {
            host = s.substring(0, colon);
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new Invalid(key, "bad port in " + s);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new Invalid(key, "unknown host " + host);
        }
    }

    private static List<Cidr> cidrs(JsonNode n, String key) throws Invalid {
        List<Cidr> out = new ArrayList<>();
        for (String s : strings(n, key)) {
            try {
                out.add(Cidr.parse(s));
            } catch (IllegalArgumentException e) {
                throw new Invalid(key, e.getMessage());
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n, String key) throws Invalid {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new Invalid(key, "expected a list");
        v.forEach(x -> out.add(x.asText()));
        return out;
    }
}
