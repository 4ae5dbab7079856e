package net.nsglobal.dns;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.TransferAcl;
import net.nsglobal.dns.http.HttpEndpoints;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.dns.rrl.ResponseRateLimiter;
import net.nsglobal.dns.replication.ReplicationService;
import net.nsglobal.dns.transport.Addresses;
import net.nsglobal.dns.transport.QueryHandler;
import net.nsglobal.dns.transport.QueryMetrics;
import net.nsglobal.dns.transport.TcpLimits;
import net.nsglobal.dns.transport.TcpServer;
import net.nsglobal.dns.transport.UdpServer;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running dns-node: zone store, primary zones from files (reloaded on change), replication (secondaries,
 * catalogs, transfers out, NOTIFY), the query pipeline, UDP and TCP on every listen address, and the HTTP endpoints.
 *
 * <p>Start order: zones → replication → pipeline → transports → HTTP; {@link #close} stops in reverse order and is
 * idempotent. Port 0 in a listen address binds a free port, the same for UDP and TCP; see {@link #udpAddresses()}.
 */
public final class Node implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private final NodeConfig config;
    private final ZoneStore store = new ZoneStore();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final QueryMetrics metrics = new QueryMetrics(registry);
    private final NodeReloader reloader;
    private final List<UdpServer> udp = new ArrayList<>();
    private final List<TcpServer> tcp = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile ReplicationService replication;
    private QueryHandler handler;
    private TcpLimits tcpLimits;
    private HttpEndpoints http;
    private boolean closed;

    private Node(NodeConfig config) {
        this.config = config;
        this.reloader = new NodeReloader(config.zones(), store, registry, (previous, current) -> {
            ReplicationService r = replication;
            if (r != null) r.primaryZoneReloaded(previous, current);
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zone-reload");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("dns_zones_loaded", store, ZoneStore::size).description("zones served").register(registry);
    }

    /** Starts a node; on failure everything already started is closed again and the cause is thrown. */
    public static Node start(NodeConfig config) throws IOException {
        Node node = new Node(config);
        try {
            node.startAll();
            return node;
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        reloader.reload(true);
        // Parsing the zone files left garbage about the size of the zones in the old generation, and the heap grew
        // to hold both. One full collection before serving returns it (the collector shrinks the heap to its
        // free-ratio after a full collection and gives the pages back), so a node's RSS is its zones, not its
        // zones' parse; tens of milliseconds once, before the sockets are bound, so no query waits for it. Later
        // reloads need none: G1 collects their garbage concurrently (docs/performance.md, "Memory").
        if (!config.zones().isEmpty()) System.gc();
        replication = ReplicationService.start(config, store);
        var budget = replication.budget();
        Gauge.builder("dns_zone_bytes", store, ZoneStore::bytes)
                .description("sum of the served zones' sizes (uncompressed wire bytes)").register(registry);
        Gauge.builder("dns_zone_memory_budget_bytes", budget, b -> b.memoryBudget())
                .description("limits.zone-memory-budget").register(registry);
        Gauge.builder("dns_zones_refused", budget, b -> b.refusals().size())
                .description("zones whose last transfer was refused by a limit (see /zones)").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("dns_zone_transfers_refused", budget,
                b -> b.refusedTransfers()).description("transfers in aborted by a zone limit or the memory budget")
                .register(registry);
        ResponseRateLimiter rrl = config.rateLimit().enabled() ? new ResponseRateLimiter(config.rateLimit()) : null;
        if (rrl != null) {
            io.micrometer.core.instrument.FunctionCounter.builder("dns_rrl_dropped", rrl, ResponseRateLimiter::dropped)
                    .description("UDP responses dropped by response rate limiting").register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("dns_rrl_slipped", rrl, ResponseRateLimiter::slipped)
                    .description("UDP responses sent truncated (TC=1) by response rate limiting").register(registry);
        }
        Pipeline pipeline = Pipeline.standard(store, config.identity(),
                replication.notifyStage(), replication.xfrOutStage(), rrl);
        handler = new QueryHandler(pipeline, metrics);
        tcpLimits = new TcpLimits(config.server().tcpMaxConnections(), config.server().tcpIdleTimeout(),
                config.server().tcpMaxPipelined(), tcpSources(config), registry);
        for (InetSocketAddress a : config.server().listen()) bindBoth(a, tcpLimits);
        if (config.server().http() != null) http = HttpEndpoints.start(config.server().http(), new Endpoints());
        long every = config.server().reloadInterval().toMillis();
        if (every > 0) timer.scheduleWithFixedDelay(this::pollZoneFiles, every, every, TimeUnit.MILLISECONDS);
        log.info("component=node event=started role={} zones={} listen=\"{}\" udp-io={} http={}", config.role(), store.size(),
                Addresses.format(udpAddresses()), udp.isEmpty() ? "-" : udp.get(0).io(), Addresses.format(httpAddress()));
    }

    /**
     * Who may take TCP slots: the per-source limit, and the reserve for the transfer-acl's addresses (the edges
     * pulling from a collector). The reserve is keyed on the address alone: TSIG is checked later, per request.
     */
    static TcpLimits.Sources tcpSources(NodeConfig config) {
        TransferAcl acl = config.transferAcl();
        int reserved = acl.allow().isEmpty() ? 0 : config.server().tcpTransferReserved();
        return new TcpLimits.Sources(config.server().tcpMaxConnectionsPerSource(), config.server().tcpIpv6Prefix(),
                reserved, acl::allows);
    }

    /** UDP and TCP on one address; with port 0, retries until a port free for both is found. */
    private void bindBoth(InetSocketAddress a, TcpLimits limits) throws IOException {
        int workers = config.server().udpWorkers();
        for (int attempt = 0; ; attempt++) {
            UdpServer u = UdpServer.start(a, workers, config.server().udpIo(), handler);
            try {
                tcp.add(TcpServer.start(u.localAddress(), handler, limits));
                udp.add(u);
                return;
            } catch (IOException e) {
                u.close();
                if (a.getPort() != 0 || attempt >= 20 || !(e.getCause() instanceof BindException)) throw e;
            }
        }
    }

    private void pollZoneFiles() {
        try {
            reloader.reload(false);
        } catch (RuntimeException e) {
            log.error("component=zone-loader event=poll-failed", e);
        }
    }

    /** Re-reads every primary zone file now (SIGHUP, POST /reload); a bad file keeps the old version serving. */
    public List<String> reloadZones() {
        List<String> errors = new ArrayList<>();
        for (NodeReloader.Result r : reloader.reload(true)) if (!r.ok()) errors.add(r.error());
        return errors;
    }

    public NodeConfig config() { return config; }
    public ZoneStore zones() { return store; }

    /** Secondary zones, catalogs, transfers, NOTIFY and their refusals (null before start and after a failed start). */
    public ReplicationService replication() { return replication; }
    /** Bound UDP addresses, one per listen address, in config order (actual ports when port 0 was asked). */
    public List<InetSocketAddress> udpAddresses() { return udp.stream().map(UdpServer::localAddress).toList(); }
    public List<InetSocketAddress> tcpAddresses() { return tcp.stream().map(TcpServer::localAddress).toList(); }
    /** The first listen address as bound (UDP and TCP share its port). */
    public InetSocketAddress dnsAddress() { return udp.get(0).localAddress(); }
    /** Bound HTTP address, or null when {@code server.http} is unset. */
    public InetSocketAddress httpAddress() { return http == null ? null : http.localAddress(); }
    /** Queries on which a pipeline stage threw (each was answered SERVFAIL); 0 in a healthy node. */
    public long stageFailures() { return handler == null ? 0 : handler.failures(); }
    /** The metrics registry (other components may add meters). */
    public PrometheusMeterRegistry metrics() { return registry; }

    /** Stops HTTP, transports (waiting for their threads), replication and the reload timer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (http != null) http.close();
        for (UdpServer u : udp) u.close();
        for (TcpServer t : tcp) t.close();
        timer.shutdownNow();
        if (replication != null) replication.close();
        registry.close();
        log.info("component=node event=stopped");
    }

    private final class Endpoints implements HttpEndpoints.Node {
        @Override
        public String scrape() {
            metrics.registerSeen();
            StringBuilder out = new StringBuilder(registry.scrape());
            metrics.appendExposition(out);
            return out.toString();
        }

        @Override
        public String health() {
            long expired = store.zones().stream().filter(net.nsglobal.dns.zone.Zone::expired).count();
            return "{\"status\":\"ok\",\"role\":\"" + config.role() + "\",\"zones\":" + store.size()
                    + ",\"zones_expired\":" + expired + ",\"zone_load_failures\":" + reloader.failures()
                    + ",\"tcp_connections\":" + tcpLimits.openConnections()
                    + ",\"zones_refused\":" + replication.budget().refusals().size() + "}\n";
        }

        @Override
        public String zones() {
            var budget = replication.budget();
            StringBuilder sb = new StringBuilder("{\"zones\":" + store.size() + ",\"bytes\":" + store.bytes()
                    + ",\"memory_budget\":" + budget.memoryBudget() + ",\"refused\":[");
            boolean first = true;
            for (var e : budget.refusals().entrySet()) {
                sb.append(first ? "" : ",").append("{\"zone\":\"").append(json(e.getKey().toString()))
                        .append("\",\"reason\":\"").append(json(e.getValue())).append("\"}");
                first = false;
            }
            return sb.append("]}\n").toString();
        }

        @Override
        public String zone(String name) {
            org.xbill.DNS.Name n;
            try {
                n = net.nsglobal.config.DomainName.parse(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
            net.nsglobal.dns.zone.Zone z = store.get(n);
            String refused = replication.refusal(n);
            if (z == null && refused == null) return null;
            return "{\"zone\":\"" + json(n.toString()) + "\",\"serial\":" + (z == null ? "null" : z.serial())
                    + ",\"expired\":" + (z != null && z.expired()) + ",\"bytes\":" + (z == null ? 0 : z.size().bytes())
                    + ",\"refused\":" + (refused == null ? "null" : "\"" + json(refused) + "\"") + "}\n";
        }

        @Override
        public String reload() {
            List<NodeReloader.Result> results = reloader.reload(true);
            StringBuilder sb = new StringBuilder("{\"reloaded\":[");
            int errors = 0;
            for (int i = 0; i < results.size(); i++) {
                NodeReloader.Result r = results.get(i);
                if (!r.ok()) errors++;
                if (i > 0) sb.append(',');
                sb.append("{\"zone\":\"").append(json(r.zone().toString())).append("\",\"ok\":").append(r.ok())
                        .append(",\"serial\":").append(r.serial());
                if (r.error() != null) sb.append(",\"error\":\"").append(json(r.error())).append('"');
                sb.append('}');
            }
            return sb.append("],\"errors\":").append(errors).append("}\n").toString();
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
