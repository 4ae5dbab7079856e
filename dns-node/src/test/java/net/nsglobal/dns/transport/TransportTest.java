package net.nsglobal.dns.transport;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The UDP and TCP servers on their own (RFC 1035 §4.2, RFC 7766), with a stand-in answering stage so that transport
 * behaviour is tested independently of the query engine.
 */
@Timeout(120)
class TransportTest {
    private UdpServer udpServer;
    private TcpServer tcpServer;

    @AfterEach
    void stop() {
        if (udpServer != null) udpServer.close();
        if (tcpServer != null) tcpServer.close();
    }

    /** Starts both servers on one free port; returns its address. */
    private InetSocketAddress startServers(int maxConnections, Duration idle) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueryHandler handler = new QueryHandler(new Pipeline(List.of(new EchoStage())), new QueryMetrics(registry));
        TcpLimits limits = new TcpLimits(maxConnections, idle, 100, registry);
        for (int attempt = 0; ; attempt++) {   // the free UDP port may be taken for TCP (as Node does: retry)
            udpServer = UdpServer.start(new InetSocketAddress("127.0.0.1", 0), 1, handler);
            try {
                tcpServer = TcpServer.start(udpServer.localAddress(), handler, limits);
                return udpServer.localAddress();
            } catch (IOException e) {
                udpServer.close();
                if (attempt >= 20) throw e;
            }
        }
    }

    /** True when {@code m} is the stand-in stage's answer. */
    private static boolean answered(Message m) {
        return m.getRcode() == Rcode.NOERROR && m.getSection(org.xbill.DNS.Section.ANSWER).size() == 1;
    }

    @Test
    void severalQueriesPerConnectionAndPipelining() throws Exception {
        InetSocketAddress a = startServers(256, Duration.ofSeconds(10));
        try (Socket s = new Socket()) {
            s.connect(a);
            s.setSoTimeout(10000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            // three queries in one write (RFC 7766 §6.2.1.1)
            Message[] qs = {query("t.example", Type.SOA), query("www.t.example", Type.A), query("nx.t.example", Type.A)};
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            DataOutputStream buf = new DataOutputStream(all);
            for (Message q : qs) {
                byte[] w = q.toWire();
                buf.writeShort(w.length);
                buf.write(w);
            }
            out.write(all.toByteArray());
            out.flush();
            for (Message q : qs) {
                Message r = read(in);
                assertThat(r.getHeader().getID()).isEqualTo(q.getHeader().getID());
                assertThat(r.getQuestion()).isEqualTo(q.getQuestion());
            }
            // and the connection stays usable for more
            write(out, query("t.example", Type.NS).toWire());
            assertThat(read(in).getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void idleConnectionIsClosedByTheServer() throws Exception {
        InetSocketAddress a = startServers(256, Duration.ofMillis(200));
        try (Socket s = new Socket()) {
            s.connect(a);
            s.setSoTimeout(30000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            write(out, query("t.example", Type.SOA).toWire());
            assertThat(answered(read(new DataInputStream(s.getInputStream())))).isTrue();
            out.write(0);   // half a length prefix, then silence: a slow drip does not keep it open
            out.flush();
            assertThat(readUntilClosed(s.getInputStream())).isEqualTo(-1);
        }
    }

    @Test
    void connectionLimitRefusesExtraConnectionsWhenNoneIsIdle() throws Exception {
        InetSocketAddress a = startServers(2, Duration.ofSeconds(30));
        try (Socket s1 = openSmallWindow(a); Socket s2 = openSmallWindow(a)) {
            // both slots are taken by connections the server is busy answering (their client reads nothing):
            // no idle connection to shed
            for (Socket s : new Socket[] {s1, s2}) {
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                DataOutputStream buf = new DataOutputStream(all);
                for (int i = 0; i < 200; i++) write(buf, query("big.t.example", Type.TXT).toWire());
                s.getOutputStream().write(all.toByteArray());
                assertThat(s.getInputStream().read()).as("the server started answering").isNotNegative();
            }
            boolean refused;
            try (Socket s3 = open(a)) {
                write(new DataOutputStream(s3.getOutputStream()), query("t.example", Type.SOA).toWire());
                refused = readUntilClosed(s3.getInputStream()) == -1;
            } catch (IOException e) {
                refused = true;   // reset by the server
            }
            assertThat(refused).as("third connection is closed without an answer").isTrue();
        }
        // slots are given back when connections close: a new one is served (retried: the close is asynchronous)
        Message answer = Wait.until("a new connection is served once the slots are given back",
                Duration.ofSeconds(10), () -> tcp(a, query("t.example", Type.SOA)), java.util.Objects::nonNull);
        assertThat(answer).isNotNull();
        assertThat(answered(answer)).isTrue();
    }

    @Test
    void clientThatStopsReadingIsDisconnected() throws Exception {
        // 2 s, not less: the first reconnect below must come before the server gives up on the stalled client, even
        // when this thread is descheduled for a while on a loaded machine.
        InetSocketAddress a = startServers(1, Duration.ofSeconds(2));
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(a, 5000);
            stalled.setSoTimeout(30000);
            DataOutputStream out = new DataOutputStream(stalled.getOutputStream());
            write(out, query("t.example", Type.SOA).toWire());
            assertThat(answered(read(new DataInputStream(stalled.getInputStream())))).isTrue();   // holds the one slot
            Thread flood = new Thread(() -> {
                try {
                    for (int i = 0; i < 400; i++) write(out, query("big.t.example", Type.TXT).toWire());
                } catch (IOException e) {
                    // closed by the server: expected
                }
            });
            flood.setDaemon(true);
            flood.start();
            // the first big answer is under way: the server is busy writing it, so the slot is not shed
            assertThat(stalled.getInputStream().read()).isNotNegative();
            // ~24 MB of answers nobody reads: the server's write blocks, and after the idle timeout it gives up
            boolean[] refusedOnce = {false};
            Message answer = Wait.until("the server frees the slot of the stalled client", Duration.ofSeconds(30), () -> {
                try {
                    return tcp(a, query("t.example", Type.SOA));
                } catch (IOException e) {
                    refusedOnce[0] = true;
                    throw e;
                }
            }, java.util.Objects::nonNull);
            boolean refused = refusedOnce[0];
            assertThat(refused).as("the stalled client held the only slot for a while").isTrue();
            assertThat(answer).as("the slot was freed").isNotNull();
        }
    }

    @Test
    void severalUdpWorkersShareOnePort() throws Exception {
        QueryHandler handler = new QueryHandler(new Pipeline(List.of(new EchoStage())),
                new QueryMetrics(new SimpleMeterRegistry()));
        try (UdpServer workers = UdpServer.start(new InetSocketAddress("127.0.0.1", 0), 3, handler)) {
            for (int i = 0; i < 30; i++) {   // each from a fresh source port: the kernel spreads them over the sockets
                assertThat(answered(udp(workers.localAddress(), query("w" + i + ".t.example", Type.A)))).isTrue();
            }
        }
    }

    @Test
    void responsesAreNeverAnsweredAndBadInputIsNotFatal() throws Exception {
        InetSocketAddress a = startServers(256, Duration.ofSeconds(10));
        Message q = query("t.example", Type.SOA);
        q.getHeader().setFlag(Flags.QR);
        try (java.net.DatagramSocket s = new java.net.DatagramSocket()) {
            s.setSoTimeout(300);
            byte[] w = q.toWire();
            s.send(new java.net.DatagramPacket(w, w.length, a));
            s.send(new java.net.DatagramPacket(new byte[3], 3, a));
            assertThat(receiveOrNull(s)).as("no reply to QR=1 or to 3 bytes").isNull();
        }
        assertThat(answered(udp(a, query("t.example", Type.SOA)))).isTrue();
    }

    private static Socket open(InetSocketAddress a) throws IOException {
        Socket s = new Socket();
        s.connect(a, 5000);
        s.setSoTimeout(30000);
        return s;
    }

    /** A connection whose small receive window fills soon when the client stops reading. */
    private static Socket openSmallWindow(InetSocketAddress a) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(a, 5000);
        s.setSoTimeout(30000);
        return s;
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        try {
            int b;
            while ((b = in.read()) >= 0) { /* drain */ }
            return b;
        } catch (java.net.SocketException e) {
            return -1;   // connection reset also means closed
        }
    }

    private static byte[] receiveOrNull(java.net.DatagramSocket s) throws IOException {
        try {
            java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[512], 512);
            s.receive(p);
            return p.getData();
        } catch (java.net.SocketTimeoutException e) {
            return null;
        }
    }
}
