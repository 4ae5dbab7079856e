package net.nsglobal.te.cli;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.te.announce.AgentConfig;
import net.nsglobal.te.announce.AgentSchema;
import net.nsglobal.te.announce.AnycastStateFile;
import net.nsglobal.te.announce.SiteAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nsglobal site-agent}: the health-checked announcement beside each edge.
 * <pre>
 *   nsglobal site-agent run -c agent.yaml [--metrics 127.0.0.1:9154]   # until SIGTERM/Ctrl-C
 *   nsglobal site-agent drain -c agent.yaml      # maintenance: GRACEFUL_SHUTDOWN, drain-wait, withdraw
 *   nsglobal site-agent undrain -c agent.yaml    # back: announced after rise healthy rounds
 *   nsglobal site-agent status -c agent.yaml
 * </pre>
 * drain and undrain create and remove the maintenance file the running agent watches, so they need no connection to
 * it. Exit status: 0 done, 2 bad configuration, 1 cannot start or write.
 */
@Command(name = "site-agent", mixinStandardHelpOptions = true,
        description = "Announce the anycast prefix from this site while the local dns-node is healthy.",
        subcommands = {SiteAgentCommand.Run.class, SiteAgentCommand.Drain.class, SiteAgentCommand.Undrain.class,
                SiteAgentCommand.Status.class})
public final class SiteAgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    abstract static class Sub implements Callable<Integer> {
        @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
                description = "process file with a site-agent: section (docs/configuration.md)")
        Path config;

        @ParentCommand
        SiteAgentCommand parent;

        AgentConfig load() throws ConfigException {
            ProcessFile f = ProcessFile.load(config, AgentSchema.SECTION);
            return f.read(AgentSchema.SECTION, s -> AgentConfig.read(s, f.baseDir()));
        }

        @Override
        public Integer call() {
            AgentConfig c;
            try {
                c = load();
            } catch (ConfigException e) {
                System.err.println("site-agent: " + e.getMessage());
                return 2;
            }
            try {
                return run(c);
            } catch (IOException e) {
                System.err.println("site-agent " + "(site " + c.site() + "): " + e.getMessage());
                return 1;
            }
        }

        abstract int run(AgentConfig c) throws IOException;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the agent until SIGTERM/Ctrl-C.")
    static final class Run extends Sub {
        @Option(names = "--metrics", paramLabel = "ADDR:PORT", description = "serve GET /metrics (Prometheus) here")
        String metrics;

        @Override
        int run(AgentConfig c) throws IOException {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            HttpServer http = null;
            if (metrics != null) {
                java.net.InetSocketAddress at;
                try {
                    at = Kind.Values.socketAddress("--metrics", metrics, 0);
                } catch (ConfigException e) {
                    System.err.println("site-agent: " + e.getMessage());
                    return 2;
                }
                http = HttpServer.create(at, 0);
                http.createContext("/metrics", x -> {
                    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                    x.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    x.sendResponseHeaders(200, body.length);
                    try (OutputStream o = x.getResponseBody()) { o.write(body); }
                });
                http.start();
            }
            SiteAgent agent = c.agent(registry, Clock.systemUTC());
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                agent.close();
            }, "site-agent-shutdown"));
            agent.start(c.checkInterval());
            System.out.println("site-agent " + c.site() + ": " + agent.snapshot().state() + ", checking "
                    + c.dnsAddress() + " every " + c.checkInterval().toMillis() + " ms; state file " + c.stateFile()
                    + (c.reportUrl() == null ? "; no reports (report-url unset)" : "; reporting to " + c.reportUrl()));
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                agent.close();
                if (http != null) http.stop(0);
            }
            return 0;
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Create the maintenance file: the agent drains (GRACEFUL_SHUTDOWN, drain-wait) and withdraws.")
    static final class Drain extends Sub {
        @Override
        int run(AgentConfig c) throws IOException {
            Files.createDirectories(c.maintenanceFile().toAbsolutePath().getParent());
            if (!Files.exists(c.maintenanceFile())) Files.writeString(c.maintenanceFile(), "drained by site-agent drain\n");
            System.out.println("site-agent " + c.site() + ": maintenance file " + c.maintenanceFile()
                    + " present; draining for " + c.drainWait().toSeconds() + "s, then withdrawn");
            return 0;
        }
    }

    @Command(name = "undrain", mixinStandardHelpOptions = true,
            description = "Remove the maintenance file: the agent announces again after rise healthy rounds.")
    static final class Undrain extends Sub {
        @Override
        int run(AgentConfig c) throws IOException {
            boolean was = Files.deleteIfExists(c.maintenanceFile());
            System.out.println("site-agent " + c.site() + ": " + (was ? "maintenance file removed" : "was not drained"));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Print the state BIRD was given.")
    static final class Status extends Sub {
        @Override
        int run(AgentConfig c) throws IOException {
            var held = new AnycastStateFile(c.stateFile()).read();
            System.out.println("site-agent " + c.site() + ": " + held.map(Enum::name).orElse("no state file yet")
                    + (Files.exists(c.maintenanceFile()) ? " (maintenance file present: draining or drained)" : ""));
            return 0;
        }
    }
}
