package net.nsglobal.control.validate;

import net.nsglobal.config.Cidr;

import net.nsglobal.dns.config.AddressPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import net.nsglobal.dns.config.AddressPolicy.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private final AddressPolicy policy = new AddressPolicy(List.of(), List.of(Cidr.of("185.0.0.0/22"),
            Cidr.of("2a0b:4340::/32")));

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK",
            "10.0.0.1, PRIVATE", "172.16.5.5, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE", "fd00::1, PRIVATE",
            "169.254.1.1, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "100.64.0.1, CGNAT", "100.127.255.254, CGNAT",
            "224.0.0.1, MULTICAST", "239.1.1.1, MULTICAST", "ff02::1, MULTICAST",
            "192.0.2.1, DOCUMENTATION", "198.51.100.7, DOCUMENTATION", "203.0.113.9, DOCUMENTATION", "2001:db8::7, DOCUMENTATION",
            "0.0.0.0, RESERVED", "255.255.255.255, RESERVED", "240.0.0.1, RESERVED", "::, RESERVED",
            "185.0.1.2, OWN", "2a0b:4340::53, OWN",
            "::ffff:10.0.0.1, PRIVATE",
            "64:ff9b::a00:1, TRANSITION", "64:ff9b::808:808, TRANSITION", "64:ff9b:1::1, TRANSITION",
            "2002:c000:0201::1, TRANSITION", "2002:0808:0808::1, TRANSITION", "2001:0:4136:e378::1, TRANSITION",
            "::127.0.0.1, TRANSITION", "::8.8.8.8, TRANSITION", "::ffff:0:10.0.0.1, TRANSITION",
            "192.88.99.1, TRANSITION", "fec0::1, PRIVATE", "feff::1, PRIVATE", "100::1, RESERVED"})
    void refusesEveryClass(String address, Refusal expected) throws Exception {
        assertThat(policy.check(InetAddress.getByName(address))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700::1111", "185.0.4.1"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(policy.check(InetAddress.getByName(address))).isEmpty();
    }

    /** Every refused IPv4 range is refused in its IPv4-mapped form too (::ffff:a.b.c.d, RFC 4291 §2.5.5.2). */
    @ParameterizedTest
    @CsvSource({"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.0.1", "100.64.0.1", "224.0.0.1",
            "192.0.2.1", "198.51.100.1", "203.0.113.1", "0.0.0.1", "240.0.0.1", "192.0.0.1", "198.18.0.1",
            "192.88.99.1", "185.0.0.1"})
    void refusesMappedFormsOfEveryRefusedIpv4Range(String v4) throws Exception {
        byte[] four = InetAddress.getByName(v4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(four, 0, mapped, 12, 4);
        java.net.Inet6Address six = java.net.Inet6Address.getByAddress(null, mapped, -1); // stays 16 bytes
        assertThat(six.getAddress()).hasSize(16);
        assertThat(policy.check(six)).isEqualTo(policy.check(InetAddress.getByAddress(four))).isPresent();
    }

    @Test
    void allowListDoesNotOpenTranslatorsToIt() throws Exception {
        AddressPolicy lab = new AddressPolicy(List.of(Cidr.of("127.0.0.0/8")), List.of());
        assertThat(lab.check(InetAddress.getByName("64:ff9b::7f00:1"))).contains(Refusal.TRANSITION);
        assertThat(lab.check(InetAddress.getByName("::127.0.0.1"))).contains(Refusal.TRANSITION);
    }

    @Test
    void allowListOpensLabsButNeverOurOwnPrefixes() throws Exception {
        AddressPolicy lab = new AddressPolicy(List.of(Cidr.of("127.0.0.0/8"), Cidr.of("185.0.0.0/22")),
                List.of(Cidr.of("185.0.0.0/22")));
        assertThat(lab.check(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(lab.check(InetAddress.getByName("10.0.0.1"))).contains(Refusal.PRIVATE);
        assertThat(lab.check(InetAddress.getByName("185.0.0.1"))).contains(Refusal.OWN);
    }
}
