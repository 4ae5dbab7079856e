package net.nsglobal.control.config;

import static net.nsglobal.config.Kind.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;
import net.nsglobal.config.Setting;
import net.nsglobal.config.Cidr;
import net.nsglobal.dns.config.TsigAlgorithm;
import org.xbill.DNS.Name;

/**
 * THE control-plane configuration schema (the {@code control-plane:} section of its process file): every setting,
 * its type, default and validation, in one place; {@link ControlPlaneConfig} reads exactly these, and
 * docs/configuration.md shows the table {@link net.nsglobal.config.ConfigDoc#table} writes from {@link #all()}.
 * What each limit stops is in docs/signup.md ("Limits").
 */
public final class Schema {
    private Schema() {}

    public static final String SECTION = "control-plane";

    static final Kind<Duration> ANY_DURATION = duration(Duration.ZERO, Duration.ofDays(3650));
    static final Kind<Duration> POSITIVE_DURATION = duration(Duration.ofSeconds(1), Duration.ofDays(3650));
    static final Kind<Integer> COUNT = integer(0, Integer.MAX_VALUE);

    /** An address prefix as the sign-up checks use it ({@link Cidr}); a bare address is the whole host. */
    static final Kind<Cidr> PREFIX = new Kind<>() {
        public Cidr parse(String key, JsonNode n) throws ConfigException {
            return Cidr.parse(key, string().parse(key, n));
        }
        public String describe() { return "CIDR prefix (192.0.2.0/24, 2001:db8::/32, or a single address)"; }
    };

