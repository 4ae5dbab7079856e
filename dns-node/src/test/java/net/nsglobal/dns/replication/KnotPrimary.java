package net.nsglobal.dns.replication;

import net.nsglobal.dns.testing.Daemons;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.config.TsigKey;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real knotd 3.2 as a customer's primary: zone files it diffs into its journal on reload (so it serves IXFR), an
 * ACL allowing transfers (optionally TSIG-only) and NOTIFY to the given targets. Tests change zones with
 * {@link #setZone} and knotc; the binary missing is a test failure, not a skip.
 */
public final class KnotPrimary implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final Path socket;
    private final InetSocketAddress address;
    private final Map<String, Path> files = new LinkedHashMap<>();

    private KnotPrimary(Process process, Path home, Path socket, InetSocketAddress address) {
        this.process = process;
        this.home = home;
        this.socket = socket;
        this.address = address;
    }

    /**
     * @param zones        origin → zone file text
     * @param key          TSIG key required for transfers (and used to sign NOTIFY), or null
     * @param notifyTarget where to send NOTIFY, or null
     */
    public static KnotPrimary start(Path dir, Map<String, String> zones, TsigKey key, InetSocketAddress notifyTarget)
            throws IOException, InterruptedException {
        Path knotd = require("/usr/sbin/knotd");
        Path home = Files.createDirectories(dir.resolve("knot-" + System.nanoTime()));
        int port = freePort();
        StringBuilder c = new StringBuilder();
        c.append("server:\n  rundir: \"").append(home).append("\"\n  listen: 127.0.0.1@").append(port).append('\n')
         .append("  udp-workers: 1\n  tcp-workers: 1\n  background-workers: 1\n")
         .append("database:\n  storage: \"").append(home).append("\"\n")
         .append("log:\n  - target: stderr\n    any: info\n");
        if (key != null) {
            c.append("key:\n  - id: ").append(key.name()).append("\n    algorithm: ")
             .append(key.algorithm().dnsName().toString(true)).append("\n    secret: ")
             .append(java.util.Base64.getEncoder().encodeToString(key.secret())).append('\n');
        }
        c.append("acl:\n  - id: xfr\n    address: 127.0.0.0/8\n    action: transfer\n");
        if (key != null) c.append("    key: ").append(key.name()).append('\n');
        if (notifyTarget != null) {
            c.append("remote:\n  - id: sec\n    address: ").append(notifyTarget.getAddress().getHostAddress())
             .append('@').append(notifyTarget.getPort()).append('\n');
            if (key != null) c.append("    key: ").append(key.name()).append('\n');
        }
        c.append("template:\n  - id: default\n    storage: \"").append(home).append("\"\n")
         .append("    zonefile-sync: -1\n    zonefile-load: difference\n    journal-content: changes\n")
         .append("    semantic-checks: off\n    acl: xfr\n");
        if (notifyTarget != null) c.append("    notify: sec\n");
        c.append("zone:\n");
        KnotPrimary k = null;
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> z : zones.entrySet()) {
            Path f = home.resolve(z.getKey() + "zone");
            Files.writeString(f, z.getValue());
            files.put(z.getKey(), f);
            c.append("  - domain: \"").append(z.getKey()).append("\"\n    file: \"").append(f).append("\"\n");
        }
        Path conf = home.resolve("knot.conf");
        Files.writeString(conf, c);
        Path log = home.resolve("knotd.log");
        Process p = new ProcessBuilder(knotd.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        k = new KnotPrimary(p, home, home.resolve("knot.sock"), new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        k.files.putAll(files);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String origin : zones.keySet()) {
            while (!k.answersSoa(origin)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    k.close();
                    throw new IOException("knotd did not serve " + origin + ": " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
        return k;
    }

    public InetSocketAddress address() { return address; }

    public Path log() { return home.resolve("knotd.log"); }

    /** Rewrites a zone's file and makes knotd reload it (it diffs the change into its journal and sends NOTIFY). */
    public void setZone(String origin, String text) throws IOException, InterruptedException {
        Files.writeString(files.get(origin), text);
        knotc("zone-reload", origin);
    }

    /** Serial knotd currently serves for {@code origin}, or -1. */
    public long serial(String origin) throws IOException {
        SimpleResolver r = new SimpleResolver(address);
        r.setTimeout(java.time.Duration.ofSeconds(2));
        Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(origin), Type.SOA, DClass.IN)));
        if (m.getRcode() != Rcode.NOERROR || m.getSection(1).isEmpty()) return -1;
        return ((org.xbill.DNS.SOARecord) m.getSection(1).get(0)).getSerial();
    }

    private boolean answersSoa(String origin) {
        try {
            return serial(origin) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    public void knotc(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(require("/usr/sbin/knotc").toString(), "-s", socket.toString(), "-b"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("knotc " + String.join(" ", args) + ": " + out);
    }

    @Override
    public void close() {
        Daemons.stop(process);
    }

    static Path require(String path) {
        Path p = Path.of(path);
        if (!Files.isExecutable(p)) {
            throw new AssertionError(path + " is not installed: apt-get install knot bind9 (see the test command)");
        }
        return p;
    }

    /** A port free on both UDP and TCP loopback. */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException busy) {
                    // try another
                }
            }
        }
        throw new IOException("no free loopback port");
    }

    /** A small zone text with the given serial and {@code hosts} A records. */
    public static String zoneText(String origin, long serial, int hosts) {
        StringBuilder b = new StringBuilder();
        b.append("$ORIGIN ").append(origin).append("\n$TTL 300\n")
         .append("@ SOA ns1 hostmaster ").append(serial).append(" 3600 900 604800 300\n")
         .append("@ NS ns1\nns1 A 192.0.2.1\n");
        for (int i = 0; i < hosts; i++) b.append("h").append(i).append(" A 10.0.").append(i / 250).append('.').append(i % 250).append('\n');
        return b.toString();
    }
}
