package net.nsglobal.dns.config;

import net.nsglobal.config.Section;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Cidr;

import static net.nsglobal.dns.config.Schema.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * The whole configuration of one dns-node, immutable, parsed once (from YAML, or from the quick-form flags through
 * {@link QuickForm}, which build the same tree) against the declarative {@link Schema}. Unknown keys and bad values
 * fail with a {@link ConfigException} naming the key. Relative file paths are resolved against the config file's folder.
 *
 * <pre>
 * role: standalone                 # standalone | collector | edge
 * data-dir: /var/lib/nsglobal
 * server:   { listen: [127.0.0.1:5300, "[::1]:5300"], udp-workers: 1, tcp-max-connections: 256,
 *             tcp-max-connections-per-source: 16, tcp-ipv6-prefix: 56, tcp-transfer-reserved: 32,
 *             tcp-idle-timeout: 10s, tcp-max-pipelined: 100, http: 127.0.0.1:9153, reload-interval: 2s }
 * identity: { nsid: fra1, hostname: fra1, version: "NS-Global" }
 * zones:       [ { name: example.com, file: example.com.zone } ]
 * secondaries: [ { name: example.net, primaries: [192.0.2.1:53], tsig-key: k1 } ]
 * tsig-keys:   [ { name: k1, algorithm: hmac-sha256, secret: base64== } ]
 * tsig-keys-file: keys.yaml       # more keys, same form, re-read when it changes (the control plane writes it)
 * catalogs:    [ { name: catalog.customers, primaries: [192.0.2.1], tsig-key: k1, allow-primaries: [] } ]
 * fleet-catalog: catalog.fleet.nsglobal
 * transfer-acl: { allow: [127.0.0.0/8], tsig-key: k1 }
 * notify: [127.0.0.1:5301]
 * limits: { ... }   timers: { ... }   rate-limit: { responses-per-second: 20, slip: 2 }   # or: rate-limit: off
 * </pre>
 */
