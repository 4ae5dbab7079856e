package net.nsglobal.dns.transport;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Black-box: a real Node on free ports, spoken to over UDP and TCP, IPv4 and IPv6 (RFC 1035 §4.2, RFC 7766). */
class NodeTransportTest {
    @TempDir Path dir;
    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
    }

    private Node start(String serverExtra) throws Exception {
        writeZone(dir.resolve("t.zone"), "t.example", 7);
        NodeConfig cfg = NodeConfig.parseYaml("""
                server:
                  listen: [127.0.0.1:0, "[::1]:0"]
                  %s
                identity: { nsid: test1 }
                zones: [ { name: t.example, file: t.zone } ]
                """.formatted(serverExtra), dir);
        Node n = Node.start(cfg);
        nodes.add(n);
        return n;
    }

    @Test
    void answersOverUdpAndTcpOnIpv4AndIpv6() throws Exception {
        Node n = start("");
        assertThat(n.udpAddresses()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            InetSocketAddress u = n.udpAddresses().get(i);
            InetSocketAddress t = n.tcpAddresses().get(i);
            assertThat(t.getPort()).isEqualTo(u.getPort()).isNotZero();
            Message ru = udp(u, query("t.example", Type.SOA));
            assertThat(ru.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(ru.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(soaSerial(ru)).isEqualTo(7);
            Message rt = tcp(t, query("t.example", Type.SOA));
            assertThat(soaSerial(rt)).isEqualTo(7);
        }
        assertThat(n.udpAddresses().get(1).getAddress()).isInstanceOf(java.net.Inet6Address.class);
    }

    @Test
    void closeReleasesThePortsAndIsIdempotent() throws Exception {
        Node n = start("");
        InetSocketAddress a = n.udpAddresses().get(0);
        n.close();
        n.close();
        // the same port binds again: sockets are really closed
        Node again = Node.start(NodeConfig.parseYaml("""
                server: { listen: "127.0.0.1:%d" }
                zones: [ { name: t.example, file: t.zone } ]
                """.formatted(a.getPort()), dir));
        nodes.add(again);
        assertThat(soaSerial(tcp(again.tcpAddresses().get(0), query("t.example", Type.SOA)))).isEqualTo(7);
    }

}
