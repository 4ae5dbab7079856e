package net.nsglobal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FreePortsTest {
    @Test
    void aFreePortCanBeBoundForTcpAndUdpOnLoopback() throws Exception {
        int port = FreePorts.tcpUdp();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket(port, 1, lo);
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port))) {
            assertThat(tcp.getLocalPort()).isEqualTo(port);
            assertThat(udp.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void distinctPortsAreDistinct() {
        int[] ports = FreePorts.distinct(8);
        assertThat(ports).hasSize(8);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(8);
        assertThat(Arrays.stream(ports).allMatch(p -> p > 0 && p < 65536)).isTrue();
    }
}
