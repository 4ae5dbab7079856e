package net.nsglobal.dashboard.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import net.nsglobal.dns.config.AddressPolicy.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private final AddressPolicy policy = new AddressPolicy(List.of(), List.of(Cidr.parse("185.0.0.0/22"),
            Cidr.parse("2a0b:4340::/32")));

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
            "::ffff:10.0.0.1, PRIVATE"})
    void refusesEveryClass(String address, Refusal expected) throws Exception {
        assertThat(policy.check(InetAddress.getByName(address))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700::1111", "185.0.4.1"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(policy.check(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void allowListOpensLabsButNeverOurOwnPrefixes() throws Exception {
        AddressPolicy lab = new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("185.0.0.0/22")),
                List.of(Cidr.parse("185.0.0.0/22")));
        assertThat(lab.check(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(lab.check(InetAddress.getByName("10.0.0.1"))).contains(Refusal.PRIVATE);
        assertThat(lab.check(InetAddress.getByName("185.0.0.1"))).contains(Refusal.OWN);
    }
}
