package net.nsglobal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.nsglobal.cli.demo.Demo;
import net.nsglobal.platform.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nsglobal demo}: the whole platform on loopback — control plane and dashboard, a customer primary with sample
 * zones, an embedded mailbox, a collector and one edge per site of {@code sites/}. Prints one fact per line, then blocks until Ctrl-C/SIGTERM.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole platform on loopback.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "var/demo", description = "state kept across restarts (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--http", defaultValue = "8080", description = "dashboard port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--base-port", defaultValue = "15300",
            description = "DNS and mail ports are fixed offsets from this (default ${DEFAULT-VALUE})")
    int basePort;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL; default: embedded PostgreSQL in the data dir")
    String dbUrl;

    @Option(names = "--sites-dir", description = "the fleet inventory, one YAML file per site (default: sites/ of this "
            + "installation)")
    Path sitesDir;

    @Option(names = "--site", split = ",", paramLabel = "ID",
            description = "start edges for these sites only (default: every site in --sites-dir)")
    List<String> sites = List.of();

    @Option(names = "--db-user", description = "database user") String dbUser;

    @Option(names = "--db-password", description = "database password") String dbPassword;

    @Override
    public Integer call() {
        Demo demo;
        try {
            demo = Demo.start(new Demo.Options(dataDir.toAbsolutePath(), basePort, "127.0.0.1", httpPort, dbUrl,
                    dbUser, dbPassword, sitesDir != null ? sitesDir : Installation.sitesDir(), sites));
        } catch (Exception e) {
            System.err.println("demo: cannot start: " + e);
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(demo::close, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onSignal("TERM", stop::countDown);
        onSignal("INT", stop::countDown);
        demo.banner().forEach(System.out::println);
        System.out.println("stop with Ctrl-C");
        System.out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook closes
            return 0;
        }
        demo.close();
        System.out.println("demo stopped");
        return 0;
    }

    /** sun.misc.Signal is the JDK's only way to turn SIGTERM/SIGINT into a clean return; absent = default exit. */
    @SuppressWarnings("removal")
    private static void onSignal(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
        } catch (Throwable e) {
            // unsupported here: the shutdown hook closes everything
        }
    }
}