public record NodeConfig(Role role, Path dataDir, ServerSettings server, Identity identity,
                         List<PrimaryZone> zones, List<SecondaryZone> secondaries, List<TsigKey> tsigKeys,
                         Path tsigKeysFile, List<CatalogSource> catalogs, Name fleetCatalog, TransferAcl transferAcl,
                         List<InetSocketAddress> notifyTargets, Limits limits, Timers timers, RateLimit rateLimit) {

    /**
     * The YAML reader, made on first use: a quick-form node (flags only) builds its tree from JsonNodeFactory and
     * never loads the mapper, its YAML factory and SnakeYAML (about 250 classes).
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    /** Reads a YAML config file. */
    public static NodeConfig load(Path file) throws ConfigException {
        return fromTree(readTree(file), baseDirOf(file));
    }

    /** Parses YAML text; relative paths resolve against {@code baseDir}. */
    public static NodeConfig parseYaml(String yaml, Path baseDir) throws ConfigException {
        return fromTree(readTree(yaml), baseDir);
    }

    /** Parses the quick-form command line ({@code --listen … --zone name=file …}), as {@code nsglobal node} does. */
    public static NodeConfig fromArgs(String... args) throws ConfigException {
        return QuickForm.parse(args).toConfig();
    }

    /** The key named {@code name} from {@code tsig-keys}, or null. */
    public TsigKey tsigKey(Name name) {
        if (name == null) return null;
        for (TsigKey k : tsigKeys) if (k.name().equals(name)) return k;
        return null;
    }

    static Path baseDirOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    static JsonNode readTree(Path file) throws ConfigException {
        try {
            return readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("(file " + file + ")", "cannot read: " + e.getMessage());
        }
    }

    static JsonNode readTree(String yaml) throws ConfigException {
        try {
            JsonNode n = Yaml.MAPPER.readTree(yaml);
            return n == null ? JsonNodeFactory.instance.objectNode() : n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException("(yaml" + (loc == null ? "" : " line " + loc.getLineNr()) + ")",
                    "not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** The one parser: a YAML tree (from a file or the quick form) into the immutable records. */
    static NodeConfig fromTree(JsonNode tree, Path baseDir) throws ConfigException {
        Section top = new Section("", tree);
        Role role = top.get(ROLE);
        Path dataDir = resolve(baseDir, top.get(DATA_DIR));
        List<InetSocketAddress> notifyTargets = top.get(NOTIFY);
        Name fleetCatalog = top.get(FLEET_CATALOG);
        Path tsigKeysFile = resolve(baseDir, top.get(TSIG_KEYS_FILE));

        Section s = top.section("server");
        ServerSettings server = new ServerSettings(s.get(LISTEN), s.get(UDP_WORKERS), s.get(UDP_IO), s.get(TCP_MAX_CONNECTIONS),
                s.get(TCP_MAX_CONNECTIONS_PER_SOURCE), s.get(TCP_IPV6_PREFIX), s.get(TCP_TRANSFER_RESERVED), s.get(TCP_IDLE_TIMEOUT), s.get(TCP_MAX_PIPELINED), s.get(HTTP), s.get(RELOAD_INTERVAL));
        s.finish();
        for (int i = 0; i < server.listen().size(); i++) {
            InetSocketAddress a = server.listen().get(i);
            if (a.getPort() != 0 && server.listen().subList(0, i).contains(a)) {
                throw new ConfigException("server.listen[" + i + "]", "address " + a + " is listed twice");
            }
        }

        Section id = top.section("identity");
        String nsid = id.get(NSID);
        String hostname = id.get(HOSTNAME);
        Identity identity = new Identity(nsid, hostname != null ? hostname : nsid, id.get(VERSION));
        id.finish();

        List<TsigKey> keys = keyList(top);
        // With a key file, a reference may name a key that arrives later: it is looked up when used.
        Set<Name> keyNames = tsigKeysFile != null ? null : new HashSet<>();
        if (keyNames != null) for (TsigKey k : keys) keyNames.add(k.name());

        Set<Name> zoneNames = new HashSet<>();
        List<PrimaryZone> zones = new ArrayList<>();
        for (Section z : top.list("zones")) {
            Name name = z.get(ZONE_NAME);
            unique(zoneNames, name, z.keyOf("name"));
            zones.add(new PrimaryZone(name, resolve(baseDir, z.get(ZONE_FILE))));
            z.finish();
        }
        List<SecondaryZone> secondaries = new ArrayList<>();
        for (Section z : top.list("secondaries")) {
            secondaries.add(pulled(z, zoneNames, keyNames, SecondaryZone::new));
        }
        List<CatalogSource> catalogs = new ArrayList<>();
        for (Section c : top.list("catalogs")) {
            List<Cidr> allow = c.get(CATALOG_ALLOW_PRIMARIES);
            catalogs.add(pulled(c, zoneNames, keyNames, (n, p, k) -> new CatalogSource(n, p, k, allow)));
        }
        if (fleetCatalog != null && role != Role.COLLECTOR) {
            throw new ConfigException("fleet-catalog", "only a collector produces the fleet catalog (role is " + role + ")");
        }

        Section a = top.section("transfer-acl");
        TransferAcl acl = new TransferAcl(a.get(ACL_ALLOW), keyRef(keyNames, a.get(ACL_TSIG), a.keyOf("tsig-key")));
        a.finish();
        if (!acl.allow().isEmpty() && server.tcpTransferReserved() >= server.tcpMaxConnections()) {
            throw new ConfigException("server.tcp-transfer-reserved", "must be below server.tcp-max-connections ("
                    + server.tcpMaxConnections() + "), got " + server.tcpTransferReserved()
                    + " (the default is 32; lower it, or raise tcp-max-connections)");
        }

        Section l = top.section("limits");
        long recordsPerZone = l.get(RECORDS_PER_ZONE);
        Long ixfrHistory = l.get(IXFR_HISTORY);
        Limits limits = new Limits(recordsPerZone, l.get(BYTES_PER_TRANSFER), l.get(RECORDS_PER_RRSET),
                l.get(TYPES_PER_NAME), l.get(TRANSFER_DURATION), l.get(TRANSFER_IDLE), l.get(TRANSFER_MIN_RATE),
                l.get(TRANSFER_MIN_RATE_WINDOW), l.get(TRANSFERS_PER_PRIMARY),
                l.get(TRANSFERS_TOTAL), ixfrHistory != null ? ixfrHistory : Limits.defaultIxfrHistory(recordsPerZone),
                l.get(NOTIFY_RATE), l.get(CATALOG_ZONE_MAX_RECORDS), l.get(CATALOG_ZONE_MAX_BYTES),
                l.get(CATALOG_ZONE_MAX_RRSETS), budgetOrDefault(l.get(ZONE_MEMORY_BUDGET)));
        l.finish();
        if (limits.transfersPerPrimary() > limits.transfersTotal()) {
            throw new ConfigException("limits.transfers-per-primary", "must not exceed limits.transfers-total");
        }

        Section t = top.section("timers");
        Timers timers = new Timers(t.get(REFRESH_MIN), t.get(REFRESH_MAX), t.get(RETRY_MIN), t.get(RETRY_MAX),
                t.get(EXPIRE_MIN), t.get(EXPIRE_MAX));
        t.finish();
        if (timers.refreshMin().compareTo(timers.refreshMax()) > 0) throw new ConfigException("timers.refresh-min", "must not exceed timers.refresh-max");
        if (timers.retryMin().compareTo(timers.retryMax()) > 0) throw new ConfigException("timers.retry-min", "must not exceed timers.retry-max");
        if (timers.expireMin().compareTo(timers.expireMax()) > 0) throw new ConfigException("timers.expire-min", "must not exceed timers.expire-max");

        // "rate-limit: off" (or false) is short for responses-per-second: 0, e.g. to turn an edge's default off.
        boolean rrlOff = top.isOff("rate-limit");
        Section r = rrlOff ? Section.empty("rate-limit") : top.section("rate-limit");
        Integer rate = rrlOff ? Integer.valueOf(0) : r.get(RRL_RATE);
        RateLimit rateLimit = new RateLimit(rate != null ? rate : RateLimit.defaultResponsesPerSecond(role),
                r.get(RRL_SLIP), r.get(RRL_IPV4_PREFIX), r.get(RRL_IPV6_PREFIX), r.get(RRL_TABLE_SIZE));
        r.finish();

        top.finish();
        return new NodeConfig(role, dataDir, server, identity, List.copyOf(zones), List.copyOf(secondaries),
                List.copyOf(keys), tsigKeysFile, List.copyOf(catalogs), fleetCatalog, acl, notifyTargets, limits, timers,
                rateLimit);
    }

    /**
     * Reads a {@code tsig-keys-file}: a YAML map whose only key is {@code tsig-keys}, a list of entries exactly as in
     * the node config. All or nothing: any bad entry fails the whole file. An empty file holds no keys.
     */
    public static List<TsigKey> loadKeyFile(Path file) throws ConfigException {
        Section top = new Section("", readTree(file));
        List<TsigKey> keys = keyList(top);
        top.finish();
        return List.copyOf(keys);
    }

    private static List<TsigKey> keyList(Section top) throws ConfigException {
        List<TsigKey> keys = new ArrayList<>();
        Set<Name> names = new HashSet<>();
        for (Section k : top.list("tsig-keys")) {
            TsigKey key = new TsigKey(k.get(KEY_NAME), k.get(KEY_ALGORITHM), k.get(KEY_SECRET));
            if (!names.add(key.name())) throw new ConfigException(k.keyOf("name"), "duplicate key " + key.name());
            keys.add(key);
            k.finish();
        }
        return keys;
    }

    private static long budgetOrDefault(Long configured) {
        return configured != null ? configured : Limits.defaultMemoryBudget();
    }

    private static Path resolve(Path baseDir, Path p) {
        return p == null ? null : baseDir.resolve(p).normalize();
    }

    private static void unique(Set<Name> seen, Name name, String key) throws ConfigException {
        if (!seen.add(name)) throw new ConfigException(key, "zone " + name + " is configured more than once");
    }

    /** The shape secondaries and catalogs share: a zone pulled from primaries, optionally with a TSIG key. */
    private interface PulledZone<T> {
        T of(Name name, List<java.net.InetSocketAddress> primaries, Name tsigKey);
    }

    private static <T> T pulled(Section z, Set<Name> zoneNames, Set<Name> keyNames, PulledZone<T> make)
            throws ConfigException {
        Name name = z.get(ZONE_NAME);
        unique(zoneNames, name, z.keyOf("name"));
        T zone = make.of(name, nonEmpty(z.get(PRIMARIES), z.keyOf("primaries")),
                keyRef(keyNames, z.get(TSIG_KEY_REF), z.keyOf("tsig-key")));
        z.finish();
        return zone;
    }

    private static <T> List<T> nonEmpty(List<T> list, String key) throws ConfigException {
        if (list.isEmpty()) throw new ConfigException(key, "needs at least one entry");
        return list;
    }

    private static Name keyRef(Set<Name> keyNames, Name ref, String key) throws ConfigException {
        if (ref != null && keyNames != null && !keyNames.contains(ref)) throw new ConfigException(key, "no key " + ref + " in tsig-keys");
        return ref;
    }
}
