package net.nsglobal.dns.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.Node;
import net.nsglobal.config.ConfigException;
import net.nsglobal.dns.config.NodeConfig;

/** dns-node started in-process through its public entry point, configured by the quick form as an operator would. */
final class DnsNodeServer implements ServerUnderTest {
    private final Node node;

    private DnsNodeServer(Node node) {
        this.node = node;
    }

    static DnsNodeServer start(Map<String, Path> zones) throws IOException {
        List<String> args = new ArrayList<>(List.of("--listen", "127.0.0.1:0"));
        for (Map.Entry<String, Path> z : zones.entrySet()) {
            args.add("--zone");
            args.add(z.getKey() + "=" + z.getValue().toAbsolutePath());
        }
        NodeConfig config;
        try {
            config = NodeConfig.fromArgs(args.toArray(String[]::new));
        } catch (ConfigException e) {
            throw new AssertionError("dns-node rejected the generated configuration: " + e.getMessage(), e);
        }
        DnsNodeServer server = new DnsNodeServer(Node.start(config));
        for (String origin : zones.keySet()) {
            if (!Probe.answersSoa(server.address(), origin)) {
                server.close();
                throw new AssertionError("dns-node does not serve " + origin + " (zone rejected? see the log above)");
            }
        }
        return server;
    }

    @Override
    public String name() { return "dns-node"; }

    @Override
    public InetSocketAddress address() { return node.dnsAddress(); }

    @Override
    public void close() { node.close(); }
}
