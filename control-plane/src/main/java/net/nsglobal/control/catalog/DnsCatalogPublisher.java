package net.nsglobal.control.catalog;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.Node;
import net.nsglobal.config.ConfigException;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.notify.NotifyMessage;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;

/**
 * Serves the catalog zone by DNS from an in-process dns-node {@link Node} (the same server as the fleet: SOA over
 * UDP/TCP, AXFR and IXFR-as-full-zone to the transfer ACL: loopback and the collector, and only when signed with the
 * catalog's TSIG key, RFC 8945) and NOTIFYs the collector on every change, signed with the same key (RFC 1996 §3.7: the
 * NOTIFY carries the new SOA as a hint; the collector accepts it only signed, as its {@code catalogs:} entry names
 * the key). The catalog decides which primaries the collector pulls from, so neither its content nor a NOTIFY may
 * be forged by whoever can send from an allowed address. Each change swaps in a new compiled {@link Zone}
 * atomically. A lost NOTIFY is repaired by the collector's SOA refresh, so NOTIFY failures are logged.
 */
public final class DnsCatalogPublisher implements CatalogPublisher {
    private static final Logger log = LoggerFactory.getLogger(DnsCatalogPublisher.class);

    private final Name catalog;
    private final Node node;
    private final List<InetSocketAddress> notifyTargets;
    private final TsigKey key;

    /**
     * @param collector the collector's address, allowed to transfer besides loopback (null = loopback only)
     * @param key       the catalog's TSIG key: transfers must be signed with it, NOTIFYs are
     */
    public DnsCatalogPublisher(Name catalog, InetSocketAddress listen, InetAddress collector,
                               List<InetSocketAddress> notifyTargets, Path workDir, TsigKey key) throws IOException {
        if (key == null) throw new IOException("catalog " + catalog + ": a TSIG key is required (catalog.tsig-key)");
        this.catalog = catalog;
        this.key = key;
        this.notifyTargets = List.copyOf(notifyTargets);
        StringBuilder allow = new StringBuilder("127.0.0.0/8, \"::1/128\"");
        if (collector != null && !collector.isLoopbackAddress()) {
            allow.append(", \"").append(collector.getHostAddress()).append(collector instanceof Inet6Address ? "/128" : "/32")
                    .append('"');
        }
        String host = listen.getAddress().getHostAddress();
        String yaml = "role: standalone\ndata-dir: " + Files.createDirectories(workDir) + "\n"
                + "server: {listen: [\"" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listen.getPort()
                + "\"], reload-interval: 0s}\n"
                + "transfer-acl: {allow: [" + allow + "], tsig-key: \"" + key.name() + "\"}\n"
                + "tsig-keys: [{name: \"" + key.name() + "\", algorithm: " + key.algorithm() + ", secret: "
                + Base64.getEncoder().encodeToString(key.secret()) + "}]\n";
        try {
            this.node = Node.start(NodeConfig.parseYaml(yaml, workDir));
        } catch (ConfigException e) {
            throw new IOException("catalog " + catalog + ": bad catalog server config: " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() { return node.dnsAddress(); }

    public Zone current() { return node.zones().get(catalog); }

    @Override
    public synchronized void publish(long serial, List<ZoneEntry> zones) {
        Zone z;
        try {
            z = CatalogZoneBuilder.build(catalog, serial, zones);
        } catch (ZoneException e) {
            log.error("catalog {}: not published: {}", catalog, e.getMessage());
            return;
        }
        node.zones().put(z);
        log.info("catalog {}: serial {} with {} member zones", catalog, serial, zones.size());
        for (InetSocketAddress t : notifyTargets) sendNotify(t, z);
    }

    private void sendNotify(InetSocketAddress target, Zone z) {
        try {
            Message n = NotifyMessage.of(z); // unsigned: the resolver signs it
            SimpleResolver r = new SimpleResolver(target);
            r.setTSIGKey(key.toTsig()); // signs the NOTIFY and verifies the signed answer (RFC 8945 §5.3)
            r.setTimeout(Duration.ofSeconds(2));
            Message answer = r.send(n);
            if (answer.getRcode() != org.xbill.DNS.Rcode.NOERROR) {
                log.warn("catalog {}: NOTIFY to {} answered {}; the collector's refresh timer will catch up", catalog,
                        target, org.xbill.DNS.Rcode.string(answer.getRcode()));
            }
        } catch (IOException e) {
            log.warn("catalog {}: NOTIFY to {} got no answer ({}); the collector's refresh timer will catch up",
                    catalog, target, e.getMessage());
        }
    }

    @Override
    public void close() { node.close(); }
}
