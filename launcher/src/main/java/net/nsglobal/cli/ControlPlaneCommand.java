package net.nsglobal.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.SiteSelection;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.config.TeDatabase;
import net.nsglobal.te.announce.PostgresAgentLog;
import net.nsglobal.te.config.TeConfig;
import net.nsglobal.te.engine.EngineSettings;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.dashboard.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nsglobal control-plane --config control-plane.yaml}: the control plane and dashboard alone, for a real
 * deployment. The process file's {@code control-plane:} section configures it (PostgreSQL given by {@code db.url} or
 * {@code --db-url}; embedded otherwise), its {@code sites:} section names the anycast sites. With
 * {@code control-plane.te-database} it also serves the TE engine's route-change proposals ({@link TeProposalsOver}).
 * Blocks until
 * Ctrl-C/SIGTERM. Exit status 2 = bad configuration (the message names file, line and key), 1 = could not start.
 */
@Command(name = "control-plane", mixinStandardHelpOptions = true,
        description = "Run the control plane: sign-up pages, JSON API, catalog for the collector.")
public final class ControlPlaneCommand implements Callable<Integer> {
    /** The sections a control-plane process file holds. */
    public static final String[] SECTIONS = {"control-plane", "sites", "te"};

    @Option(names = "--config", required = true,
            description = "process file with control-plane: and sites: sections, and te: when the TE engine shares it "
                    + "(docs/configuration.md)")
    Path config;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL (overrides control-plane.db.url)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user (overrides control-plane.db.user)")
    String dbUser;

    @Option(names = "--db-password", description = "database password (overrides control-plane.db.password)")
    String dbPassword;

    /**
     * The file's settings with the command-line overrides applied; the sites are checked, not used yet. The
     * proposals' lifecycle rules come from the {@code te:} section when the engine's file is also this one.
     */
    record Loaded(ControlPlaneConfig config, SiteSelection sites, Optional<TeDatabase> teDatabase,
                  LifecycleSettings lifecycle) {}

    Loaded load() throws ConfigException {
        ProcessFile file = ProcessFile.load(config, SECTIONS);
        ControlPlaneConfig cfg = ControlPlaneConfig.read(file);
        SiteSelection sites = file.read("sites", s -> SiteSelection.read(s, file.baseDir()));
        ControlPlaneConfig.Database db = cfg.db();
        if (dbUrl != null || dbUser != null || dbPassword != null) {
            cfg = cfg.withDb(new ControlPlaneConfig.Database(dbUrl != null ? dbUrl : db.url(),
                    dbUser != null ? dbUser : db.user(), dbPassword != null ? dbPassword : db.password()));
        }
        // te: is the engine's section (read whole, so that a mistake in it is named here as the engine would name it).
        LifecycleSettings lifecycle = !file.has("te") ? LifecycleSettings.defaults() : file.read("te", s -> {
            TeConfig.read(s);
            return EngineSettings.read(s, file.baseDir()).lifecycle();
        });
        return new Loaded(cfg, sites, TeDatabase.read(file), lifecycle);
    }

    @Override
    public Integer call() {
        Loaded loaded;
        try {
            loaded = load();
        } catch (ConfigException e) {
            System.err.println("control-plane: " + e.getMessage());
            return 2;
        }
        ControlPlaneConfig cfg = loaded.config();
        Running running;
        try {
            running = start(loaded);
        } catch (Exception e) {
            System.err.println("control-plane: cannot start: " + e);
            return 1;
        }
        WebApp web = running.web();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "control-plane-shutdown"));
        System.out.println("dashboard: " + web.url() + "/  (public URL " + cfg.publicUrl() + ")");
        System.out.println("catalog: " + cfg.catalog().zone() + " served on " + cfg.catalog().listen());
        loaded.teDatabase().ifPresent(t -> System.out.println("te proposals: " + web.url() + "/ops/te/proposals over "
                + t.url() + " (the TE engine applies what is approved)"));
        System.out.println("sites: " + loaded.sites().dir()
                + (loaded.sites().only().isEmpty() ? " (all)" : " (only " + String.join(", ", loaded.sites().only()) + ")"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.close();
        return 0;
    }

    /** A started control plane, its web server, and the TE engine's database when {@code te-database} is set. */
    record Running(ControlPlane plane, WebApp web, Optional<TeProposalsOver> te) implements AutoCloseable {
        @Override
        public void close() {
            web.close();
            te.ifPresent(TeProposalsOver::close);
            plane.close();
        }
    }

    /**
     * Starts the control plane and its web server: the site agents' page and API over its own database, and, with
     * {@code te-database}, the proposals' pages and API over the engine's (list, detail, approve, reject; the engine
     * applies). On failure nothing is left running.
     */
    static Running start(Loaded loaded) throws Exception {
        ControlPlane plane = ControlPlane.start(loaded.config(), null, null);
        TeProposalsOver te = null;
        try {
            if (loaded.teDatabase().isPresent()) {
                te = TeProposalsOver.open(loaded.teDatabase().get(), loaded.lifecycle());
            }
            // The site agents report to this process (POST /api/v1/te/agents/{site}/events); their states and
            // history are kept in its database and shown on /ops/te/agents.
            WebApp web = new WebApp(plane.config(), plane.signups(), plane.confirms(), plane.statuses(), null,
                    plane.proofs(), plane.operators(), Optional.empty(), null,
                    te == null ? Optional.empty() : Optional.of(te.proposals()),
                    Optional.of(PostgresAgentLog.open(plane.database(), java.time.Clock.systemUTC()))).start();
            return new Running(plane, web, Optional.ofNullable(te));
        } catch (Exception | Error e) {
            if (te != null) te.close();
            plane.close();
            throw e;
        }
    }
}
