package net.nsglobal.te.world.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RIPE-Atlas-compatible REST API v2 on loopback, measuring a {@link World}: the atlas client and the scheduled
 * jobs run against it unchanged, only the API URL differs. Paths, bodies, status codes, error bodies and
 * throttling are the API's:
 *
 * <pre>
 *   POST   measurements/                 create (key)          → {"measurements": [ids]}
 *   GET    measurements/{id}/            the measurement        (status object, prices, probe counts)
 *   DELETE measurements/{id}/            stop (owner's key)     → 204
 *   GET    measurements/{id}/results/    ?start=&amp;stop=&amp;probe_ids=  → [results]
 *   GET    measurements/{id}/latest/     ?probe_ids=             → [each probe's latest result]
 *   GET    probes/  probes/{id}/         paged {count, next, previous, results}
 *   GET    credits/  credits/expense-items/   (key)
 * </pre>
 *
 * Time is the simulation {@code clock}: a measurement's rounds fall due on it and results carry its timestamps
 * (see {@link Measurement}); the throttle runs on {@link AtlasOptions#rateClock()}.
 */
public final class SimulatedAtlas implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAtlas.class);
    private static final String PREFIX = "/api/v2/";

    private final World world;
    private final Clock clock;
    private final AtlasOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Long, Measurement> measurements = new ConcurrentHashMap<>();
    /**
     * Measurement ids, as RIPE's, never reused: they start from the clock's second at construction (×1000), so a
     * restarted simulation does not hand out the ids an earlier one did (a store that outlives it would mix them up).
     */
    private final AtomicLong nextId;
    private final Ledger ledger;
    private final Throttle throttle;
    private final ExecutorService queries;
    private final RoundRunner runner;
    private HttpServer server;
    private ExecutorService handlers;

    /**
     * @param servers each site's DNS server: where a probe's query to the anycast address (or to that site's
     *                unicast address) really goes
     */
    public SimulatedAtlas(World world, Map<String, InetSocketAddress> servers, Clock clock, AtlasOptions options) {
        this.world = world;
        this.clock = clock;
        this.nextId = new AtomicLong(options.firstMeasurementId() > 0 ? options.firstMeasurementId()
                : clock.instant().getEpochSecond() * 1000 + 1);
        this.options = options;
        this.ledger = new Ledger(options.creditsBalance());
        this.throttle = new Throttle(options.requestsPerWindow(), options.window(), options.rateClock());
        this.queries = Executors.newFixedThreadPool(options.dnsParallelism(), daemon("simulated-atlas-dns"));
        this.runner = new RoundRunner(world, servers, options, queries);
    }

    /** Listens on loopback {@code port} (0: a free one). */
    public synchronized SimulatedAtlas start(int port) {
        if (server != null) {
            throw new IllegalStateException("simulated atlas: already started on " + url());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated atlas: cannot listen on loopback port " + port, e);
        }
        handlers = Executors.newFixedThreadPool(4, daemon("simulated-atlas-http"));
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("simulated atlas: listening on {}", url());
        return this;
    }

    /** The API base, as the client's {@code api-url} takes it: {@code http://127.0.0.1:port/api/v2/}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + PREFIX;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
        }
        queries.shutdownNow();
    }

    // ---- request handling -------------------------------------------------------------------------------------

    private void handle(HttpExchange x) throws IOException {
        Reply reply;
        try {
            reply = route(x);
        } catch (RuntimeException e) {
            LOG.error("simulated atlas: {} {} failed", x.getRequestMethod(), x.getRequestURI().getPath(), e);
            reply = ApiError.of(500, ApiError.CODE_REQUEST, "Internal Server Error", "Server error: "
                    + e.getMessage(), List.of());
        }
        try (x) {
            reply.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
            if (reply.status() == 204) {
                x.sendResponseHeaders(204, -1);
                return;
            }
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (!path.startsWith(PREFIX)) {
            return ApiError.notFound();
        }
        List<String> parts = new ArrayList<>(List.of(path.substring(PREFIX.length()).split("/")));
        parts.removeIf(String::isEmpty);
        Map<String, String> q = Params.query(x.getRequestURI().getRawQuery());
        String method = x.getRequestMethod();

        Optional<String> key = key(x, q);
        if (key.isPresent() && !options.apiKeys().contains(key.get())) {
            return ApiError.badKey();
        }
        String client = key.orElse("anonymous " + x.getRemoteAddress().getAddress().getHostAddress());
        OptionalLong wait = throttle.admit(client);
        if (wait.isPresent()) {
            LOG.debug("simulated atlas: throttled {} {} for {} s", method, path, wait.getAsLong());
            return ApiError.throttled(wait.getAsLong());
        }
        long now = clock.instant().getEpochSecond();

        if (parts.isEmpty()) {
            return ApiError.notFound();
        }
        switch (parts.get(0)) {
            case "measurements" -> {
                if (parts.size() == 1) {
                    if (!method.equals("POST")) {
                        return ApiError.methodNotAllowed(method);
                    }
                    return key.isEmpty() ? ApiError.noCredentials() : create(x.getRequestBody(), key.get(), now);
                }
                Measurement m = measurement(parts.get(1));
                if (m == null) {
                    return ApiError.notFound();
                }
                if (parts.size() == 2) {
                    return switch (method) {
                        case "GET" -> {
                            m.catchUp(now, runner, ledger);
                            yield Reply.ok(m.toJson(now, url()));
                        }
                        case "DELETE" -> stop(m, key, now);
                        default -> ApiError.methodNotAllowed(method);
                    };
                }
                if (parts.size() == 3 && method.equals("GET")) {
                    return switch (parts.get(2)) {
                        case "results" -> results(m, q, now);
                        case "latest" -> latest(m, q, now);
                        default -> ApiError.notFound();
                    };
                }
                return ApiError.notFound();
            }
            case "probes" -> {
                if (!method.equals("GET")) {
                    return ApiError.methodNotAllowed(method);
                }
                if (parts.size() == 1) {
                    return ProbesPage.answer(world.probes(), q, url());
                }
                return parts.size() == 2 ? probe(parts.get(1)) : ApiError.notFound();
            }
            case "credits" -> {
                if (key.isEmpty()) {
                    return ApiError.noCredentials();
                }
                if (parts.size() == 1) {
                    return Reply.ok(ledger.toJson(now, dailyExpenditure(now), url()));
                }
                return parts.size() == 2 && parts.get(1).equals("expense-items") ? expenses(now)
                        : ApiError.notFound();
            }
            default -> {
                return ApiError.notFound();
            }
        }
    }

    private Reply create(InputStream body, String owner, long now) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(body.readAllBytes());
        } catch (JsonProcessingException e) {
            return ApiError.unreadable("JSON parse error - " + e.getOriginalMessage());
        }
        CreateRequest.Parsed parsed = CreateRequest.parse(root);
        if (parsed.error() != null) {
            return parsed.error();
        }
        CreateRequest req = parsed.request();
        long first = nextId.get();
        List<Probe> probes = ProbeSelector.select(world.probes(), req.probes(), first,
                id -> Optional.ofNullable(measurements.get(id)).map(Measurement::probeIds));
        long firstRound = req.definitions().stream()
                .mapToLong(d -> (long) Measurement.creditsPerResult(d) * probes.size()).sum();
        if (firstRound > ledger.balance()) {
            return ApiError.of(400, ApiError.CODE_INVALID, "Bad Request", "Not enough credit to schedule this "
                    + "measurement: it needs " + firstRound + ", the balance is " + ledger.balance() + ".",
                    List.of());
        }
        List<Measurement> created = new ArrayList<>();
        synchronized (nextId) {
            for (CreateRequest.Definition d : req.definitions()) {
                created.add(new Measurement(nextId.getAndIncrement(), d, req, now, owner, probes));
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var ids = out.putArray("measurements");
        for (Measurement m : created) {
            measurements.put(m.id(), m);
            ids.add(m.id());
        }
        LOG.info("simulated atlas: created measurement(s) {} with {} probe(s)", ids, probes.size());
        return Reply.json(201, out);
    }

    private Reply stop(Measurement m, Optional<String> key, long now) {
        if (key.isEmpty()) {
            return ApiError.noCredentials();
        }
        if (!key.get().equals(m.owner())) {
            return ApiError.badKey();
        }
        m.catchUp(now, runner, ledger);
        m.stop(now);
        return Reply.noContent();
    }

    private Reply results(Measurement m, Map<String, String> q, long now) {
        Long start = Params.epoch(q, "start");
        Long stop = Params.epoch(q, "stop");
        if (q.containsKey("start") && start == null) {
            return ApiError.badParameter("start", "Enter a UNIX timestamp in seconds.");
        }
        if (q.containsKey("stop") && stop == null) {
            return ApiError.badParameter("stop", "Enter a UNIX timestamp in seconds.");
        }
        List<Integer> probeIds = Params.probeIds(q);
        if (probeIds == null) {
            return ApiError.badParameter("probe_ids", "Enter a comma-separated list of probe ids.");
        }
        m.catchUp(now, runner, ledger);
        var arr = JsonNodeFactory.instance.arrayNode();
        m.results(start == null ? Long.MIN_VALUE : start, stop == null ? Long.MAX_VALUE : stop, probeIds)
                .forEach(arr::add);
        return Reply.ok(arr);
    }

    private Reply latest(Measurement m, Map<String, String> q, long now) {
        List<Integer> probeIds = Params.probeIds(q);
        if (probeIds == null) {
            return ApiError.badParameter("probe_ids", "Enter a comma-separated list of probe ids.");
        }
        m.catchUp(now, runner, ledger);
        var arr = JsonNodeFactory.instance.arrayNode();
        m.latest(probeIds).forEach(arr::add);
        return Reply.ok(arr);
    }

    private Reply probe(String id) {
        for (Probe p : world.probes()) {
            if (String.valueOf(p.id()).equals(id)) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                ProbesPage.write(p, o);
                return Reply.ok(o);
            }
        }
        return ApiError.notFound();
    }

    private Reply expenses(long now) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode groups = out.putObject("groups");
        var owned = groups.putArray("owned_measurements");
        groups.putArray("billed_measurements");
        for (Measurement m : measurements.values()) {
            long perDay = m.resultsPerDay(now);
            if (perDay > 0) {
                owned.addObject().put("measurement_id", m.id()).put("estimated_participants", m.probeIds().size())
                        .put("estimated_daily_cost", perDay * m.creditsPerResult())
                        .put("next_day_running_time_seconds", 86_400);
            }
        }
        return Reply.ok(out);
    }

    private long dailyExpenditure(long now) {
        return measurements.values().stream().mapToLong(m -> m.resultsPerDay(now) * m.creditsPerResult()).sum();
    }

    // ---- small readers ----------------------------------------------------------------------------------------

    private Measurement measurement(String id) {
        try {
            return measurements.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The key as the API takes it: {@code Authorization: Key <key>}, or the {@code key} query parameter. */
    private static Optional<String> key(HttpExchange x, Map<String, String> q) {
        String h = x.getRequestHeaders().getFirst("Authorization");
        if (h != null && h.regionMatches(true, 0, "Key ", 0, 4)) {
            return Optional.of(h.substring(4).strip());
        }
        return Optional.ofNullable(q.get("key"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
