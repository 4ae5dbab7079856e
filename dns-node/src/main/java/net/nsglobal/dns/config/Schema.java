package net.nsglobal.dns.config;

import net.nsglobal.config.Kind;
import net.nsglobal.config.Setting;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Cidr;

import static net.nsglobal.config.Kind.*;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * THE dns-node configuration schema: every setting, its type, default and validation, in one place.
 * docs/configuration.md documents exactly these keys (a test checks that every key appears there).
 * Defaults for transfers and timers follow BIND 9 (refresh clamp 300 s…4 weeks, retry ≥ 500 s, transfers-in 10,
 * transfers-per-ns 2); TCP follows RFC 7766 §6.2.3 (idle timeouts of seconds, not minutes).
 */
public final class Schema {
    private Schema() {}

    static final Kind<Duration> ANY_DURATION = duration(Duration.ZERO, Duration.ofDays(3650));
    static final Kind<Path> PATH = new Kind<>() {
        public Path parse(String key, com.fasterxml.jackson.databind.JsonNode n) throws ConfigException {
            try { return Path.of(string().parse(key, n)); }
            catch (java.nio.file.InvalidPathException e) { throw new ConfigException(key, "not a valid path: " + e.getMessage()); }
        }
        public String describe() { return "file path (relative to the config file's folder)"; }
    };
    /** A number of records, written like a size (64k, 1m: binary multiples, as records-per-zone) but not in bytes. */
    static final Kind<Long> RECORD_COUNT = new Kind<>() {
        public Long parse(String key, com.fasterxml.jackson.databind.JsonNode n) throws ConfigException {
            long v = size(0, Long.MAX_VALUE).parse(key, n);
            if (v < 1) throw new ConfigException(key, "must be at least 1 record, got " + v);
            return v;
        }
        public String describe() { return "number of records (suffix k, m, g allowed)"; }
    };

    // ---- top level
    public static final Setting<Role> ROLE = Setting.optional("role", oneOf(Role.class), Role.STANDALONE,
            "what this node does: standalone (serves its zones), collector (pulls from customers' primaries, "
                    + "feeds edges), edge (pulls from the collector)");
    public static final Setting<Path> DATA_DIR = Setting.optional("data-dir", PATH, null,
            "folder for persisted zones and timer state (zones/) and IXFR histories (journal/); unset = kept in memory only");
    public static final Setting<List<InetSocketAddress>> NOTIFY = Setting.optional("notify", listOf(socketAddress(53)), List.of(),
            "targets sent NOTIFY (RFC 1996) on every zone change, e.g. the edges of a collector");
    public static final Setting<Path> TSIG_KEYS_FILE = Setting.optional("tsig-keys-file", PATH, null,
            "YAML file with more keys (`tsig-keys:` list, same fields), written by the control plane (temp + rename); "
                    + "re-read when it changes, all or nothing; keys in tsig-keys win over the file's; unset = none");
    public static final Setting<Name> FLEET_CATALOG = Setting.optional("fleet-catalog", dnsName(), null,
            "name of the RFC 9432 catalog zone this collector produces for its edges");

