package net.nsglobal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.nsglobal.control.config.ConfigFile;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.dashboard.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nsglobal control-plane --config dashboard.yaml}: the control plane and dashboard alone, for a real
 * deployment (PostgreSQL given by {@code db.url} or {@code --db-url}; embedded otherwise). Blocks until Ctrl-C/SIGTERM.
 */
@Command(name = "control-plane", mixinStandardHelpOptions = true,
        description = "Run the control plane: sign-up pages, JSON API, catalog for the collector.")
public final class ControlPlaneCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "YAML config (see docs/signup.md)")
    Path config;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL (overrides db.url)")
    String dbUrl;

    @Override
    public Integer call() {
        ControlPlaneConfig cfg;
        try {
            cfg = ConfigFile.load(config);
        } catch (ConfigFile.Invalid e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (dbUrl != null) {
            cfg = new ControlPlaneConfig(cfg.publicUrl(), cfg.http().getHostString(), cfg.http().getPort(), dbUrl, cfg.db().user(),
                    cfg.db().password(), cfg.dataDir(), cfg.resolver(), cfg.smtp(), cfg.allowList(), cfg.ownPrefixes(),
                    cfg.nsNames(), cfg.collector().transferAddress(), cfg.collector().dns(), cfg.edges(), cfg.catalog().zone(),
                    cfg.catalog().listen(), cfg.collector().keysFile(), cfg.limits(), false, cfg.signup(), cfg.catalog().tsigKey(),
                    cfg.collector().http());
        }
        ControlPlane plane;
        WebApp web;
        try {
            plane = ControlPlane.start(cfg, null, null);
        } catch (Exception e) {
            System.err.println("control-plane: cannot start: " + e);
            return 1;
        }
        try {
            web = WebApp.serve(plane, null);
        } catch (RuntimeException e) {
            plane.close();
            System.err.println("control-plane: cannot start: " + e);
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "control-plane-shutdown"));
        System.out.println("dashboard: " + web.url() + "/  (public URL " + cfg.publicUrl() + ")");
        System.out.println("catalog: " + cfg.catalog().zone() + " served on " + cfg.catalog().listen());
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
