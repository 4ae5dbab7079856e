package net.nsglobal.dns.transport;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.wire.HostileQueries;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Server side fuzzing: over a million hostile queries (see {@link QueryFuzzer}) sent at a running node over
 * UDP and TCP. After every batch a well-formed probe must be answered (no crash, no hang); afterwards no stage has
 * thrown and the node still answers correctly over both transports. Seeded, bounded: it stops by itself.
 */
class ServerFuzzTest {
    private static final String ZONE = "fuzz.example";
    private static final int UDP_QUERIES = 760_000;
    private static final int TCP_QUERIES = 260_000;
    private static final int BATCH = 250;

    @TempDir Path dir;
    private Node node;

    @BeforeEach
    void start() throws Exception {
        writeZone(dir.resolve("fuzz.zone"), ZONE, 42);
        node = Node.start(NodeConfig.parseYaml("""
                server: { listen: 127.0.0.1:0, reload-interval: 0, tcp-idle-timeout: 30s }
                identity: { nsid: fuzz1, version: "fuzz" }
                zones: [ { name: fuzz.example, file: fuzz.zone } ]
                """, dir));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void millionHostileQueriesOverUdpAndTcp() throws Exception {
        long sent = fuzzUdp(new QueryFuzzer(1, ZONE), UDP_QUERIES) + fuzzTcp(new QueryFuzzer(2, ZONE), TCP_QUERIES)
                + brokenTcpStreams(new QueryFuzzer(3, ZONE), 200);
        assertThat(sent).isGreaterThanOrEqualTo(1_000_000);
        assertThat(node.stageFailures()).as("pipeline exceptions (answered SERVFAIL)").isZero();

        Message u = udp(node.dnsAddress(), query(ZONE, Type.SOA));
        Message t = tcp(node.dnsAddress(), query(ZONE, Type.SOA));
        for (Message r : new Message[] {u, t}) {
            assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(soaSerial(r)).isEqualTo(42);
        }
        assertThat(udp(node.dnsAddress(), query("nx." + ZONE, Type.A)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    /**
     * Every compression abuse of {@link HostileQueries} — the 64 KB pointer chain, loops, forward pointers, a pointer
     * in the question, too many names — is answered FORMERR over TCP and UDP, and nothing throws.
     */
    @Test
    @Timeout(120)
    void compressionAbuseIsFormerrOverTcpAndUdp() throws Exception {
        for (Map.Entry<String, byte[]> c : HostileQueries.all().entrySet()) {
            byte[] w = c.getValue();
            int id = ((w[0] & 0xff) << 8) | (w[1] & 0xff);
            try (Socket s = new Socket()) {
                s.connect(node.dnsAddress(), 5000);
                s.setSoTimeout(10_000);
                write(new DataOutputStream(s.getOutputStream()), w);
                Message r = read(new DataInputStream(s.getInputStream()));
                assertThat(r.getHeader().getID()).isEqualTo(id);
                assertThat(r.getRcode()).as("%s over TCP", c.getKey()).isEqualTo(Rcode.FORMERR);
            }
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                s.setSoTimeout(10_000);
                s.send(new DatagramPacket(w, w.length, node.dnsAddress()));
                byte[] buf = new byte[65535];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                Message r = new Message(java.util.Arrays.copyOf(buf, p.getLength()));
                assertThat(r.getHeader().getID()).isEqualTo(id);
                assertThat(r.getRcode()).as("%s over UDP", c.getKey()).isEqualTo(Rcode.FORMERR);
            }
        }
        assertThat(node.stageFailures()).as("pipeline exceptions").isZero();
    }

    /**
     * A request dnsjava parses only half (TC=1, a TXT record whose character-string overruns its RDATA) keeps ARCOUNT=1 with an empty
     * additional section, and dnsjava's {@code Message.getTSIG()} then throws: the transfer stage (which asks whether an
     * SOA query is TSIG-signed) and the NOTIFY stage must read the TSIG without it and answer normally.
     */
    @Test
    @Timeout(60)
    void halfParsedSoaQueryAndNotifyAreAnsweredWithoutAStageFailure() throws Exception {
        String question = "0466757a7a076578616d706c650000060001"; // fuzz.example. SOA IN
        String badTxt = "000010000100000000000405616263";          // TXT whose string claims 5 bytes of 3
        for (String flags : new String[] {"0200", "2200"}) {     // QUERY, TC / NOTIFY, TC
            byte[] w = java.util.HexFormat.of().parseHex("1234" + flags + "0001000000000001" + question + badTxt);
            Message parsed = new Message(w.clone());
            assertThat(parsed.getSection(org.xbill.DNS.Section.ADDITIONAL)).isEmpty();
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                s.setSoTimeout(10_000);
                s.send(new DatagramPacket(w, w.length, node.dnsAddress()));
                byte[] buf = new byte[65535];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                assertThat(new Message(java.util.Arrays.copyOf(buf, p.getLength())).getHeader().getID())
                        .isEqualTo(0x1234);
            }
        }
        assertThat(node.stageFailures()).as("pipeline exceptions").isZero();
    }

    /** Batches of hostile datagrams, each followed by a probe that must be answered (the worker is sequential). */
    private long fuzzUdp(QueryFuzzer fuzz, int total) throws IOException {
        long sent = 0;
        byte[] buf = new byte[65535];
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.connect(node.dnsAddress());
            s.setSoTimeout(2000);
            s.setReceiveBufferSize(4 << 20);
            int probeId = 0;
            while (sent < total) {
                for (int i = 0; i < BATCH; i++) {
                    byte[] m = fuzz.next(65507);
                    s.send(new DatagramPacket(m, m.length));
                    sent++;
                }
                probeId = (probeId + 1) & 0xffff;
                byte[] probe = QueryFuzzer.probe(ZONE, probeId);
                boolean answered = false;
                for (int attempt = 0; attempt < 10 && !answered; attempt++) {
                    s.send(new DatagramPacket(probe, probe.length));
                    answered = awaitProbe(s, buf, probeId);
                }
                assertThat(answered).as("UDP probe %d answered after %d hostile queries", probeId, sent).isTrue();
            }
        }
        return sent;
    }

    private static boolean awaitProbe(DatagramSocket s, byte[] buf, int id) throws IOException {
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                if (isProbeAnswer(buf, p.getLength(), id)) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static boolean isProbeAnswer(byte[] b, int len, int id) {
        if (len < 12 || (((b[0] & 0xff) << 8) | (b[1] & 0xff)) != id || (b[2] & 0x80) == 0) return false;
        try {
            Message r = new Message(java.util.Arrays.copyOf(b, len));
            return r.getRcode() == Rcode.NOERROR && soaSerial(r) == 42;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Length-framed hostile messages pipelined on a few long connections; a reader thread drains the answers and
     * signals each probe, so a batch only starts when the previous one was fully processed.
     */
    private long fuzzTcp(QueryFuzzer fuzz, int total) throws Exception {
        long sent = 0;
        int connections = 4;
        int perConnection = total / connections + 1;
        for (int c = 0; c < connections; c++) {
            try (Socket s = new Socket()) {
                s.connect(node.dnsAddress(), 5000);
                s.setSoTimeout(60_000);
                Semaphore probes = new Semaphore(0);
                AtomicReference<Throwable> readerError = new AtomicReference<>();
                AtomicLong expectedProbe = new AtomicLong();
                Thread reader = new Thread(() -> {
                    try {
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        byte[] b = new byte[65535];
                        while (true) {
                            int len = in.readUnsignedShort();
                            in.readFully(b, 0, len);
                            if (isProbeAnswer(b, len, (int) expectedProbe.get())) probes.release();
                        }
                    } catch (IOException e) {
                        if (!s.isClosed()) readerError.set(e);
                    }
                }, "fuzz-tcp-reader");
                reader.setDaemon(true);
                reader.start();
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
                int probeId = 0;
                for (int n = 0; n < perConnection; n += BATCH) {
                    for (int i = 0; i < BATCH; i++) {
                        byte[] m = fuzz.next(65535);
                        if (m.length == 0) m = new byte[] {0};   // a zero length would (rightly) end the connection
                        out.writeShort(m.length);
                        out.write(m);
                        sent++;
                    }
                    probeId = (probeId + 1) & 0xffff;
                    expectedProbe.set(probeId);
                    byte[] probe = QueryFuzzer.probe(ZONE, probeId);
                    out.writeShort(probe.length);
                    out.write(probe);
                    out.flush();
                    boolean answered = probes.tryAcquire(60, TimeUnit.SECONDS);
                    assertThat(readerError.get()).as("TCP connection broke").isNull();
                    assertThat(answered).as("TCP probe %d answered after %d hostile queries", probeId, sent).isTrue();
                }
            }
        }
        return sent;
    }

    /** Fresh connections that break framing: truncated messages, zero lengths, garbage, abrupt closes. */
    private long brokenTcpStreams(QueryFuzzer fuzz, int count) throws Exception {
        java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < count; i++) {
            try (Socket s = new Socket()) {
                s.connect(node.dnsAddress(), 5000);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                byte[] m = fuzz.next(65535);
                switch (rnd.nextInt(4)) {
                    case 0 -> { out.writeShort(m.length + 1 + rnd.nextInt(100)); out.write(m); }  // promised more
                    case 1 -> { out.writeShort(0); out.write(m); }                                // zero length
                    case 2 -> out.write(m);                                                        // no framing
                    default -> out.write(0);                                                       // half a prefix
                }
                out.flush();
                if (rnd.nextBoolean()) s.setSoLinger(true, 0);                                     // reset
            } catch (IOException e) {
                // the server may close first; that is fine
            }
        }
        // Every such connection is closed again by the server or the client: no slot leaks. Until the server has
        // seen the last closes, this source may still be at its per-source connection limit (the newcomer is then
        // closed at once), so a refused attempt is retried; none may still be refused after the idle timeout.
        Wait.until("a fresh TCP query answered after the broken streams (no connection slot leaked)",
                Duration.ofSeconds(60), () -> tcp(node.dnsAddress(), query(ZONE, Type.SOA)) != null);
        return count;
    }
}
