package net.nsglobal.dns.replication;

import net.nsglobal.dns.testing.Daemons;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.config.TsigKey;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real BIND 9.18 {@code named -g} on a free loopback port, from a config body the test writes (zones, catalog-zones,
 * keys). A missing named is a test failure, not a skip.
 */
public final class BindServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final InetSocketAddress address;

    private BindServer(Process process, Path dir, InetSocketAddress address) {
        this.process = process;
        this.dir = dir;
        this.address = address;
    }

    /**
     * @param optionsExtra extra statements inside {@code options { }}
     * @param body         key/zone statements; {@code DIR} in it is replaced by the server's directory
     */
    public static BindServer start(Path parent, TsigKey key, String optionsExtra, String body) throws Exception {
        return start(parent, KnotPrimary.freePort(), key, optionsExtra, body);
    }

    public static BindServer start(Path parent, int port, TsigKey key, String optionsExtra, String body)
            throws Exception {
        Path named = KnotPrimary.require("/usr/sbin/named");
        Path dir = Files.createDirectories(parent.resolve("bind-" + System.nanoTime()));
        StringBuilder c = new StringBuilder();
        c.append("options {\n  directory \"").append(dir).append("\";\n  pid-file \"").append(dir)
         .append("/named.pid\";\n  session-keyfile \"").append(dir).append("/session.key\";\n")
         .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n  listen-on-v6 { none; };\n")
         .append("  recursion no;\n  dnssec-validation no;\n").append(optionsExtra).append("};\n")
         .append("controls { };\n");
        if (key != null) {
            c.append("key \"").append(key.name().toString(true)).append("\" { algorithm ")
             .append(key.algorithm().dnsName().toString(true)).append("; secret \"")
             .append(java.util.Base64.getEncoder().encodeToString(key.secret())).append("\"; };\n");
        }
        c.append(body.replace("DIR", dir.toString()));
        Path conf = dir.resolve("named.conf");
        Files.writeString(conf, c);
        Path log = dir.resolve("named.log");
        Process p = new ProcessBuilder(named.toString(), "-g", "-c", conf.toString(), "-n", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BindServer b = new BindServer(p, dir, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!b.listening()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                b.close();
                throw new IOException("named did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return b;
    }

    private boolean listening() {
        try {
            query("version.bind.", Type.TXT, DClass.CH);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Message query(String name, int type, int dclass) throws IOException {
        SimpleResolver r = new SimpleResolver(address);
        r.setTimeout(java.time.Duration.ofMillis(500));
        return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, dclass)));
    }

    public InetSocketAddress address() { return address; }

    public Path dir() { return dir; }

    public String log() throws IOException { return Files.readString(dir.resolve("named.log")); }

    /** The serial BIND serves for {@code zone}, or -1 (not served / error). */
    public long serial(String zone) {
        try {
            Message m = query(zone, Type.SOA, DClass.IN);
            if (m.getRcode() != Rcode.NOERROR) return -1;
            for (Record r : m.getSection(1)) if (r instanceof SOARecord s) return s.getSerial();
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    public long awaitSerial(String zone, long serial, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (serial(zone) != serial && System.nanoTime() < deadline) Thread.sleep(50);
        return serial(zone);
    }

    public boolean awaitAbsent(String zone, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (serial(zone) != -1 && System.nanoTime() < deadline) Thread.sleep(50);
        return serial(zone) == -1;
    }


    @Override
    public void close() {
        Daemons.stop(process);
    }

}
