package net.nsglobal.dns.http;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** /metrics (Prometheus), /health and POST /reload on a running node. */
class HttpEndpointsTest {
    @TempDir Path dir;
    private Node node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        writeZone(dir.resolve("m.zone"), "m.example", 11);
        node = Node.start(NodeConfig.parseYaml("""
                server: { listen: 127.0.0.1:0, http: 127.0.0.1:0, reload-interval: 0 }
                identity: { nsid: metrics1 }
                zones: [ { name: m.example, file: m.zone } ]
                """, dir));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpAddress().getPort() + path);
    }

    @Test
    void metricsCountQueriesByTransportRcodeAndQtype() throws Exception {
        udp(node.dnsAddress(), query("m.example", Type.SOA));
        udp(node.dnsAddress(), query("www.m.example", Type.AAAA));
        tcp(node.dnsAddress(), query("nx.m.example", Type.A));
        udp(node.dnsAddress(), query("elsewhere.example", Type.A));
        tcp(node.dnsAddress(), query("m.example", 65000));   // no mnemonic: counted as OTHER (bounded cardinality)
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("dns_queries_total{qtype=\"SOA\",transport=\"udp\"} 1.0")
                .contains("dns_queries_total{qtype=\"AAAA\",transport=\"udp\"} 1.0")
                .contains("dns_queries_total{qtype=\"A\",transport=\"tcp\"} 1.0")
                .contains("dns_responses_total{rcode=\"NOERROR\",transport=\"udp\"} 2.0")
                .contains("dns_responses_total{rcode=\"NXDOMAIN\",transport=\"tcp\"} 1.0")
                .contains("dns_queries_total{qtype=\"OTHER\",transport=\"tcp\"} 1.0")
                .contains("dns_responses_total{rcode=\"NOERROR\",transport=\"tcp\"} 1.0")
                .contains("dns_responses_total{rcode=\"REFUSED\",transport=\"udp\"} 1.0")
                .contains("dns_zones_loaded 1.0")
                .contains("# TYPE dns_response_size_bytes histogram")
                .contains("dns_response_size_bytes_count{transport=\"udp\"} 3")
                .contains("dns_response_size_bytes_bucket{transport=\"udp\",le=\"512.0\"} 3")
                .contains("dns_tcp_connections ");
    }

    @Test
    void healthSaysOkWithTheZoneCount() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"zones\":1");
    }

    @Test
    void postReloadReportsBadFilesAndKeepsServing() throws Exception {
        assertThat(get("/reload").statusCode()).isEqualTo(405);
        Files.writeString(dir.resolve("m.zone"), "$ORIGIN m.example.\n@ IN SOA broken\n");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"ok\":false").contains("m.zone:").contains("expected a name").contains("\"errors\":1");
        assertThat(soaSerial(udp(node.dnsAddress(), query("m.example", Type.SOA)))).isEqualTo(11);
        assertThat(get("/metrics").body()).contains("dns_zone_load_failures_total 1.0");
    }
}
