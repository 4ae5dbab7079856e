package net.nsglobal.dns.transport;

import static net.nsglobal.dns.transport.DnsProbe.*;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Not a test: what a TCP connection flood does to a real Node with the default server settings and a transfer-acl of
 * 127.0.0.9 (an edge). Loopback only; clients bind addresses of 127.0.0.0/8. Prints one line per scenario.
 * Uses only the Node API, so the same class measures older code too. Run with
 * {@code java -cp dns-node/target/classes:dns-node/target/test-classes:<deps> net.nsglobal.dns.transport.TcpFloodBench}.
 * Figures: docs/performance.md.
 */
public final class TcpFloodBench {
    private TcpFloodBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("tcp-flood-bench");
        StringBuilder zone = new StringBuilder("$ORIGIN t.example.\n$TTL 300\n@ IN SOA ns1 hostmaster 7 3600 900 1209600 300\n"
                + "  IN NS ns1\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < 200; i++) zone.append("big IN TXT \"").append(i).append("x".repeat(240)).append("\"\n");
        Files.writeString(dir.resolve("t.zone"), zone);
        String yaml = "server: { listen: 127.0.0.1:0 }\nzones: [ { name: t.example, file: t.zone } ]\n"
                + "transfer-acl: { allow: [127.0.0.9/32] }\n";

        try (Node n = Node.start(NodeConfig.parseYaml(yaml, dir)); Clients c = new Clients()) {
            InetSocketAddress a = n.tcpAddresses().get(0);
            for (int i = 0; i < 256; i++) c.open("127.0.0.2", a);
            System.out.printf("A 256 held connections from 127.0.0.2: open=%d  127.0.0.3 answered=%s%n",
                    open(n), yesNo(answered(c, "127.0.0.3", a)));
        }
        try (Node n = Node.start(NodeConfig.parseYaml(yaml, dir)); Clients c = new Clients()) {
            InetSocketAddress a = n.tcpAddresses().get(0);
            for (int i = 0; i < 256; i++) c.open("127.0.1." + (i % 250 + 1), a);
            System.out.printf("B 256 held connections from 250 sources: open=%d  127.0.0.3 answered=%s  "
                    + "edge 127.0.0.9 AXFR=%s%n", open(n), yesNo(answered(c, "127.0.0.3", a)), yesNo(axfr(a)));
        }
        try (Node n = Node.start(NodeConfig.parseYaml(yaml, dir)); Clients c = new Clients()) {
            InetSocketAddress a = n.tcpAddresses().get(0);
            int busy = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < 256; i++) if (busy(c.open("127.0.2." + (i / 16 + 1), a))) busy++;
            System.out.printf("  (C: flood took %d ms)%n", (System.nanoTime() - t0) / 1_000_000);
            System.out.printf("C 256 busy connections (16 sources x 16): busy=%d  edge 127.0.0.9 AXFR=%s  "
                    + "127.0.0.3 answered=%s%n", busy, yesNo(axfr(a)), yesNo(answered(c, "127.0.0.3", a)));
        }
        try (Node n = Node.start(NodeConfig.parseYaml(yaml, dir)); Clients c = new Clients()) {
            InetSocketAddress a = n.tcpAddresses().get(0);
            int rate = 40, seconds = 20, ok = 0, tries = 0, okLast10 = 0, triesLast10 = 0;
            long start = System.nanoTime();
            for (int tick = 0; tick < rate * seconds; tick++) {
                // new held connection from a rotating public source, rate per second; a query every 5th tick
                c.open("127.0.3." + (tick % 250 + 1), a);
                if (tick % 5 == 0) {
                    boolean r = answered(c, "127.0.0.3", a);
                    tries++;
                    if (r) ok++;
                    if (tick >= rate * (seconds - 10)) {
                        triesLast10++;
                        if (r) okLast10++;
                    }
                }
                long next = start + (tick + 1) * 1_000_000_000L / rate;
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            System.out.printf("D %d held connections/s for %d s from 250 sources: queries from 127.0.0.3 answered %d/%d "
                    + "(last 10 s: %d/%d)  open=%d%n", rate, seconds, ok, tries, okLast10, triesLast10,
                    (int) n.metrics().get("dns_tcp_connections").gauge().value());
        }
    }

    private static String yesNo(boolean b) { return b ? "yes" : "no"; }

    /** Open connections once the acceptor has caught up with the clients (the count stays put for 300 ms). */
    private static int open(Node n) throws InterruptedException {
        int last = -1;
        while (true) {
            int now = (int) n.metrics().get("dns_tcp_connections").gauge().value();
            if (now == last) return now;
            last = now;
            Thread.sleep(300);
        }
    }

    private static boolean answered(Clients c, String source, InetSocketAddress a) {
        try {
            Socket s = c.open(source, a);
            if (s == null) return false;
            write(new DataOutputStream(s.getOutputStream()), query("t.example", Type.SOA).toWire());
            boolean ok = soaSerial(read(new DataInputStream(s.getInputStream()))) == 7;
            s.close();
            return ok;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean busy(Socket s) {
        if (s == null) return false;
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream buf = new DataOutputStream(all);
            for (int i = 0; i < 200; i++) write(buf, query("big.t.example", Type.TXT).toWire());
            s.getOutputStream().write(all.toByteArray());
            return s.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean axfr(InetSocketAddress a) {
        try {
            ZoneTransferIn x = ZoneTransferIn.newAXFR(Name.fromString("t.example."), a, null);
            x.setLocalAddress(new InetSocketAddress("127.0.0.9", 0));
            x.setTimeout(Duration.ofSeconds(5));
            x.run();
            return x.getAXFR().size() == 204;
        } catch (Exception e) {
            return false;
        }
    }

    /** Client sockets, all closed at the end of a scenario. */
    private static final class Clients implements AutoCloseable {
        private final ArrayDeque<Socket> all = new ArrayDeque<>();

        Socket open(String source, InetSocketAddress a) {
            Socket s = new Socket();
            all.add(s);
            try {
                s.setReceiveBufferSize(4096);
                s.bind(new InetSocketAddress(source, 0));
                s.connect(a, 2000);
                s.setSoTimeout(5000);
                return s;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void close() {
            List<Socket> l = new ArrayList<>(all);
            for (Socket s : l) TcpServer.closeQuietly(s);
        }
    }
}