    // ---- server:
    public static final Setting<List<InetSocketAddress>> LISTEN = Setting.required("listen", listOf(socketAddress(53)),
            "addresses to serve DNS on, UDP and TCP (ADDR:PORT, [V6]:PORT; port 0 = any free port)");
    public static final Setting<Integer> UDP_WORKERS = Setting.optional("udp-workers", integer(1, 256), 1,
            "UDP receive threads per listen address (SO_REUSEPORT sockets when > 1)");
    public static final Setting<UdpIo> UDP_IO = Setting.optional("udp-io", oneOf(UdpIo.class), UdpIo.AUTO,
            "how UDP is read and written: batched (recvmmsg/sendmmsg through the JNI library built with gcc; a batch "
                    + "of datagrams per system call, as Knot and NSD), nio (Java DatagramChannel, one call per datagram), "
                    + "auto (batched when the library loaded, else nio with a warning)");
    public static final Setting<Integer> TCP_MAX_CONNECTIONS = Setting.optional("tcp-max-connections", integer(1, 16384), 256,
            "open TCP connections accepted at once, over all addresses (one thread each); when all are taken, the idle "
                    + "connection that waited longest is closed for a newcomer, or with none idle the newcomer is (RFC 7766 §6.2.2)");
    public static final Setting<Integer> TCP_MAX_CONNECTIONS_PER_SOURCE = Setting.optional("tcp-max-connections-per-source",
            integer(0, 16384), 16,
            "open TCP connections from one source (an IPv4 address, an IPv6 network of tcp-ipv6-prefix bits) not in "
                    + "transfer-acl.allow; further ones are closed at once; 0 = no limit (e.g. behind a proxy that connects from one address)");
    public static final Setting<Integer> TCP_IPV6_PREFIX = Setting.optional("tcp-ipv6-prefix", integer(1, 128), 56,
            "IPv6 clients are counted per network of this prefix length for tcp-max-connections-per-source");
    public static final Setting<Integer> TCP_TRANSFER_RESERVED = Setting.optional("tcp-transfer-reserved", integer(0, 16383), 32,
            "of tcp-max-connections, slots only transfer-acl addresses may take, so a public flood cannot keep edges "
                    + "from transferring; held only when transfer-acl.allow is set; must be below tcp-max-connections");
    public static final Setting<Duration> TCP_IDLE_TIMEOUT = Setting.optional("tcp-idle-timeout",
            duration(Duration.ofMillis(1), Duration.ofHours(1)), Duration.ofSeconds(10),
            "a TCP connection with no complete query for this long, or whose client stopped reading for this long, is closed (RFC 7766 §6.2.3)");
    public static final Setting<Integer> TCP_MAX_PIPELINED = Setting.optional("tcp-max-pipelined", integer(1, 65535), 100,
            "pipelined queries answered from one read before the answers are flushed (RFC 7766 §6.2.1.1)");
    public static final Setting<InetSocketAddress> HTTP = Setting.optional("http", socketAddress(0), null,
            "address of the HTTP endpoints /metrics, /health and POST /reload; unset = no HTTP");
    public static final Setting<Duration> RELOAD_INTERVAL = Setting.optional("reload-interval", ANY_DURATION, Duration.ofSeconds(2),
            "how often primary zone files are checked for changes and reloaded; 0 = never (SIGHUP and POST /reload still work)");

    // ---- identity:
    public static final Setting<String> NSID = Setting.optional("nsid", string(), null,
            "NSID option payload (RFC 5001), usually the site id such as fra1; unset = no NSID");
    public static final Setting<String> HOSTNAME = Setting.optional("hostname", string(), null,
            "answer to CHAOS TXT hostname.bind and id.server (RFC 4892); defaults to nsid; unset = REFUSED");
    public static final Setting<String> VERSION = Setting.optional("version", string(), null,
            "answer to CHAOS TXT version.bind and version.server; unset = REFUSED");

    // ---- zones[] (primary zones served from files), secondaries[], catalogs[]
    public static final Setting<Name> ZONE_NAME = Setting.required("name", dnsName(), "zone origin");
    public static final Setting<Path> ZONE_FILE = Setting.required("file", PATH, "RFC 1035 master file of the zone");
    public static final Setting<List<InetSocketAddress>> PRIMARIES = Setting.required("primaries", listOf(socketAddress(53)),
            "primaries to transfer from, tried in order (ADDR[:PORT], [V6]:PORT)");
    public static final Setting<Name> TSIG_KEY_REF = Setting.optional("tsig-key", dnsName(), null,
            "name of a key from tsig-keys used to sign transfers and check NOTIFY (RFC 8945); unset = no TSIG");

    public static final Setting<List<Cidr>> CATALOG_ALLOW_PRIMARIES = Setting.optional("allow-primaries", listOf(cidr()),
            List.of(), "catalogs[] only: prefixes a member's own primaries (primaries.ext) may lie in although they are "
                    + "loopback, private, link-local, CGNAT, multicast, documentation or reserved space; members naming "
                    + "such a primary outside this list are left out before any connection; empty = none allowed");

