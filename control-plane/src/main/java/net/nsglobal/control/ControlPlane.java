package net.nsglobal.control;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.control.catalog.CatalogPublisher;
import net.nsglobal.control.catalog.CollectorKeysFile;
import net.nsglobal.control.catalog.DnsCatalogPublisher;
import net.nsglobal.control.catalog.KeysFirstPublisher;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.mail.Mailer;
import net.nsglobal.control.mail.SmtpMailer;
import net.nsglobal.control.operator.OperatorSettings;
import net.nsglobal.control.operator.Operators;
import net.nsglobal.control.probe.DnsProbe;
import net.nsglobal.control.probe.TransferCheck;
import net.nsglobal.control.probe.DelegationCheck;
import net.nsglobal.control.signup.ConfirmService;
import net.nsglobal.control.signup.DelegationWatch;
import net.nsglobal.control.signup.SignupService;
import net.nsglobal.control.status.StatusService;
import net.nsglobal.control.store.Database;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.SecretBox;
import net.nsglobal.control.store.SqlOperatorStore;
import net.nsglobal.dns.config.AddressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.nsglobal.config.DomainName;

/**
 * The control plane in one object: database, catalog publisher and the sign-up, confirmation, delegation and status
 * services (no web server: the dashboard serves pages over these services). {@link #start} republishes the stored
 * zone list, so a restarted control plane serves the same catalog.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
    private final Database db;
    private final CatalogPublisher publisher;
    private final ControlPlaneConfig config;
    private final Repository repo;
    private DelegationWatch delegations;
    private final StatusService statuses;
    private final java.util.concurrent.ScheduledExecutorService observer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dashboard-status-observer");
                t.setDaemon(true);
                return t;
            });

    /** The key sealing TSIG secrets in the database (kept beside, never inside, the database). */
    public static final String SECRETS_KEY_FILE = "tsig-secrets.key";

    private final SignupService signups;
    private final ConfirmService confirms;
    private final ProofStore proofs;
    private Operators operators;

    private ControlPlane(Database db, Repository repo, CatalogPublisher publisher, StatusService statuses,
                         ControlPlaneConfig config, SignupService signups, ConfirmService confirms, ProofStore proofs) {
        this.db = db;
        this.repo = repo;
        this.statuses = statuses;
        this.publisher = publisher;
        this.config = config;
        this.signups = signups;
        this.confirms = confirms;
        this.proofs = proofs;
    }

    /**
     * @param mailer    null = send through {@code config.smtp()}
     * @param publisher null = serve the catalog by DNS on {@code config.catalog().listen()} and NOTIFY the collector
     */
    public static ControlPlane start(ControlPlaneConfig config, Mailer mailer, CatalogPublisher publisher) throws IOException {
        Database db = Database.open(config.db().url(), config.db().user(), config.db().password(), config.dataDir());
        CatalogPublisher pub = publisher;
        StatusService statuses = null;
        try {
            if (pub == null) {
                List<java.net.InetSocketAddress> targets = new ArrayList<>();
                if (config.collector().dns() != null) targets.add(config.collector().dns());
                InetAddress collectorAddr = config.collector().dns() == null ? null : config.collector().dns().getAddress();
                pub = new DnsCatalogPublisher(DomainName.parse(config.catalog().zone()), config.catalog().listen(), collectorAddr,
                        targets, config.dataDir().resolve("catalog-server"), config.catalog().tsigKey());
            }
            Repository repo = new Repository(db.jdbi(), SecretBox.open(config.dataDir().resolve(SECRETS_KEY_FILE)));
            int sealed = repo.sealClearSecrets();
            if (sealed > 0) log.info("dashboard: {} TSIG secrets stored in clear are now encrypted", sealed);
            purge(repo);
            DnsProbe probe = new DnsProbe(config.resolver(), Duration.ofSeconds(3),
                    new AddressPolicy(config.allowList(), config.ownPrefixes()));
            Clock clock = Clock.systemUTC();
            Mailer m = mailer != null ? mailer : new SmtpMailer(config.smtp());
            ProofStore proofs = new ProofStore(db.jdbi());
            // Parents served by NS-Global are asked at their customers' primaries, never at our edges (which answer
            // from the longest zone they hold, a stale child included).
            DelegationCheck delegationCheck = new DelegationCheck(config.resolver(), config.signup().dnsPort(),
                    Duration.ofSeconds(3), zone -> repo.zone(zone).map(z -> z.primaries().stream()
                            .map(ControlPlane::socketAddress).toList()));
            SignupService signups = new SignupService(config, repo, probe, m, clock, proofs, delegationCheck);
            // Customers' TSIG secrets go to the collector's key file, never into the catalog.
            CatalogPublisher withKeys = config.collector().keysFile() == null ? pub
                    : new KeysFirstPublisher(new CollectorKeysFile(config.collector().keysFile()), pub);
            ConfirmService confirms = new ConfirmService(repo, withKeys, proofs, probe, delegationCheck,
                    config.limits());
            statuses = new StatusService(config, repo, probe, new TransferCheck(Duration.ofSeconds(5)), clock);
            confirms.republish();
            ControlPlane cp = new ControlPlane(db, repo, pub, statuses, config, signups, confirms, proofs);
            cp.operators = new Operators(new SqlOperatorStore(db.jdbi()), OperatorSettings.defaults(config.publicUrl()),
                    clock);
            cp.observeEvery(Duration.ofSeconds(30));
            cp.purgeEvery(config.limits().purgeEvery());
            cp.delegations = new DelegationWatch(repo, proofs, delegationCheck, clock);
            cp.watchDelegationsEvery(config.signup().delegationRecheck());
            return cp;
        } catch (IOException | RuntimeException e) {
            if (statuses != null) statuses.close();
            if (pub != null && publisher == null) pub.close();
            db.close();
            throw e;
        }
    }

    /**
     * Checks every zone periodically, so "last transfer" and "last error" are recorded even when nobody looks at the
     * status page, and pages find a recent result. The checks run on the status service's own threads (one per zone at
     * a time); one zone's failure never stops the round.
     */
    private void observeEvery(Duration every) {
        observer.scheduleWithFixedDelay(() -> {
            try {
                statuses.refreshAll();
            } catch (RuntimeException e) {
                log.warn("status: cannot list the zones to check: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes expired pending requests (and the TSIG secrets they carry) now and then every {@code every}. */
    private void purgeEvery(Duration every) {
        observer.scheduleWithFixedDelay(() -> purge(repo), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void purge(Repository repo) {
        try {
            int n = repo.purgeExpiredPending();
            if (n > 0) log.info("dashboard: purged {} expired pending requests", n);
        } catch (RuntimeException e) {
            log.warn("dashboard: purging expired pending requests failed: {}", e.toString());
        }
    }

    /** Re-checks every zone's delegation by its parent (first round one minute after start, then periodically). */
    private void watchDelegationsEvery(Duration every) {
        long first = Math.min(every.toMillis(), Duration.ofMinutes(1).toMillis());
        observer.scheduleWithFixedDelay(delegations::runOnce, first, every.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The periodic delegation check, to run a round now (operators' tools and tests). */
    public DelegationWatch delegations() { return delegations; }

    /** A stored primary ({@code ADDR:PORT} or {@code [V6]:PORT}) as a socket address. */
    private static java.net.InetSocketAddress socketAddress(String p) {
        int colon = p.lastIndexOf(':');
        String host = p.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new java.net.InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(p.substring(colon + 1)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("stored primary is not an address: " + p, e);
        }
    }

    public ControlPlaneConfig config() { return config; }

    public SignupService signups() { return signups; }

    public ConfirmService confirms() { return confirms; }

    public StatusService statuses() { return statuses; }

    public ProofStore proofs() { return proofs; }

    /** Operators' log-in, sessions and API tokens. */
    public Operators operators() { return operators; }

    public CatalogPublisher publisher() { return publisher; }

    /** The stored state (zones, pending requests), for operators' tools and tests. */
    public Repository repository() { return repo; }

    public org.jdbi.v3.core.Jdbi jdbi() { return db.jdbi(); }

    @Override
    public void close() {
        observer.shutdownNow();
        statuses.close();
        publisher.close();
        db.close();
    }
}
