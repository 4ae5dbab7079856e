package net.nsglobal.dns.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/** SOA timers clamped as BIND does, retry backing off exponentially within the clamps. */
class RefreshTimersTest {
    static SOARecord soa(long refresh, long retry, long expire) {
        Name n = Name.fromConstantString("z.example.");
        return new SOARecord(n, DClass.IN, 60, n, n, 1, refresh, retry, expire, 60);
    }

    @Test
    void clampsAndBackoff() {
        RefreshTimers t = RefreshTimers.BIND_DEFAULTS;
        assertThat(t.refresh(soa(10, 10, 10))).isEqualTo(Duration.ofSeconds(300));
        assertThat(t.refresh(soa(3600, 10, 10))).isEqualTo(Duration.ofSeconds(3600));
        assertThat(t.refresh(soa(100_000_000, 10, 10))).isEqualTo(Duration.ofDays(28));
        assertThat(t.retry(soa(3600, 600, 10), 1)).isEqualTo(Duration.ofSeconds(600));
        assertThat(t.retry(soa(3600, 600, 10), 3)).isEqualTo(Duration.ofSeconds(2400));
        assertThat(t.retry(soa(3600, 600, 10), 40)).isEqualTo(Duration.ofDays(14));
        assertThat(t.retry(null, 1)).isEqualTo(Duration.ofSeconds(500));
        assertThat(t.expire(soa(1, 1, 60))).isEqualTo(Duration.ofDays(1));
    }
}
