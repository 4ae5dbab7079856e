package net.nsglobal.te.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** Each check's verdicts against real servers: knotd for DNS, an HTTP /health like dns-node's, a TCP listener. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChecksTest {
    static final Duration TIMEOUT = Duration.ofMillis(500);
    /** The JDK HTTP client's first request loads a lot of classes: generous on a shared machine. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    @TempDir Path dir;

    @Test
    void dnsCheckIsHealthyOnlyForAnAuthoritativeSoaOfTheProbeZone() throws Exception {
        try (Knot knot = Knot.start(dir, new KnotConfig().zone("example.com.", Zones.text("example.com.", 1, 1)))) {
            assertThat(new DnsCheck(knot.address(), Name.fromString("example.com."), TIMEOUT).run().healthy()).isTrue();
            Verdict lost = new DnsCheck(knot.address(), Name.fromString("example.net."), TIMEOUT).run();
            assertThat(lost.healthy()).isFalse();
            assertThat(lost.detail()).contains("REFUSED");
            assertThat(new DnsCheck(knot.address(), null, TIMEOUT).run().healthy())
                    .as("CHAOS TXT hostname.bind answered by knotd's identity").isTrue();
        }
        Verdict closed = new DnsCheck(FreePorts.loopback(), Name.fromString("example.com."), TIMEOUT).run();
        assertThat(closed.healthy()).isFalse();
        assertThat(closed.detail()).contains("no answer");
    }

    /** A dns-node-shaped GET /health that answers {@code body} with {@code status}. */
    static HttpServer health(AtomicReference<String> body, int[] status) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/health", x -> {
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status[0], b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        s.start();
        return s;
    }

    @Test
    void zonesCheckReadsZonesExpiredFromTheNodesHealth() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(
                "{\"status\":\"ok\",\"role\":\"edge\",\"zones\":3,\"zones_expired\":0,\"zone_load_failures\":0}");
        int[] status = {200};
        HttpServer s = health(body, status);
        try {
            ZonesExpiredCheck strict = new ZonesExpiredCheck(s.getAddress(), 0, HTTP_TIMEOUT);
            ZonesExpiredCheck lenient = new ZonesExpiredCheck(s.getAddress(), 2, HTTP_TIMEOUT);
            Verdict fine = strict.run();
            assertThat(fine.healthy()).as("%s", fine).isTrue();
            body.set("{\"status\":\"ok\",\"zones\":3,\"zones_expired\":2}");
            Verdict v = strict.run();
            assertThat(v.healthy()).isFalse();
            assertThat(v.detail()).contains("2 zones expired");
            assertThat(lenient.run().healthy()).isTrue();
            body.set("{\"status\":\"ok\"}");
            assertThat(strict.run().detail()).contains("no zones_expired count");
            body.set("not json");
            assertThat(strict.run().healthy()).isFalse();
            status[0] = 503;
            body.set("{\"zones_expired\":0}");
            assertThat(strict.run().detail()).contains("HTTP 503");
        } finally {
            s.stop(0);
        }
        assertThat(new ZonesExpiredCheck(FreePorts.loopback(), 0, HTTP_TIMEOUT).run().detail()).contains("no answer");
    }

    @Test
    void collectorCheckFailsOnlyPastTheThreshold() throws Exception {
        TestClock clock = new TestClock();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress up = (InetSocketAddress) listening.getLocalSocketAddress();
            assertThat(new CollectorCheck(up, Duration.ofMinutes(5), TIMEOUT, clock).run().healthy()).isTrue();
        }
        CollectorCheck down = new CollectorCheck(FreePorts.loopback(), Duration.ofMinutes(5), TIMEOUT, clock);
        Verdict first = down.run();
        assertThat(first.healthy()).as("unreachable, but only just: %s", first).isTrue();
        assertThat(first.detail()).contains("unreachable");
        clock.advance(Duration.ofMinutes(5));
        assertThat(down.run().healthy()).as("at the threshold, not past it").isTrue();
        clock.advance(Duration.ofSeconds(1));
        Verdict past = down.run();
        assertThat(past.healthy()).isFalse();
        assertThat(past.detail()).contains("unreachable for 301s");
    }

    @Test
    void collectorCheckCountsFromTheFirstFailureAfterAGoodConnect() throws Exception {
        TestClock clock = new TestClock();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress at = (InetSocketAddress) listening.getLocalSocketAddress();
            CollectorCheck check = new CollectorCheck(at, Duration.ofMinutes(1), TIMEOUT, clock);
            listening.close();
            check.run();
            clock.advance(Duration.ofMinutes(2));
            assertThat(check.run().healthy()).isFalse();
            try (ServerSocket back = new ServerSocket(at.getPort(), 50, at.getAddress())) {
                assertThat(check.run().healthy()).isTrue();
                back.close();
                assertThat(check.run().healthy()).as("a new outage starts a new count").isTrue();
            }
        }
    }
}
