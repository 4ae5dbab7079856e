package net.nsglobal.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {
    @Test
    void printsAsConfigured() {
        assertThat(Addresses.format(new InetSocketAddress("127.0.0.1", 5300))).isEqualTo("127.0.0.1:5300");
        assertThat(Addresses.format(new InetSocketAddress("::1", 5300))).isEqualTo("[::1]:5300");
        assertThat(Addresses.format(new InetSocketAddress("2001:db8:0:0:1:0:0:1", 53))).isEqualTo("[2001:db8::1:0:0:1]:53");
        assertThat(Addresses.format(new InetSocketAddress("::", 53))).isEqualTo("[::]:53");
        assertThat(Addresses.format(List.of(new InetSocketAddress("10.0.0.1", 1), new InetSocketAddress("fe80::1", 2))))
                .isEqualTo("10.0.0.1:1, [fe80::1]:2");
        assertThat(Addresses.format((InetSocketAddress) null)).isEqualTo("off");
    }
}
