package net.nsglobal.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.nsglobal.dns.config.UdpIo;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.query.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Both UDP paths, batched (recvmmsg/sendmmsg) and NIO, must behave alike: every query of a burst answered to its own
 * sender, the client's address right for the stages that use it, the largest datagrams whole, responses (QR=1)
 * ignored without disturbing the rest of a batch, and close() freeing the port.
 */
class UdpIoTest {
    private UdpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    /** Answers TXT "ADDRESS PORT" of the client as the server saw it; "big." names get a ~60 KB answer. */
    private static final Stage REMOTE_ECHO = ctx -> {
        Message q = ctx.message();
        if (q == null || q.getHeader().getFlag(Flags.QR) || q.getQuestion() == null) return Verdict.DROP;
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        InetSocketAddress from = ctx.remote();
        r.addRecord(new TXTRecord(q.getQuestion().getName(), 1, 60, from.getAddress().getHostAddress() + " " + from.getPort()),
                Section.ANSWER);
        if (q.getQuestion().getName().toString().startsWith("big.")) {
            for (int i = 0; i < 230; i++) {
                r.addRecord(new TXTRecord(q.getQuestion().getName(), 1, 60, "x".repeat(250)), Section.ADDITIONAL);
            }
        }
        return ctx.respond(r.toWire(), Rcode.NOERROR);
    };

    private InetSocketAddress start(UdpIo io, String address) throws Exception {
        QueryHandler handler = new QueryHandler(new Pipeline(List.of(REMOTE_ECHO)), new QueryMetrics(new SimpleMeterRegistry()));
        server = UdpServer.start(new InetSocketAddress(address, 0), 1, io, handler);
        assertThat(server.io()).isEqualTo(io);
        return server.localAddress();
    }

    private static Message query(String name, int type, int id) throws Exception {
        Message q = Message.newQuery(org.xbill.DNS.Record.newRecord(org.xbill.DNS.Name.fromString(name), type, 1));
        q.getHeader().setID(id);
        return q;
    }

    private static void send(DatagramSocket d, Message q, InetSocketAddress to) throws Exception {
        byte[] w = q.toWire();
        d.send(new DatagramPacket(w, w.length, to));
    }

    private static Message receive(DatagramSocket d) throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        d.receive(p);
        return new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
    }

    @Test
    void theNativeLibraryIsBuiltAndLoads() {
        // scripts/test.sh installs gcc; without it the node would fall back to NIO and the benchmark path goes untested
        assertThat(UdpServer.batchedUnavailableReason()).as("why batched UDP is unavailable").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = {"BATCHED", "NIO"})
    void aBurstFromManySendersIsAnsweredToEachSender(UdpIo io) throws Exception {
        InetSocketAddress a = start(io, "127.0.0.1");
        int senders = 6, perSender = 100;
        List<DatagramSocket> socks = new ArrayList<>();
        try {
            for (int s = 0; s < senders; s++) {
                DatagramSocket d = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                d.setReceiveBufferSize(1 << 20);
                d.setSoTimeout(5000);
                socks.add(d);
            }
            // all queries first, so that the server finds many queued at once (one batch holds several senders)
            for (int i = 0; i < perSender; i++) {
                for (int s = 0; s < senders; s++) {
                    send(socks.get(s), query("q" + i + ".s" + s + ".example.", Type.TXT, s * 1000 + i), a);
                }
            }
            for (int s = 0; s < senders; s++) {
                DatagramSocket d = socks.get(s);
                Set<Integer> ids = new HashSet<>();
                for (int i = 0; i < perSender; i++) {
                    Message r = receive(d);
                    ids.add(r.getHeader().getID());
                    String txt = ((TXTRecord) r.getSection(Section.ANSWER).get(0)).getStrings().get(0);
                    assertThat(txt).isEqualTo("127.0.0.1 " + d.getLocalPort());
                    assertThat(r.getQuestion().getName().toString()).endsWith(".s" + s + ".example.");
                }
                int sender = s;
                assertThat(ids).hasSize(perSender).allMatch(id -> id / 1000 == sender);
            }
        } finally {
            socks.forEach(DatagramSocket::close);
        }
    }

    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = {"BATCHED", "NIO"})
    void ipv6ClientsAddressAndTheLargestDatagramsArriveWhole(UdpIo io) throws Exception {
        InetSocketAddress a = start(io, "::1");
        try (DatagramSocket d = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            d.setSoTimeout(5000);
            send(d, query("big.example.", Type.TXT, 1), a);
            Message r = receive(d);
            assertThat(r.toWire().length).isGreaterThan(58_000);
            assertThat(r.getSection(Section.ADDITIONAL)).hasSize(230);
            String txt = ((TXTRecord) r.getSection(Section.ANSWER).get(0)).getStrings().get(0);
            assertThat(InetAddress.getByName(txt.split(" ")[0])).isEqualTo(InetAddress.getByName("::1"));
            assertThat(txt.split(" ")[1]).isEqualTo(String.valueOf(d.getLocalPort()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = {"BATCHED", "NIO"})
    void responsesAreIgnoredAndTheRestOfTheBatchIsAnswered(UdpIo io) throws Exception {
        InetSocketAddress a = start(io, "127.0.0.1");
        try (DatagramSocket d = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            d.setSoTimeout(1000);
            for (int i = 0; i < 20; i++) {
                Message q = query("n" + i + ".example.", Type.A, i);
                if (i % 2 == 1) q.getHeader().setFlag(Flags.QR);   // a response: RFC 1035 §4.1.1, never answered
                send(d, q, a);
            }
            d.send(new DatagramPacket(new byte[5], 5, a));            // no header at all
            Set<Integer> ids = new HashSet<>();
            try {
                while (true) ids.add(receive(d).getHeader().getID());
            } catch (SocketTimeoutException done) {
                // nothing more is coming
            }
            assertThat(ids).containsExactlyInAnyOrder(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        }
    }

    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = {"BATCHED", "NIO"})
    void closeStopsTheWorkerAndFreesThePort(UdpIo io) throws Exception {
        InetSocketAddress a = start(io, "127.0.0.1");
        server.close();
        server = null;
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("udp-" + a));
        try (DatagramSocket again = new DatagramSocket(a)) {
            assertThat(again.getLocalPort()).isEqualTo(a.getPort());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0.0.0.0", "::"})
    void aWildcardSocketAnswersFromTheAddressTheQueryWasSentTo(String wildcard) throws Exception {
        // 127.0.0.2 is another address of this host (all of 127/8 is on lo); the kernel would route the reply from
        // 127.0.0.1, which a connected client (like a resolver) drops. IP_PKTINFO/IPV6_PKTINFO put the right source.
        InetSocketAddress a = start(UdpIo.BATCHED, wildcard);
        InetSocketAddress asked = new InetSocketAddress("127.0.0.2", a.getPort());
        try (DatagramSocket d = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            d.setSoTimeout(5000);
            d.connect(asked);                       // only datagrams from 127.0.0.2:port are delivered now
            for (int i = 0; i < 3; i++) {
                send(d, query("w" + i + ".example.", Type.TXT, 40 + i), asked);
                Message r = receive(d);
                assertThat(r.getHeader().getID()).isEqualTo(40 + i);
                String txt = ((TXTRecord) r.getSection(Section.ANSWER).get(0)).getStrings().get(0);
                assertThat(txt).isEqualTo("127.0.0.1 " + d.getLocalPort());
            }
        }
    }
}
