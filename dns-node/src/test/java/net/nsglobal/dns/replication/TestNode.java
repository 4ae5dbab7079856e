package net.nsglobal.dns.replication;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.secondary.ReplicationService;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.xbill.DNS.Name;

/** A node for replication tests: the real {@link ReplicationService} behind a {@link MiniServer} on a free port. */
public final class TestNode implements AutoCloseable {
    public final int port;
    public final ZoneStore store = new ZoneStore();
    public final ReplicationService service;
    public final MiniServer server;
    public final Path dataDir;

    /**
     * @param yamlBody the config without {@code server:} and {@code data-dir:}; short timers are prepended unless the
     *                 body has its own {@code timers:}
     */
    public TestNode(Path dataDir, int port, String yamlBody) throws Exception {
        this.port = port;
        this.dataDir = Files.createDirectories(dataDir);
        String yaml = "data-dir: " + dataDir + "\nserver:\n  listen: [127.0.0.1:" + port + "]\n"
                + (yamlBody.contains("timers:") ? "" : "timers: {refresh-min: 1s, retry-min: 1s, retry-max: 2s}\n")
                + (yamlBody.contains("limits:") ? "" : "limits: {transfers-per-primary: 8, transfers-total: 16}\n")
                + yamlBody;
        NodeConfig cfg = NodeConfig.parseYaml(yaml, dataDir);
        // Listen first (as a node does): peers NOTIFYed during start-up must find the port open.
        java.util.concurrent.atomic.AtomicReference<ReplicationService> ref = new java.util.concurrent.atomic.AtomicReference<>();
        net.nsglobal.dns.query.Stage notify = ctx -> ref.get() == null ? net.nsglobal.dns.query.Verdict.DROP
                : ref.get().notifyStage().process(ctx);
        net.nsglobal.dns.query.Stage xfr = ctx -> ref.get() == null ? net.nsglobal.dns.query.Verdict.DROP
                : ref.get().xfrOutStage().process(ctx);
        this.server = new MiniServer(port, store, notify, xfr);
        this.service = ReplicationService.start(cfg, store);
        ref.set(service);
    }

    public static TestNode start(Path dataDir, String yamlBody) throws Exception {
        return new TestNode(dataDir, KnotPrimary.freePort(), yamlBody);
    }

    public InetSocketAddress address() { return server.address(); }

    public String addr() { return "127.0.0.1:" + port; }

    /** Serial served for {@code zone}, or -1 if absent. */
    public long serial(String zone) {
        Zone z = store.get(Name.fromConstantString(zone));
        return z == null ? -1 : z.serial();
    }

    /** Waits (bounded, generous for a loaded CI box) until {@code zone} is at {@code serial}; returns the serial seen. */
    public long awaitSerial(String zone, long serial, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (serial(zone) != serial && System.nanoTime() < deadline) Thread.sleep(10);
        return serial(zone);
    }

    public boolean awaitAbsent(String zone, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (serial(zone) != -1 && System.nanoTime() < deadline) Thread.sleep(10);
        return serial(zone) == -1;
    }

    @Override
    public void close() {
        server.close();
        service.close();
    }

    public static void closeQuietly(AutoCloseable... cs) {
        for (AutoCloseable c : cs) {
            try {
                if (c != null) c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

}
