package net.nsglobal.dns.interop;

import net.nsglobal.dns.testing.Daemons;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nsd 4.6 serving the same zone files, in the foreground, one server process, RRL off. Used as a second reference
 * while debugging the generator and comparator ({@code -Dinterop.peer=nsd}); CI compares Knot with dns-node.
 */
final class NsdServer implements ServerUnderTest {
    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private NsdServer(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    static NsdServer start(Path dir, Map<String, Path> zones) throws IOException, InterruptedException {
        Path nsd = ExternalTool.require("nsd", "nsd");
        Path home = Files.createDirectories(dir.resolve("nsd"));
        int port = ServerUnderTest.freePort();
        StringBuilder conf = new StringBuilder();
        conf.append("server:\n")
            .append("    ip-address: 127.0.0.1@").append(port).append('\n')
            .append("    server-count: 1\n    username: \"\"\n    chroot: \"\"\n")
            .append("    zonesdir: \"").append(home).append("\"\n")
            .append("    database: \"\"\n    zonelistfile: \"").append(home.resolve("zone.list")).append("\"\n")
            .append("    xfrdfile: \"").append(home.resolve("xfrd.state")).append("\"\n")
            .append("    pidfile: \"").append(home.resolve("nsd.pid")).append("\"\n")
            .append("    logfile: \"").append(home.resolve("nsd.log")).append("\"\n")
            .append("    rrl-ratelimit: 0\n    minimal-responses: yes\n    verbosity: 1\n")
            .append("remote-control:\n    control-enable: no\n");
        for (Map.Entry<String, Path> z : zones.entrySet()) {
            conf.append("zone:\n    name: \"").append(z.getKey()).append("\"\n")
                .append("    zonefile: \"").append(z.getValue().toAbsolutePath()).append("\"\n");
        }
        Path confFile = home.resolve("nsd.conf");
        Files.writeString(confFile, conf);
        Path log = home.resolve("nsd.out");
        Process p = new ProcessBuilder(nsd.toString(), "-d", "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NsdServer server = new NsdServer(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (String origin : List.copyOf(zones.keySet())) {
                while (!Probe.answersSoa(server.address, origin)) {
                    if (!p.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException("nsd did not serve " + origin + ": " + Files.readString(log));
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public String name() { return "nsd"; }

    @Override
    public InetSocketAddress address() { return address; }

    @Override
    public void close() {
        Daemons.stop(process);
    }
}
