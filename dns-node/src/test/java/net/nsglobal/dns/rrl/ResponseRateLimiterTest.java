package net.nsglobal.dns.rrl;

import static net.nsglobal.dns.rrl.ResponseRateLimiter.Decision.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.nsglobal.dns.config.RateLimit;
import org.junit.jupiter.api.Test;

class ResponseRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    private ResponseRateLimiter limiter(int rate, int slip) {
        return new ResponseRateLimiter(new RateLimit(rate, slip, 24, 56, 1024), now::get);
    }

    private static List<ResponseRateLimiter.Decision> run(ResponseRateLimiter l, String client, long cls, int n) throws Exception {
        List<ResponseRateLimiter.Decision> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(l.account(InetAddress.getByName(client), cls));
        return out;
    }

    @Test
    void withinTheRateEverythingIsSentThenEverySlipThIsTruncated() throws Exception {
        ResponseRateLimiter l = limiter(5, 2);
        assertThat(run(l, "192.0.2.1", 7, 11)).containsExactly(SEND, SEND, SEND, SEND, SEND, DROP, SLIP, DROP, SLIP, DROP, SLIP);
        assertThat(l.dropped()).isEqualTo(3);
        assertThat(l.slipped()).isEqualTo(3);
    }

    @Test
    void creditComesBackWithTimeUpToOneSecondsWorth() throws Exception {
        ResponseRateLimiter l = limiter(10, 0);
        assertThat(run(l, "192.0.2.1", 7, 12)).filteredOn(d -> d == SEND).hasSize(10);
        now.addAndGet(300);                                     // 0.3 s: 3 responses' worth
        assertThat(run(l, "192.0.2.1", 7, 5)).containsExactly(SEND, SEND, SEND, DROP, DROP);
        now.addAndGet(60_000);                                  // a long pause refills to the rate, not beyond
        assertThat(run(l, "192.0.2.1", 7, 12)).filteredOn(d -> d == SEND).hasSize(10);
    }

    @Test
    void aClientNetworkIsOneAccountAndOtherNetworksAndClassesAreOthers() throws Exception {
        ResponseRateLimiter l = limiter(3, 0);
        assertThat(run(l, "192.0.2.1", 7, 3)).containsOnly(SEND);
        assertThat(run(l, "192.0.2.200", 7, 1)).containsExactly(DROP);        // same /24
        assertThat(run(l, "192.0.3.1", 7, 3)).containsOnly(SEND);            // another /24
        assertThat(run(l, "192.0.2.1", 8, 3)).containsOnly(SEND);            // another response class
        assertThat(run(l, "2001:db8:0:1::1", 7, 3)).containsOnly(SEND);
        assertThat(run(l, "2001:db8:0:1:ffff::9", 7, 1)).containsExactly(DROP);  // same /56
        assertThat(run(l, "2001:db8:0:100::1", 7, 3)).containsOnly(SEND);       // another /56
    }

    @Test
    void prefixZeroPutsEveryClientInOneAccount() throws Exception {
        ResponseRateLimiter l = new ResponseRateLimiter(new RateLimit(2, 0, 0, 0, 64), now::get);
        assertThat(run(l, "192.0.2.1", 7, 2)).containsOnly(SEND);
        assertThat(run(l, "198.51.100.1", 7, 1)).containsExactly(DROP);
    }
}
