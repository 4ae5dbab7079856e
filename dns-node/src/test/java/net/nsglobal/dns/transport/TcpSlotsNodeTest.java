package net.nsglobal.dns.transport;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Black-box: who gets a TCP slot on a real Node when clients hold connections open (RFC 7766 §6.2.2–6.2.3). Clients
 * bind distinct loopback source addresses (127.0.0.0/8 is all loopback). A "held" connection sends nothing; a "busy"
 * one has pipelined many large queries and reads none of the answers, so the server is blocked writing to it — as in
 * the middle of a zone transfer to a slow edge.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TcpSlotsNodeTest {
    @TempDir Path dir;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(TcpServer::closeQuietly);
        nodes.forEach(Node::close);
    }

    private InetSocketAddress start(String serverExtra, String top) throws Exception {
        StringBuilder zone = new StringBuilder("""
                $ORIGIN t.example.
                $TTL 300
                @    IN SOA ns1 hostmaster 7 3600 900 1209600 300
                     IN NS  ns1
                ns1  IN A   192.0.2.1
                """);
        for (int i = 0; i < 200; i++) zone.append("big IN TXT \"").append(i).append("x".repeat(240)).append("\"\n");
        Files.writeString(dir.resolve("t.zone"), zone);
        Node n = Node.start(NodeConfig.parseYaml("""
                server:
                  listen: [127.0.0.1:0]
                  tcp-idle-timeout: 60s
                  %s
                zones: [ { name: t.example, file: t.zone } ]
                %s
                """.formatted(serverExtra, top), dir));
        nodes.add(n);
        return n.tcpAddresses().get(0);
    }

    /** A connection from {@code source}, kept open until the test ends. */
    private Socket connectFrom(String source, InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        clients.add(s);
        s.setReceiveBufferSize(4096);   // a small window: a client that stops reading blocks the server soon
        s.bind(new InetSocketAddress(source, 0));
        s.connect(server, 5000);
        s.setSoTimeout(30000);
        return s;
    }

    /** As {@link #connectFrom}, but a connection the server resets at once is null (a flood does not stop at that). */
    private Socket floodFrom(String source, InetSocketAddress server) {
        try {
            return connectFrom(source, server);
        } catch (IOException e) {
            return null;
        }
    }

    /** One query and its answer on an open connection; false if the server closed or reset it instead. */
    private static boolean answers(Socket s) {
        if (s == null) return false;
        try {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            write(out, query("t.example", Type.SOA).toWire());
            return soaSerial(read(new DataInputStream(s.getInputStream()))) == 7;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Pipelines {@code n} queries for the ~50 KB RRset and reads only the length of the first answer, so the server is
     * past the query and then blocked writing. Returns that length, or -1 if the server refused the connection.
     */
    private static int makeBusy(Socket s, int n) {
        if (s == null) return -1;
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream buf = new DataOutputStream(all);
            for (int i = 0; i < n; i++) {
                byte[] w = query("big.t.example", Type.TXT).toWire();
                buf.writeShort(w.length);
                buf.write(w);
            }
            s.getOutputStream().write(all.toByteArray());
            return new DataInputStream(s.getInputStream()).readUnsignedShort();
        } catch (IOException e) {
            return -1;
        }
    }

    /** True when the server closed (or reset) the connection: reads end without a whole answer. */
    private static boolean closedByServer(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;   // still open, the server just sent nothing
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Waits until the node has marked {@code n} public connections idle. A connection's thread marks it just after its
     * last write, so the client may read the answer before the mark; without this wait the order the connections were
     * answered in need not be the order they became idle (nor need any be idle yet). Bounded by the class timeout.
     */
    private void awaitIdle(int n) {
        Node node = nodes.get(nodes.size() - 1);
        Wait.until(n + " TCP connections are marked idle", Duration.ofSeconds(30),
                () -> node.metrics().get("dns_tcp_connections_idle").gauge().value() >= n);
    }

    @Test
    void oneSourceHoldingConnectionsOpenDoesNotLockOutAnother() throws Exception {
        // 64 slots, no transfer-acl (no reserve); per source the default, 16
        InetSocketAddress server = start("tcp-max-connections: 64", "");
        List<Socket> flood = new ArrayList<>();
        for (int i = 0; i < 64; i++) flood.add(floodFrom("127.0.0.2", server));

        Socket s = connectFrom("127.0.0.3", server);
        assertThat(answers(s)).as("a connection from 127.0.0.3 while 127.0.0.2 holds 64 open").isTrue();

        int served = 0;
        for (Socket f : flood) if (answers(f)) served++;
        assertThat(served).as("connections of 127.0.0.2 given a slot").isEqualTo(16);
    }

    @Test
    void publicFloodDoesNotKeepATransferSourceFromAxfr() throws Exception {
        // 48 slots, 32 of them (the default) reserved for the transfer-acl address 127.0.0.9
        InetSocketAddress server = start("tcp-max-connections: 48", "transfer-acl: { allow: [127.0.0.9/32] }");
        int busy = 0;
        for (int i = 1; i <= 48; i++) {   // 48 public sources, each with one connection the server is busy answering
            if (makeBusy(floodFrom("127.0.1." + i, server), 200) > 0) busy++;
        }
        ZoneTransferIn xfr = ZoneTransferIn.newAXFR(Name.fromString("t.example."), server, null);
        xfr.setLocalAddress(new InetSocketAddress("127.0.0.9", 0));
        xfr.setTimeout(Duration.ofSeconds(20));
        xfr.run();
        List<Record> records = xfr.getAXFR();
        assertThat(records.get(0)).isInstanceOf(SOARecord.class);
        assertThat(records).hasSize(204);   // SOA, NS, A, 200 TXT (the closing SOA is not listed)
        assertThat(busy).as("public connections given a slot: all but the reserve").isEqualTo(16);
    }

    @Test
    void whenFullTheLongestIdlePublicConnectionIsShedNeverABusyOne() throws Exception {
        InetSocketAddress server = start("tcp-max-connections: 4", "");
        Socket busy = connectFrom("127.0.0.2", server);   // the oldest, but busy answering
        int firstLength = makeBusy(busy, 200);
        assertThat(firstLength).isPositive();
        Socket idleLongest = connectFrom("127.0.0.3", server);
        assertThat(answers(idleLongest)).isTrue();
        awaitIdle(1);
        Socket idle2 = connectFrom("127.0.0.4", server);
        assertThat(answers(idle2)).isTrue();
        awaitIdle(2);
        Socket idle3 = connectFrom("127.0.0.5", server);
        assertThat(answers(idle3)).isTrue();
        awaitIdle(3);

        Socket newcomer = connectFrom("127.0.0.6", server);
        assertThat(answers(newcomer)).as("the newcomer is served although all 4 slots were taken").isTrue();
        assertThat(closedByServer(idleLongest)).as("the connection idle longest was closed").isTrue();
        assertThat(answers(idle2)).isTrue();
        assertThat(answers(idle3)).isTrue();

        // the busy one kept its slot: all 200 answers arrive whole
        DataInputStream in = new DataInputStream(busy.getInputStream());
        byte[] first = new byte[firstLength];
        in.readFully(first);
        assertThat(new Message(first).getRcode()).isEqualTo(Rcode.NOERROR);
        for (int i = 1; i < 200; i++) {
            Message m = read(in);
            assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(m.getSection(org.xbill.DNS.Section.ANSWER)).hasSize(200);
        }
    }
}
