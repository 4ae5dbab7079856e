package net.nsglobal.dashboard.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real Knot DNS (knotd) as a customer's primary on a free loopback port, with a generated knot.conf. Zones listed in
 * {@code transferable} allow AXFR from loopback; the others refuse transfers (to exercise the "REFUSED" diagnosis).
 */
public final class KnotPrimary implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private KnotPrimary(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** A TSIG key as Knot's {@code key:} section holds it. */
    public record Key(String name, String algorithm, String secret) {}

    /** @param zones zone name → zone file text; @param transferable zones whose AXFR is allowed from 127.0.0.0/8 */
    public static KnotPrimary start(Path dir, Map<String, String> zones, List<String> transferable) throws Exception {
        return start(dir, zones, transferable, Map.of());
    }

    /**
     * @param signedTransfers zone → key: AXFR of that zone from 127.0.0.0/8 signed with the key (unless the zone is
     *                        also {@code transferable}, only signed: Knot answers NOTAUTH otherwise). Knot checks the
     *                        signature of a signed query against the keys of the zone's ACLs: any other key gets
     *                        NOTAUTH/BADKEY, a wrong secret NOTAUTH/BADSIG
     */
    public static KnotPrimary start(Path dir, Map<String, String> zones, List<String> transferable,
                                    Map<String, Key> signedTransfers) throws Exception {
        Path knotd = Path.of("/usr/sbin/knotd");
        if (!Files.isExecutable(knotd)) {
            throw new IllegalStateException("knotd not found at /usr/sbin/knotd: install the Debian package 'knot'");
        }
        int port = freePort();
        Files.createDirectories(dir);
        StringBuilder conf = new StringBuilder();
        conf.append("server:\n  rundir: \"").append(dir).append("\"\n  listen: 127.0.0.1@").append(port).append('\n');
        conf.append("database:\n  storage: \"").append(dir).append("\"\n");
        conf.append("log:\n  - target: stderr\n    any: warning\n");
        Map<String, Key> keys = new java.util.TreeMap<>();
        for (Key k : signedTransfers.values()) keys.put(k.name(), k);
        if (!keys.isEmpty()) {
            conf.append("key:\n");
            for (Key k : keys.values()) {
                conf.append("  - id: ").append(k.name()).append("\n    algorithm: ").append(k.algorithm())
                        .append("\n    secret: ").append(k.secret()).append('\n');
            }
        }
        conf.append("acl:\n  - id: xfr\n    address: 127.0.0.0/8\n    action: transfer\n");
        for (Key k : signedTransfers.values().stream().distinct().toList()) {
            conf.append("  - id: xfr-").append(k.name()).append("\n    address: 127.0.0.0/8\n    key: ")
                    .append(k.name()).append("\n    action: transfer\n");
        }
        conf.append("template:\n  - id: default\n    storage: \"").append(dir).append("\"\n")
                .append("    zonefile-load: whole\n    journal-content: none\n    zonefile-sync: -1\n");
        conf.append("zone:\n");
        for (Map.Entry<String, String> z : zones.entrySet()) {
            Files.writeString(dir.resolve(z.getKey() + ".zone"), z.getValue());
            conf.append("  - domain: ").append(z.getKey()).append("\n    file: ").append(z.getKey()).append(".zone\n");
            List<String> acl = new ArrayList<>();
            if (transferable.contains(z.getKey())) acl.add("xfr");
            if (signedTransfers.containsKey(z.getKey())) acl.add("xfr-" + signedTransfers.get(z.getKey()).name());
            if (!acl.isEmpty()) conf.append("    acl: [").append(String.join(", ", acl)).append("]\n");
        }
        Path confFile = dir.resolve("knot.conf");
        Files.writeString(confFile, conf.toString());
        Process p = new ProcessBuilder(knotd.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("knotd.log").toFile()).start();
        KnotPrimary k = new KnotPrimary(p, port, dir);
        k.awaitAnswering(zones.keySet().iterator().next());
        return k;
    }

    private void awaitAnswering(String zone) throws Exception {
        SimpleResolver r = new SimpleResolver(address());
        r.setTimeout(Duration.ofMillis(300));
        Message q = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN));
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("knotd exited: " + Files.readString(dir.resolve("knotd.log")));
            }
            try {
                Message m = r.send(q);
                if (m.getHeader().getFlag(Flags.AA)) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("knotd did not answer SOA " + zone + ": " + Files.readString(dir.resolve("knotd.log")));
    }

    /**
     * The owner rotates a key's secret on the primary: knot.conf rewritten and {@code knotc reload}; returns once
     * Knot has the new configuration (knotc waits for the reload).
     */
    public void changeSecret(Key key, String newSecret) throws Exception {
        Path conf = dir.resolve("knot.conf");
        String text = Files.readString(conf);
        String old = "    secret: " + key.secret() + "\n";
        if (!text.contains(old)) throw new IllegalStateException("key " + key.name() + " not in " + conf);
        Files.writeString(conf, text.replace(old, "    secret: " + newSecret + "\n"));
        Process p = new ProcessBuilder("/usr/sbin/knotc", "-c", conf.toString(), "-t", "10", "reload")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("knotc reload failed: " + out);
    }

    /**
     * The owner edits a zone on the primary: its file rewritten and {@code knotc zone-reload}; returns once Knot has
     * loaded it (knotc waits). The zone text should carry a higher serial.
     */
    public void setZone(String zone, String text) throws Exception {
        Files.writeString(dir.resolve(zone + ".zone"), text);
        Process p = new ProcessBuilder("/usr/sbin/knotc", "-c", dir.resolve("knot.conf").toString(), "-t", "10",
                "-b", "zone-reload", zone).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("knotc zone-reload " + zone + " failed: " + out);
    }

    public InetSocketAddress address() { return new InetSocketAddress(InetAddress.getLoopbackAddress(), port); }

    public String primary() { return "127.0.0.1:" + port; }

    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p))) {
                return p;
            } catch (IOException e) {
                // UDP side taken; try another
            }
        }
        throw new IOException("no free loopback port");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }

    static List<String> list(String... s) { return new ArrayList<>(List.of(s)); }
}
