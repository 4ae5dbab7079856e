package net.nsglobal.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The slot rules on addresses that loopback cannot give a black-box test (several IPv6 networks): an IPv6 source is
 * its network of tcp-ipv6-prefix bits, transfer sources are not limited per source, and a slot is given back once
 * however often its connection ends.
 */
@Timeout(10)
class TcpSlotsTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void ipv6AddressesOfOneNetworkAreOneSource() throws Exception {
        TcpSlots slots = new TcpSlots(100, 2, 56, 0, a -> false);
        assertThat(slots.admit(ip("2001:db8:0:1::1"), null).slot()).isNotNull();
        assertThat(slots.admit(ip("2001:db8:0:ff:1:2:3:4"), null).slot()).isNotNull();   // same /56
        TcpSlots.Admission third = slots.admit(ip("2001:db8:0:7::9"), null);
        assertThat(third.slot()).isNull();
        assertThat(third.refusal()).isEqualTo(TcpSlots.Refusal.PER_SOURCE);
        assertThat(slots.admit(ip("2001:db8:0:100::1"), null).slot()).as("the next /56").isNotNull();
        assertThat(slots.admit(ip("192.0.2.1"), null).slot()).isNotNull();
        assertThat(slots.admit(ip("192.0.2.2"), null).slot()).as("IPv4: one address is one source").isNotNull();
        assertThat(TcpSlots.source(ip("2001:db8:aaaa:bbff:1::1"), 64)).isEqualTo(ip("2001:db8:aaaa:bbff::"));
        assertThat(TcpSlots.source(ip("2001:db8:aaaa:bbff:1::1"), 56)).isEqualTo(ip("2001:db8:aaaa:bb00::"));
    }

    @Test
    void transferSourcesAreNotLimitedPerSourceAndUseTheReserveFirst() throws Exception {
        TcpSlots slots = new TcpSlots(6, 1, 56, 2, a -> a.getHostAddress().equals("192.0.2.9"));
        for (int i = 0; i < 5; i++) assertThat(slots.admit(ip("192.0.2.9"), null).slot()).isNotNull();
        assertThat(slots.reservedInUse()).isEqualTo(2);
        assertThat(slots.admit(ip("192.0.2.1"), null).slot()).isNotNull();
        assertThat(slots.admit(ip("192.0.2.1"), null).refusal()).isEqualTo(TcpSlots.Refusal.PER_SOURCE);
    }

    @Test
    void aSlotIsGivenBackOnce() throws Exception {
        TcpSlots slots = new TcpSlots(2, 0, 56, 0, a -> false);
        TcpSlots.Slot a = slots.admit(ip("192.0.2.1"), null).slot();
        TcpSlots.Slot b = slots.admit(ip("192.0.2.2"), null).slot();
        b.busy();   // neither may be shed
        a.busy();
        assertThat(slots.admit(ip("192.0.2.3"), null).refusal()).isEqualTo(TcpSlots.Refusal.FULL);
        slots.release(a);
        slots.release(a);
        assertThat(slots.open()).isEqualTo(1);
        TcpSlots.Slot c = slots.admit(ip("192.0.2.3"), null).slot();
        assertThat(c).isNotNull();
        c.busy();
        assertThat(slots.admit(ip("192.0.2.4"), null).refusal()).as("the released slot was reused once").isEqualTo(TcpSlots.Refusal.FULL);
    }

    @Test
    void idleCountsThePublicConnectionsThatMayBeShed() throws Exception {
        TcpSlots slots = new TcpSlots(4, 0, 56, 1, a -> a.getHostAddress().equals("192.0.2.9"));
        slots.admit(ip("192.0.2.9"), null);   // reserved: never shed, not counted
        TcpSlots.Slot a = slots.admit(ip("192.0.2.1"), null).slot();
        TcpSlots.Slot b = slots.admit(ip("192.0.2.2"), null).slot();
        assertThat(slots.idlePublic()).as("new connections wait for their first query").isEqualTo(2);
        a.busy();
        b.busy();
        assertThat(slots.idlePublic()).isZero();
        a.idle();
        assertThat(slots.idlePublic()).isEqualTo(1);
        slots.admit(ip("192.0.2.3"), null);
        TcpSlots.Admission d = slots.admit(ip("192.0.2.4"), null);
        assertThat(d.shed()).as("the idle one made room").isSameAs(a);
        d.slot().busy();
        assertThat(slots.idlePublic()).as("c still waits for its first query; a is gone, d busy").isEqualTo(1);
    }
}
