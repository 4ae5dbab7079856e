package net.nsglobal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.SiteSelection;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dashboard.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nsglobal control-plane --config control-plane.yaml}: the control plane and dashboard alone, for a real
 * deployment. The process file's {@code control-plane:} section configures it (PostgreSQL given by {@code db.url} or
 * {@code --db-url}; embedded otherwise), its {@code sites:} section names the anycast sites. Blocks until
 * Ctrl-C/SIGTERM. Exit status 2 = bad configuration (the message names file, line and key), 1 = could not start.
 */
@Command(name = "control-plane", mixinStandardHelpOptions = true,
        description = "Run the control plane: sign-up pages, JSON API, catalog for the collector.")
public final class ControlPlaneCommand implements Callable<Integer> {
    /** The sections a control-plane process file holds. */
    public static final String[] SECTIONS = {"control-plane", "sites"};

    @Option(names = "--config", required = true,
            description = "process file with control-plane: and sites: sections (docs/configuration.md)")
    Path config;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL (overrides control-plane.db.url)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user (overrides control-plane.db.user)")
    String dbUser;

    @Option(names = "--db-password", description = "database password (overrides control-plane.db.password)")
    String dbPassword;

    /** The file's settings with the command-line overrides applied; the sites are checked, not used yet. */
    record Loaded(ControlPlaneConfig config, SiteSelection sites) {}

    Loaded load() throws ConfigException {
        ProcessFile file = ProcessFile.load(config, SECTIONS);
        ControlPlaneConfig cfg = ControlPlaneConfig.read(file);
        SiteSelection sites = file.read("sites", s -> SiteSelection.read(s, file.baseDir()));
        ControlPlaneConfig.Database db = cfg.db();
        if (dbUrl != null || dbUser != null || dbPassword != null) {
            cfg = cfg.withDb(new ControlPlaneConfig.Database(dbUrl != null ? dbUrl : db.url(),
                    dbUser != null ? dbUser : db.user(), dbPassword != null ? dbPassword : db.password()));
        }
        return new Loaded(cfg, sites);
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
        ControlPlane plane;
        WebApp web;
        try {
            plane = ControlPlane.start(cfg, null, null);
        } catch (Exception e) {
            System.err.println("control-plane: cannot start: " + e);
            return 1;
        }
        try {
            // The site agents report to this process (POST /api/v1/te/agents/{site}/events); their states and history
            // are kept in its database and shown on /ops/te/agents.
            web = WebApp.serve(plane, null, net.nsglobal.te.announce.PostgresAgentLog.open(plane.database(),
                    java.time.Clock.systemUTC()));
        } catch (RuntimeException e) {
            plane.close();
            System.err.println("control-plane: cannot start: " + e);
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "control-plane-shutdown"));
        System.out.println("dashboard: " + web.url() + "/  (public URL " + cfg.publicUrl() + ")");
        System.out.println("catalog: " + cfg.catalog().zone() + " served on " + cfg.catalog().listen());
        System.out.println("sites: " + loaded.sites().dir()
                + (loaded.sites().only().isEmpty() ? " (all)" : " (only " + String.join(", ", loaded.sites().only()) + ")"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        web.close();
        plane.close();
        return 0;
    }
}
