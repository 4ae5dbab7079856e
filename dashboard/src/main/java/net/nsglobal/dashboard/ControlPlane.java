package net.nsglobal.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.nsglobal.dashboard.catalog.CatalogPublisher;
import net.nsglobal.dashboard.catalog.CollectorKeysFile;
import net.nsglobal.dashboard.catalog.DnsCatalogPublisher;
import net.nsglobal.dashboard.catalog.KeysFirstPublisher;
import net.nsglobal.dashboard.config.DashboardConfig;
import net.nsglobal.dashboard.mail.Mailer;
import net.nsglobal.dashboard.mail.SmtpMailer;
import net.nsglobal.dashboard.probe.DnsProbe;
import net.nsglobal.dashboard.probe.TransferCheck;
import net.nsglobal.dashboard.signup.ConfirmService;
import net.nsglobal.dashboard.signup.SignupService;
import net.nsglobal.dashboard.status.StatusService;
import net.nsglobal.dashboard.store.Database;
import net.nsglobal.dashboard.store.Repository;
import net.nsglobal.dashboard.web.DemoMail;
import net.nsglobal.dashboard.web.WebApp;
import org.xbill.DNS.Name;

/**
 * The control plane in one object: database, catalog publisher, sign-up/confirmation/status services and the web
 * server. {@link #start} republishes the stored zone list, so a restarted control plane serves the same catalog.
 */
public final class ControlPlane implements AutoCloseable {
    private final Database db;
    private final CatalogPublisher publisher;
    private final WebApp web;
    private final DashboardConfig config;
    private final Repository repo;
    private final java.util.concurrent.ScheduledExecutorService observer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dashboard-status-observer");
                t.setDaemon(true);
                return t;
            });

    private ControlPlane(Database db, CatalogPublisher publisher, WebApp web, DashboardConfig config) {
        this.db = db;
        this.repo = new Repository(db.jdbi());
        this.publisher = publisher;
        this.web = web;
        this.config = config;
    }

    /**
     * @param publisher   null = serve the catalog by DNS on {@code config.catalogListen()} and NOTIFY the collector
     * @param demoMailbox null outside the demo
     */
    public static ControlPlane start(DashboardConfig config, Mailer mailer, CatalogPublisher publisher,
                                     Supplier<List<DemoMail>> demoMailbox) throws IOException {
        Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir());
        CatalogPublisher pub = publisher;
        WebApp web = null;
        try {
            if (pub == null) {
                List<java.net.InetSocketAddress> targets = new ArrayList<>();
                if (config.collector() != null) targets.add(config.collector());
                InetAddress collectorAddr = config.collector() == null ? null : config.collector().getAddress();
                pub = new DnsCatalogPublisher(Name.fromString(config.catalogZone().endsWith(".")
                        ? config.catalogZone() : config.catalogZone() + "."), config.catalogListen(), collectorAddr,
                        targets, config.dataDir().resolve("catalog-server"), config.catalogKey());
            }
            Repository repo = new Repository(db.jdbi());
            DnsProbe probe = new DnsProbe(config.resolver(), Duration.ofSeconds(3));
            Clock clock = Clock.systemUTC();
            Mailer m = mailer != null ? mailer : new SmtpMailer(config.smtp());
            SignupService signups = new SignupService(config, repo, probe, m, clock);
            // Customers' TSIG secrets go to the collector's key file, never into the catalog.
            CatalogPublisher withKeys = config.collectorKeysFile() == null ? pub
                    : new KeysFirstPublisher(new CollectorKeysFile(config.collectorKeysFile()), pub);
            ConfirmService confirms = new ConfirmService(repo, withKeys);
            StatusService statuses = new StatusService(config, repo, probe, new TransferCheck(Duration.ofSeconds(5)), clock);
            confirms.republish();
            web = new WebApp(config, signups, confirms, statuses, demoMailbox).start();
            ControlPlane cp = new ControlPlane(db, pub, web, config);
            cp.observeEvery(Duration.ofSeconds(30), statuses);
            return cp;
        } catch (IOException | RuntimeException e) {
            if (web != null) web.close();
            if (pub != null && publisher == null) pub.close();
            db.close();
            throw e;
        }
    }

    /**
     * Checks every zone periodically, so "last transfer" and "last error" are recorded even when nobody looks at the
     * status page. One zone's failure never stops the round.
     */
    private void observeEvery(Duration every, StatusService statuses) {
        observer.scheduleWithFixedDelay(() -> {
            for (var z : repo.zones()) {
                try {
                    statuses.status(z.domain());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(ControlPlane.class)
                            .warn("status {}: check failed: {}", z.domain(), e.toString());
                }
            }
        }, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public int httpPort() { return web.port(); }

    /** The base URL of the web pages, as reachable on this machine. */
    public String url() {
        String host = config.httpHost().contains(":") ? "[" + config.httpHost() + "]" : config.httpHost();
        return "http://" + host + ":" + web.port();
    }

    public CatalogPublisher publisher() { return publisher; }

    /** The stored state (zones, pending requests), for operators' tools and tests. */
    public Repository repository() { return repo; }

    public org.jdbi.v3.core.Jdbi jdbi() { return db.jdbi(); }

    @Override
    public void close() {
        observer.shutdownNow();
        web.close();
        publisher.close();
        db.close();
    }
}
