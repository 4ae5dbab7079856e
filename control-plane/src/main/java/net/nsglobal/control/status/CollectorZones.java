package net.nsglobal.control.status;

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
 * Asks the collector's HTTP endpoint ({@code GET /zones/NAME}, dns-node's {@code server.http}) why it refused a zone:
 * a catalog-listed primary the address policy refused, or a version beyond the zone limits or the memory budget. The
 * collector answers the zone REFUSED (or keeps its previous version) either way; only this says why.
 */
public final class CollectorZones {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public CollectorZones(InetSocketAddress http, Duration timeout) {
        String host = http.getAddress().getHostAddress();
        this.base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + http.getPort() + "/zones/");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** The collector's refusal of {@code domain} (e.g. "zone x. refused: 6 records exceed …"), or null. */
    public String refusal(String domain) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(domain)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return null; // 404: the collector has nothing to say about it
            JsonNode refused = JSON.readTree(r.body()).get("refused");
            return refused == null || refused.isNull() ? null : refused.asText();
        } catch (IOException e) {
            return null; // the status page still shows what DNS says
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