    /** A domain name kept as written (without the final dot), checked to be one. */
    static final Kind<String> DOMAIN = new Kind<>() {
        public String parse(String key, JsonNode n) throws ConfigException {
            String s = string().parse(key, n);
            Kind.Values.name(key, s);
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        public String describe() { return "domain name"; }
    };

    // ---- top level of control-plane:
    public static final Setting<InetSocketAddress> HTTP = Setting.optional("http", socketAddress(8080),
            new InetSocketAddress("127.0.0.1", 8080), "address the web server (pages, JSON API) listens on; port 0 = any free port");
    public static final Setting<String> PUBLIC_URL = Setting.optional("public-url", string(), null,
            "base of the links put into mails (no trailing slash needed), as customers reach the dashboard");
    public static final Setting<Path> DATA_DIR = Setting.optional("data-dir", path(), Path.of("var/dashboard"),
            "local state: the embedded PostgreSQL (when db.url is unset), the catalog server's files, and "
                    + "tsig-secrets.key (0600), which seals customers' TSIG secrets in the database (AES-256-GCM)");
    public static final Setting<InetSocketAddress> RESOLVER = Setting.optional("resolver", socketAddress(53),
            new InetSocketAddress("127.0.0.1", 53), "recursive resolver asked for a zone's public SOA and NS records");
    public static final Setting<List<Cidr>> ALLOW_LIST = Setting.optional("allow-list", listOf(PREFIX), List.of(),
            "prefixes accepted as a customer's primaries although they are in a refused class (loopback, private, "
                    + "documentation…): labs, tests, the demo");
    public static final Setting<List<Cidr>> OWN_PREFIXES = Setting.optional("own-prefixes", listOf(PREFIX), List.of(),
            "our own prefixes: never accepted as a customer's primary");
    public static final Setting<List<String>> NS_NAMES = Setting.optional("ns-names", listOf(string()), List.of(),
            "our name servers, which a zone's delegation at its parent should list (shown in the instructions, checked)");
    public static final Setting<Path> COLLECTOR_KEYS_FILE = Setting.optional("collector-keys-file", path(), null,
            "the collector's tsig-keys-file: confirmed zones' TSIG keys are written there (0600, temp + rename), never "
                    + "into the catalog; unset = not written (TSIG sign-ups then cannot transfer)");
    public static final Setting<Map<String, InetSocketAddress>> EDGES = Setting.optional("edges", mapOf(socketAddress(53)),
            Map.of(), "edge site code: its DNS address, asked for each zone's SOA serial on the status page");

    // ---- db:
    public static final Setting<String> DB_URL = Setting.optional("url", string(), null,
            "JDBC URL of a PostgreSQL (jdbc:postgresql://HOST:5432/DB); unset = embedded PostgreSQL in data-dir/pg");
    public static final Setting<String> DB_USER = Setting.optional("user", string(), null, "database user");
    public static final Setting<String> DB_PASSWORD = Setting.optional("password", string(), null, "database password");

    // ---- te-database: (the TE engine's database; absent = no proposals pages)
    public static final Setting<String> TE_DB_URL = Setting.required("url", string(),
            "JDBC URL of the TE engine's PostgreSQL (its --db-url, or jdbc:postgresql://localhost:PORT/postgres of its "
                    + "embedded one); the proposals pages and API list and decide the engine's proposals there");
    public static final Setting<String> TE_DB_USER = Setting.optional("user", string(), null, "database user");
    public static final Setting<Path> TE_DB_PASSWORD_FILE = Setting.optional("password-file", path(), null,
            "file holding the database password (its first line), so that no password is written in the process file");

    // ---- smtp:
    public static final Setting<String> SMTP_HOST = Setting.optional("host", string(), "localhost",
            "SMTP relay the confirmation mails are handed to (a host name is fine here)");
    public static final Setting<SmtpSettings.Security> SMTP_SECURITY = Setting.optional("security",
            oneOf(SmtpSettings.Security.class), SmtpSettings.Security.STARTTLS,
            "none (plain: tests, the demo), starttls (RFC 3207) or tls (implicit TLS, RFC 8314)");
    public static final Setting<Integer> SMTP_PORT = Setting.optional("port", integer(1, 65535), null,
            "relay port");
    public static final Setting<String> SMTP_USER = Setting.optional("user", string(), null, "SMTP AUTH user; unset = no AUTH");
    public static final Setting<String> SMTP_PASSWORD = Setting.optional("password", string(), null, "SMTP AUTH password");
    public static final Setting<String> SMTP_FROM = Setting.optional("from", string(),
            "NS-Global <no-reply@nsglobal.invalid>", "From: of the mails");

    // ---- collector:
    public static final Setting<String> COLLECTOR_TRANSFER_ADDRESS = Setting.optional("transfer-address", string(), null,
            "the address the collector pulls from: what customers must allow AXFR/IXFR to and send NOTIFY to");
    public static final Setting<InetSocketAddress> COLLECTOR_DNS = Setting.optional("dns", socketAddress(53), null,
            "the collector's DNS address: SOA queries for the status page, NOTIFY target when the catalog changes");
    public static final Setting<InetSocketAddress> COLLECTOR_HTTP = Setting.optional("http", socketAddress(80), null,
            "the collector's server.http: the status page reads a zone's refusal (address policy, size limits) "
                    + "from its /zones/NAME; unset = not shown");

    // ---- catalog:
    public static final Setting<String> CATALOG_ZONE = Setting.optional("zone", DOMAIN, "catalog.nsglobal.internal",
            "name of the catalog zone (RFC 9432) the collector consumes");
    public static final Setting<InetSocketAddress> CATALOG_LISTEN = Setting.optional("listen", socketAddress(53),
            new InetSocketAddress("127.0.0.1", 5399), "where the catalog is served by DNS (AXFR/IXFR, TSIG only)");
    // catalog.tsig-key: (required; same fields as dns-node's tsig-keys[])
    public static final Setting<Name> KEY_NAME = Setting.required("name", dnsName(),
            "key name; the collector's catalogs: entry names the same key");
    public static final Setting<TsigAlgorithm> KEY_ALGORITHM = Setting.optional("algorithm", oneOf(TsigAlgorithm.class),
            TsigAlgorithm.HMAC_SHA256, "HMAC algorithm");
    public static final Setting<byte[]> KEY_SECRET = Setting.required("secret", base64(),
            "shared secret, base64, at least 16 bytes (openssl rand -base64 32)");

    // ---- limits: (sliding windows; what each stops: docs/signup.md, "Limits")
    public static final Setting<Integer> PER_CLIENT_IP = Setting.optional("per-client-ip", COUNT, 20,
            "requests per window from one IPv4 /24 or one IPv6 /64");
    public static final Setting<Integer> PER_CLIENT_SITE = Setting.optional("per-client-site", COUNT, 60,
            "requests per window from one IPv6 /48 (one site's allocation)");
    public static final Setting<Integer> PER_DOMAIN = Setting.optional("per-domain", COUNT, 3,
            "confirmation mails per window per registrable domain (removals: per zone)");
    public static final Setting<Integer> PER_RNAME = Setting.optional("per-rname", COUNT, 5,
            "confirmation mails per window per normalised mailbox (lower case, no +tag)");
    public static final Setting<Duration> WINDOW = Setting.optional("window", POSITIVE_DURATION, Duration.ofHours(1),
            "the sliding window of the four limits above");
    public static final Setting<Integer> MAX_PENDING_PER_DOMAIN = Setting.optional("max-pending-per-domain", COUNT, 10,
            "unconfirmed sign-ups and changes at once under one registrable domain");
    public static final Setting<Integer> MAX_PENDING_PER_RNAME = Setting.optional("max-pending-per-rname", COUNT, 10,
            "unconfirmed sign-ups and changes at once to one normalised mailbox");
    public static final Setting<Integer> MAX_PENDING = Setting.optional("max-pending", COUNT, null,
            "older configs: sets both max-pending-per-domain and max-pending-per-rname (there is no global cap)");
    public static final Setting<Integer> MAX_ZONES_PER_DOMAIN = Setting.optional("max-zones-per-domain", COUNT, 100,
            "zones served under one registrable domain");
    public static final Setting<Integer> MAX_ZONES_PER_RNAME = Setting.optional("max-zones-per-rname", COUNT, 100,
            "zones served whose RNAME is one normalised mailbox");
    public static final Setting<Integer> TRACKED_KEYS = Setting.optional("tracked-keys", integer(1, Integer.MAX_VALUE),
            100_000, "rate-limiter entries kept in memory (least recently seen go first)");
    public static final Setting<Long> MAX_REQUEST_BYTES = Setting.optional("max-request-bytes", size(1, 1L << 30),
            16_384L, "largest request body; larger ones get 413");
    public static final Setting<Duration> TOKEN_LIFETIME = Setting.optional("token-lifetime", POSITIVE_DURATION,
            Duration.ofHours(24), "how long a confirmation link works");
    public static final Setting<Duration> PURGE_EVERY = Setting.optional("purge-every", POSITIVE_DURATION,
            Duration.ofMinutes(10), "how often expired pending requests (and their TSIG secrets) are deleted");

    // ---- signup:
    public static final Setting<Boolean> TXT_PROOF = Setting.optional("txt-proof", bool(), false,
            "offer the TXT-record proof (_nsglobal-challenge.DOMAIN) besides the RNAME mail");
    public static final Setting<Integer> DNS_PORT = Setting.optional("dns-port", integer(1, 65535), 53,
            "port public authoritative servers (a parent zone's name servers) are asked on; 53 outside labs");
    public static final Setting<Duration> DELEGATION_RECHECK = Setting.optional("delegation-recheck", POSITIVE_DURATION,
            Duration.ofHours(1), "how often every served zone's delegation by its parent is checked again");

    // ---- operators:
    public static final Setting<Duration> OPS_SESSION_LIFETIME = Setting.optional("session-lifetime", POSITIVE_DURATION,
            Duration.ofHours(12), "an operator's session ends this long after log-in, however busy");
    public static final Setting<Duration> OPS_IDLE_TIMEOUT = Setting.optional("idle-timeout", POSITIVE_DURATION,
            Duration.ofMinutes(30), "an operator's session unused for this long ends");
    public static final Setting<Duration> OPS_ATTEMPT_WINDOW = Setting.optional("attempt-window", POSITIVE_DURATION,
            Duration.ofMinutes(15), "the sliding window in which failed log-ins are counted");
    public static final Setting<Integer> OPS_FAILURES_PER_CLIENT = Setting.optional("failures-per-client",
            integer(1, 100000), 20, "failed log-ins per window from one client network (IPv4 /24, IPv6 /64 and /48); "
                    + "then 429 until the window moves on");
    public static final Setting<Integer> OPS_FAILURES_PER_NAME = Setting.optional("failures-per-name",
            integer(1, 100000), 5, "failed log-ins per window for one operator name, from anywhere; then 429 (that "
                    + "operator's sessions and tokens keep working)");

    /** Every key of the {@code control-plane:} section, in the order the doc lists them. */
    public static List<Setting.Key> all() {
        String s = SECTION;
        return List.of(HTTP.at(s), PUBLIC_URL.at(s).defaultIs("`http://` + http"), DATA_DIR.at(s), RESOLVER.at(s),
                ALLOW_LIST.at(s), OWN_PREFIXES.at(s), NS_NAMES.at(s), COLLECTOR_KEYS_FILE.at(s), EDGES.at(s),
                DB_URL.at(s + ".db"), DB_USER.at(s + ".db"), DB_PASSWORD.at(s + ".db"),
                TE_DB_URL.at(s + ".te-database").defaultIs("unset = no proposals pages; required in te-database"), TE_DB_USER.at(s + ".te-database"),
                TE_DB_PASSWORD_FILE.at(s + ".te-database"),
                SMTP_HOST.at(s + ".smtp"), SMTP_SECURITY.at(s + ".smtp"),
                SMTP_PORT.at(s + ".smtp").defaultIs("`587`; `465` with security tls"),
                SMTP_USER.at(s + ".smtp"), SMTP_PASSWORD.at(s + ".smtp"), SMTP_FROM.at(s + ".smtp"),
                COLLECTOR_TRANSFER_ADDRESS.at(s + ".collector").defaultIs("the address of collector.dns, else `127.0.0.1`"),
                COLLECTOR_DNS.at(s + ".collector"), COLLECTOR_HTTP.at(s + ".collector"),
                CATALOG_ZONE.at(s + ".catalog"), CATALOG_LISTEN.at(s + ".catalog"),
                KEY_NAME.at(s + ".catalog.tsig-key"), KEY_ALGORITHM.at(s + ".catalog.tsig-key"),
                KEY_SECRET.at(s + ".catalog.tsig-key"),
                PER_CLIENT_IP.at(s + ".limits"), PER_CLIENT_SITE.at(s + ".limits"), PER_DOMAIN.at(s + ".limits"),
                PER_RNAME.at(s + ".limits"), WINDOW.at(s + ".limits"), MAX_PENDING_PER_DOMAIN.at(s + ".limits"),
                MAX_PENDING_PER_RNAME.at(s + ".limits"), MAX_PENDING.at(s + ".limits"),
                MAX_ZONES_PER_DOMAIN.at(s + ".limits"), MAX_ZONES_PER_RNAME.at(s + ".limits"),
                TRACKED_KEYS.at(s + ".limits"), MAX_REQUEST_BYTES.at(s + ".limits"), TOKEN_LIFETIME.at(s + ".limits"),
                PURGE_EVERY.at(s + ".limits"),
                TXT_PROOF.at(s + ".signup"), DNS_PORT.at(s + ".signup"), DELEGATION_RECHECK.at(s + ".signup"),
                OPS_SESSION_LIFETIME.at(s + ".operators"), OPS_IDLE_TIMEOUT.at(s + ".operators"),
                OPS_ATTEMPT_WINDOW.at(s + ".operators"), OPS_FAILURES_PER_CLIENT.at(s + ".operators"),
                OPS_FAILURES_PER_NAME.at(s + ".operators"));
    }
}
