package net.nsglobal.dns;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.nsglobal.config.ConfigException;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.QuickForm;
import net.nsglobal.dns.transport.Addresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code nsglobal node}: runs one dns-node until SIGTERM/Ctrl-C, either from a config file or in the quick form:
 * <pre>
 *   nsglobal node --config node.yaml
 *   nsglobal node --listen 127.0.0.1:5300 [--listen [::1]:5300] --zone example.com=/path/file [--zone …] --nsid fra1
 *                 [--http 127.0.0.1:9153] [--data-dir DIR] [--secondary NAME=ADDR:PORT[,…]] [--tsig NAME:ALG:SECRET]
 *                 [--catalog NAME=ADDR:PORT] [--role standalone|collector|edge]
 * </pre>
 * SIGHUP re-reads the zone files. Exit status: 0 after a clean shutdown, 2 for a bad config, 1 when it cannot start.
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a dns-node (authoritative server; standalone, collector or edge).",
                "Blocks until SIGTERM/Ctrl-C; SIGHUP reloads zone files. Settings: docs/configuration.md."})
public final class NodeCommand implements Callable<Integer> {
    @Mixin
    QuickForm options = new QuickForm();

    @Override
    public Integer call() {
        NodeConfig config;
        try {
            config = options.toConfig();
        } catch (ConfigException e) {
            System.err.println("node: " + e.getMessage());
            return 2;
        }
        Node node;
        try {
            node = Node.start(config);
        } catch (Exception e) {
            System.err.println("node: cannot start: " + e.getMessage());
            return 1;
        }
        // SIGTERM and Ctrl-C end the wait below, so the node closes and the command returns 0 (the JVM's default
        // handling would exit with 143 from inside a shutdown hook); the hook stays for any other way out.
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(node::close, "node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onSignal("TERM", stop::countDown);
        onSignal("INT", stop::countDown);
        onSignal("HUP", () -> node.reloadZones());
        printBanner(node);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
        System.out.println("dns-node stopped");
        return 0;
    }

    private static void printBanner(Node node) {
        List<InetSocketAddress> udp = node.udpAddresses();
        System.out.println("dns-node (" + node.config().role() + ") serving " + node.zones().size() + " zone(s) on "
                + Addresses.format(udp) + " (UDP+TCP)"
                + (node.httpAddress() == null ? "" : ", HTTP on " + Addresses.format(node.httpAddress())));
        InetSocketAddress a = udp.get(0);
        String host = a.getAddress() instanceof Inet6Address ? a.getAddress().getHostAddress() : a.getHostString();
        String zone = node.config().zones().isEmpty() ? "example.com" : node.config().zones().get(0).name().toString();
        System.out.println("try:  dig @" + host + " -p " + a.getPort() + " " + zone + " SOA +nsid"
                + "    or  kdig @" + host + " -p " + a.getPort() + " +tcp " + zone + " SOA");
        if (node.httpAddress() != null) {
            System.out.println("      curl http://" + Addresses.format(node.httpAddress()) + "/metrics");
        }
        System.out.println("stop with Ctrl-C (SIGTERM); SIGHUP reloads zone files");
        System.out.flush();
    }

    /** Handles a signal (sun.misc.Signal: the only JDK way); where it is unavailable the default stays. */
    @SuppressWarnings("removal")
    private static void onSignal(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
        } catch (Throwable e) {
            // not supported here: SIGTERM then exits through the shutdown hook, reload via POST /reload or the poll
        }
    }
}
