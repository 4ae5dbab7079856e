package net.nsglobal.dns.replication;


import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.replication.ReplicationService;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.xbill.DNS.Name;

/**
 * A node for replication tests: a real {@link Node} (transport, query pipeline and {@link ReplicationService}) on a
 * fixed free port, with short timers unless the test sets its own.
 */
public final class TestNode implements AutoCloseable {
    public final int port;
    public final ZoneStore store;
    public final Node node;
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
        this.node = Node.start(NodeConfig.parseYaml(yaml, dataDir));
        this.store = node.zones();
    }

    public static TestNode start(Path dataDir, String yamlBody) throws Exception {
        return new TestNode(dataDir, FreePorts.tcpUdp(), yamlBody);
    }

    public InetSocketAddress address() { return node.dnsAddress(); }

    public String addr() { return "127.0.0.1:" + port; }

    /** Serial served for {@code zone}, or -1 if absent. */
    public long serial(String zone) {
        Zone z = store.get(Name.fromConstantString(zone));
        return z == null ? -1 : z.serial();
    }

    /** Waits (bounded, generous for a loaded CI box) until {@code zone} is at {@code serial}; returns the serial seen. */
    public long awaitSerial(String zone, long serial, Duration max) throws InterruptedException {
        Wait.holds(max, () -> serial(zone) == serial);
        return serial(zone);
    }

    public boolean awaitAbsent(String zone, Duration max) throws InterruptedException {
        Wait.holds(max, () -> serial(zone) == -1);
        return serial(zone) == -1;
    }

    @Override
    public void close() {
        node.close();
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