    // ---- tsig-keys[]
    public static final Setting<Name> KEY_NAME = Setting.required("name", dnsName(), "key name as known to both ends");
    public static final Setting<TsigAlgorithm> KEY_ALGORITHM = Setting.optional("algorithm", oneOf(TsigAlgorithm.class),
            TsigAlgorithm.HMAC_SHA256, "HMAC algorithm (hmac-sha1 only for old primaries)");
    public static final Setting<byte[]> KEY_SECRET = Setting.required("secret", base64(), "shared secret, base64");

    // ---- transfer-acl:
    public static final Setting<List<Cidr>> ACL_ALLOW = Setting.optional("allow", listOf(cidr()), List.of(),
            "prefixes allowed to transfer zones out (AXFR/IXFR); empty = nobody");
    public static final Setting<Name> ACL_TSIG = Setting.optional("tsig-key", dnsName(), null,
            "key that outgoing transfer requests must be signed with; unset = address check only");

    // ---- limits:
    public static final Setting<Long> RECORDS_PER_ZONE = Setting.optional("records-per-zone", size(1, Long.MAX_VALUE), 5_000_000L,
            "largest zone accepted by transfer, in records");
    public static final Setting<Long> BYTES_PER_TRANSFER = Setting.optional("bytes-per-transfer", size(512, Long.MAX_VALUE), 1L << 30,
            "largest transfer accepted, in wire bytes");
    public static final Setting<Integer> RECORDS_PER_RRSET = Setting.optional("records-per-rrset", integer(1, Integer.MAX_VALUE), 1000,
            "largest RRset accepted by transfer");
    public static final Setting<Integer> TYPES_PER_NAME = Setting.optional("types-per-name", integer(1, 65536), 100,
            "most RR types at one owner name accepted by transfer (BIND max-types-per-name)");
    public static final Setting<Duration> TRANSFER_DURATION = Setting.optional("transfer-duration",
            duration(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofHours(1), "longest a transfer in may take");
    public static final Setting<Duration> TRANSFER_IDLE = Setting.optional("transfer-idle",
            duration(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(60), "longest a transfer in may stall");
    public static final Setting<Long> TRANSFER_MIN_RATE = Setting.optional("transfer-min-rate", size(0, 1L << 30), 34L,
            "bytes per second a primary must keep up over each transfer-min-rate-window of a transfer in, else it is "
                    + "cut; 0 = off; default as BIND min-transfer-rate-in (10240 bytes per 5 minutes)");
    public static final Setting<Duration> TRANSFER_MIN_RATE_WINDOW = Setting.optional("transfer-min-rate-window",
            duration(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofMinutes(5),
            "window transfer-min-rate is measured over; the first window is the grace period");
    public static final Setting<Integer> TRANSFERS_PER_PRIMARY = Setting.optional("transfers-per-primary", integer(1, 1024), 2,
            "concurrent transfers in from one primary: one IPv4 address or one IPv6 /64 (BIND transfers-per-ns)");
    public static final Setting<Integer> TRANSFERS_TOTAL = Setting.optional("transfers-total", integer(1, 65536), 10,
            "concurrent transfers in over all primaries (BIND transfers-in)");
    /** Unset = derived from records-per-zone in {@link NodeConfig} (the one default that depends on another key). */
    public static final Setting<Long> IXFR_HISTORY = Setting.optional("ixfr-history", RECORD_COUNT, null,
            "records of IXFR history kept per zone for transfers out (RFC 1995 §4), counting each difference's deleted "
                    + "and added records plus its two SOAs; older differences age out; unset = records-per-zone / 4, "
                    + "at least 10000");
    public static final Setting<Long> CATALOG_ZONE_MAX_RECORDS = Setting.optional("catalog-zone-max-records", RECORD_COUNT,
            100_000L, "largest zone taken from a catalog (a customer zone), in records (RRSIGs included); BIND "
                    + "max-records, whose default is unlimited; beyond it the transfer is aborted and the previous "
                    + "version keeps serving");
    public static final Setting<Long> CATALOG_ZONE_MAX_BYTES = Setting.optional("catalog-zone-max-bytes",
            size(512, Long.MAX_VALUE), 16L << 20, "largest zone taken from a catalog, in bytes of its records in "
                    + "wire format without compression (Knot zone-max-size, whose default is unlimited)");
    public static final Setting<Long> CATALOG_ZONE_MAX_RRSETS = Setting.optional("catalog-zone-max-rrsets",
            RECORD_COUNT, 100_000L, "most RRsets (owner name and type) in a zone taken from a catalog");
    /** Unset = derived from the JVM's heap in {@link NodeConfig} (see {@link Limits#defaultMemoryBudget}). */
    public static final Setting<Long> ZONE_MEMORY_BUDGET = Setting.optional("zone-memory-budget",
            size(1024, Long.MAX_VALUE), null, "sum of the sizes (uncompressed wire bytes, as catalog-zone-max-bytes) "
                    + "of all zones this node serves; a transfer that would exceed it is aborted and the zone refused "
                    + "(the previous version keeps serving); unset = the JVM's maximum heap / 8");
    public static final Setting<Integer> NOTIFY_RATE = Setting.optional("notify-rate", integer(1, 1_000_000), 1000,
            "NOTIFY messages (RFC 1996) accepted per second from one source address (burst: 4x); beyond it REFUSED");

    // ---- rate-limit: (response rate limiting on UDP, as BIND rate-limit, Knot mod-rrl, NSD rrl-*)
    /** Unset = derived from the role in {@link NodeConfig}: {@link RateLimit#EDGE_RESPONSES_PER_SECOND} on an edge. */
    public static final Setting<Integer> RRL_RATE = Setting.optional("responses-per-second", integer(0, 1_000_000), null,
            "identical UDP responses per second to one client network before limiting; 0 = off; unset = "
                    + RateLimit.EDGE_RESPONSES_PER_SECOND + " on an edge, off on a standalone node or collector");
    public static final Setting<Integer> RRL_SLIP = Setting.optional("slip", integer(0, 100), 2,
            "every slip-th limited response is sent truncated (TC=1) instead of dropped, so real clients retry over TCP; 0 = drop all");
    public static final Setting<Integer> RRL_IPV4_PREFIX = Setting.optional("ipv4-prefix", integer(0, 32), 24,
            "IPv4 clients are accounted per network of this prefix length");
    public static final Setting<Integer> RRL_IPV6_PREFIX = Setting.optional("ipv6-prefix", integer(0, 128), 56,
            "IPv6 clients are accounted per network of this prefix length");
    public static final Setting<Integer> RRL_TABLE_SIZE = Setting.optional("table-size", integer(64, 1 << 24), 65536,
            "buckets in the fixed accounting table (rounded up to a power of two; colliding keys share a bucket)");

    // ---- timers: (clamps applied to the SOA's refresh/retry/expire, RFC 1035 §3.3.13)
    public static final Setting<Duration> REFRESH_MIN = Setting.optional("refresh-min", ANY_DURATION, Duration.ofSeconds(300),
            "SOA refresh below this is raised to it (BIND min-refresh-time)");
    public static final Setting<Duration> REFRESH_MAX = Setting.optional("refresh-max", ANY_DURATION, Duration.ofDays(28),
            "SOA refresh above this is lowered to it (BIND max-refresh-time)");
    public static final Setting<Duration> RETRY_MIN = Setting.optional("retry-min", ANY_DURATION, Duration.ofSeconds(500),
            "SOA retry below this is raised to it (BIND min-retry-time)");
    public static final Setting<Duration> RETRY_MAX = Setting.optional("retry-max", ANY_DURATION, Duration.ofDays(14),
            "SOA retry above this, and the retry backoff, are capped here (BIND max-retry-time)");
    public static final Setting<Duration> EXPIRE_MIN = Setting.optional("expire-min", ANY_DURATION, Duration.ofDays(1),
            "SOA expire below this is raised to it");
    public static final Setting<Duration> EXPIRE_MAX = Setting.optional("expire-max", ANY_DURATION, Duration.ofDays(168),
            "SOA expire above this is lowered to it (24 weeks, as BIND)");
}
