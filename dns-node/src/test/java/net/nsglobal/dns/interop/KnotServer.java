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
 * knotd (Knot DNS 3.2, Debian) serving pre-signed zone files as-is: no signing, no journal, no zone file sync, one
 * worker per kind. Started in the foreground with a generated knot.conf; ready once it answers SOA for every zone.
 */
final class KnotServer implements ServerUnderTest {
    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private KnotServer(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** @param zones origin (absolute) → zone file */
    static KnotServer start(Path dir, Map<String, Path> zones) throws IOException, InterruptedException {
        Path knotd = ExternalTool.require("knotd", "knot");
        Path home = Files.createDirectories(dir.resolve("knot"));
        int port = ServerUnderTest.freePort();
        StringBuilder conf = new StringBuilder();
        conf.append("server:\n")
            .append("    rundir: \"").append(home).append("\"\n")
            .append("    listen: 127.0.0.1@").append(port).append('\n')
            .append("    udp-workers: 1\n    tcp-workers: 1\n    background-workers: 1\n")
            .append("database:\n    storage: \"").append(home).append("\"\n")
            .append("log:\n  - target: stderr\n    any: warning\n")
            .append("template:\n  - id: default\n")
            .append("    storage: \"").append(home).append("\"\n")
            .append("    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n")
            .append("    dnssec-signing: off\n    semantic-checks: off\n")
            .append("zone:\n");
        for (Map.Entry<String, Path> z : zones.entrySet()) {
            conf.append("  - domain: \"").append(z.getKey()).append("\"\n")
                .append("    file: \"").append(z.getValue().toAbsolutePath()).append("\"\n");
        }
        Path confFile = home.resolve("knot.conf");
        Files.writeString(confFile, conf);
        Path log = home.resolve("knotd.log");
        Process p = new ProcessBuilder(knotd.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        KnotServer server = new KnotServer(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), log);
        try {
            server.awaitReady(zones.keySet().stream().toList());
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(List<String> origins) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String origin : origins) {
            while (!Probe.answersSoa(address, origin)) {
                if (!process.isAlive()) {
                    throw new IOException("knotd exited (" + process.exitValue() + "): " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("knotd did not serve " + origin + " within 30 s: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public String name() { return "knot"; }

    @Override
    public InetSocketAddress address() { return address; }

    @Override
    public void close() {
        Daemons.stop(process);
    }
}
