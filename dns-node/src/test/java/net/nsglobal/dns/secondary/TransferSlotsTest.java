package net.nsglobal.dns.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Slots are shared per primary network (IPv4 address, IPv6 /64), and a freed slot goes to the primary waiting with fewer. */
@Timeout(10)
class TransferSlotsTest {
    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void oneIpv6Slash64IsOnePrimary() throws Exception {
        TransferSlots slots = new TransferSlots(2, 10);
        assertThat(slots.tryAcquire(ip("2001:db8:1:2::1"))).isTrue();
        assertThat(slots.tryAcquire(ip("2001:db8:1:2::ffff:1"))).isTrue();
        assertThat(slots.tryAcquire(ip("2001:db8:1:2:dead:beef:0:1"))).as("third address of the same /64").isFalse();
        assertThat(slots.tryAcquire(ip("2001:db8:1:3::1"))).as("the next /64").isTrue();
        assertThat(slots.tryAcquire(ip("192.0.2.1"))).isTrue();
        assertThat(slots.tryAcquire(ip("192.0.2.2"))).as("IPv4: one address is one primary").isTrue();
        assertThat(slots.running(ip("2001:db8:1:2::9"))).isEqualTo(2);
    }

    @Test
    void aFreedSlotGoesToTheWaitingPrimaryHoldingFewer() throws Exception {
        TransferSlots slots = new TransferSlots(2, 2); // one primary may fill every slot when nobody else waits
        InetAddress hostile = ip("192.0.2.1");
        InetAddress other = ip("198.51.100.1");
        assertThat(slots.tryAcquire(hostile)).isTrue();
        assertThat(slots.tryAcquire(hostile)).isTrue();
        assertThat(slots.tryAcquire(other)).isFalse(); // full: the other primary now waits
        slots.release(hostile); // e.g. cut at transfer-duration
        assertThat(slots.tryAcquire(hostile)).as("hostile holds 1, other waits holding 0").isFalse();
        assertThat(slots.tryAcquire(other)).isTrue();
        assertThat(slots.running(hostile)).isEqualTo(1);
        assertThat(slots.running(other)).isEqualTo(1);
    }
}
