package net.nsglobal.dns.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's operator endpoints on the {@code server.http} address (JDK HTTP server: no extra dependency on the
 * DNS hot path): {@code GET /metrics} (Prometheus text format), {@code GET /health} (JSON; 200 when serving),
 * {@code POST /reload} (re-reads changed zone files now; JSON result), {@code GET /zones} (refused zones and the memory
 * budget, JSON) and {@code GET /zones/NAME} (one zone: serial, expired, why it was refused; 404 when unknown).
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);

    /** What the endpoints need from the node. */
    public interface Node {
        /** Prometheus exposition text (register lazily-created meters first). */
        String scrape();
        /** The /health body (JSON object). */
        String health();
        /** Reloads zone files now; returns a JSON object describing the outcome. */
        String reload();
        /** The /zones body (JSON object). */
        default String zones() { return "{}\n"; }
        /** The /zones/NAME body (JSON object), or null when the node neither serves nor refused the zone. */
        default String zone(String name) { return null; }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoints(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HttpEndpoints start(InetSocketAddress address, Node node) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new IOException("http " + address + ": " + e.getMessage(), e);
        }
        ExecutorService ex = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-" + address);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(ex);
        server.createContext("/metrics", x -> respond(x, "GET", "text/plain; version=0.0.4; charset=utf-8", node::scrape));
        server.createContext("/health", x -> respond(x, "GET", "application/json", node::health));
        server.createContext("/reload", x -> respond(x, "POST", "application/json", node::reload));
        server.createContext("/zones", x -> {
            String path = x.getRequestURI().getPath();
            if (path.equals("/zones") || path.equals("/zones/")) {
                respond(x, "GET", "application/json", node::zones);
                return;
            }
            String body = node.zone(path.substring("/zones/".length()));
            if (body == null) send(x, 404, "application/json", "{\"error\":\"no such zone\"}\n");
            else respond(x, "GET", "application/json", () -> body);
        });
        server.createContext("/", x -> send(x, 404, "text/plain",
                "not found: try /metrics, /health, POST /reload, /zones, /zones/NAME\n"));
        server.start();
        return new HttpEndpoints(server, ex);
    }

    /** Convenience for the node: Prometheus text of a registry. */
    public static String scrape(PrometheusMeterRegistry registry) {
        return registry.scrape();
    }

    public InetSocketAddress localAddress() { return server.getAddress(); }

    private static void respond(HttpExchange x, String method, String type, Supplier<String> body) throws IOException {
        try {
            if (!x.getRequestMethod().equalsIgnoreCase(method)
                    && !(method.equals("GET") && x.getRequestMethod().equalsIgnoreCase("HEAD"))) {
                x.getResponseHeaders().add("Allow", method);
                send(x, 405, "text/plain", "use " + method + "\n");
                return;
            }
            send(x, 200, type, body.get());
        } catch (RuntimeException e) {
            log.error("component=http path={} failed", x.getRequestURI(), e);
            send(x, 500, "text/plain", "internal error\n");
        }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        boolean head = x.getRequestMethod().equalsIgnoreCase("HEAD");
        x.sendResponseHeaders(status, head ? -1 : b.length);
        try (OutputStream os = x.getResponseBody()) {
            if (!head) os.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
