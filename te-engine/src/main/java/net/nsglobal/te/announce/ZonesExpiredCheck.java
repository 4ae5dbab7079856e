package net.nsglobal.te.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Has the dns-node let zones expire? A secondary whose primaries stayed unreachable past a zone's SOA expire answers
 * SERVFAIL for it (RFC 1035 §3.3.13); a site doing that should not attract traffic other sites answer. The node says so
 * itself: {@code GET /health} on its HTTP endpoint carries {@code zones_expired} (the count of expired zones), so this
 * reads that instead of querying every zone's SOA. Healthy while the count is at most {@code allowed}; an endpoint that
 * does not answer, or answers without the count, is unhealthy (the node cannot vouch for its zones).
 *
 * <p>Every site secondaries the same zones from the same primaries, so a primary outage long enough to expire them
 * expires them everywhere: with {@code allowed} 0 every site would then withdraw. That is the answer the fleet gives
 * for those zones anyway (SERVFAIL), but operators who would rather keep the other zones served set {@code allowed}
 * higher.
 */
public final class ZonesExpiredCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI health;
    private final int allowed;
    private final Duration timeout;
    private final HttpClient http;

    public ZonesExpiredCheck(InetSocketAddress nodeHttp, int allowed, Duration timeout) {
        this.health = URI.create("http://" + hostPort(nodeHttp) + "/health");
        this.allowed = allowed;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    @Override
    public String name() {
        return "zones";
    }

    @Override
    public Verdict run() {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(health).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Verdict.unhealthy(name(), health + ": no answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.unhealthy(name(), health + ": interrupted");
        }
        if (r.statusCode() != 200) return Verdict.unhealthy(name(), health + ": HTTP " + r.statusCode());
        JsonNode expired;
        try {
            expired = JSON.readTree(r.body()).get("zones_expired");
        } catch (IOException e) {
            return Verdict.unhealthy(name(), health + ": not JSON (" + e.getMessage() + ")");
        }
        if (expired == null || !expired.isIntegralNumber()) {
            return Verdict.unhealthy(name(), health + ": no zones_expired count in " + r.body().strip());
        }
        long n = expired.asLong();
        return n <= allowed ? Verdict.healthy(name(), n + " zones expired (at most " + allowed + " allowed)")
                : Verdict.unhealthy(name(), n + " zones expired (at most " + allowed + " allowed)");
    }
}
