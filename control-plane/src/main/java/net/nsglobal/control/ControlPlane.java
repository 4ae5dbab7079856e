package net.nsglobal.control;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.SqlProofStore;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.SqlRepository;
import net.nsglobal.control.store.Schema;
import net.nsglobal.control.store.SecretBox;
import net.nsglobal.control.store.SqlOperatorStore;
import net.nsglobal.dns.config.AddressPolicy;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.nsglobal.config.DomainName;

/**
 * The control plane in one object: database, catalog publisher, background jobs and the sign-up, confirmation,
 * delegation and status services (no web server: the dashboard serves pages over these services). {@link #start}
 * republishes the stored zone list, so a restarted control plane serves the same catalog.
 *
 * <p>It opens the platform's shared {@link Database} (migration set {@code control-plane}, see {@link Schema}) and owns
 * the one {@link Jobs} scheduler on it (see {@link #jobsInstance}): the status checks
 * ({@link StatusService#RECHECK}, {@link StatusService#REFRESH}), {@value #PURGE} and {@value #DELEGATIONS}.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
    /** The job deleting expired pending requests. */
    public static final String PURGE = "purge-expired-requests";
    /** The job re-checking every zone's delegation by its parent. */
    public static final String DELEGATIONS = "delegation-watch";
    private static final int JOB_THREADS = 4;
    private static final Duration JOBS_SHUTDOWN_BOUND = Duration.ofSeconds(5);
    private final Database db;
    private final Jobs jobs;
    private final CatalogPublisher publisher;
    private final ControlPlaneConfig config;
    private final Repository repo;
    private DelegationWatch delegations;
    private final StatusService statuses;

    /** The key sealing TSIG secrets in the database (kept beside, never inside, the database). */
    public static final String SECRETS_KEY_FILE = "tsig-secrets.key";

    private final SignupService signups;
    private final ConfirmService confirms;
    private final ProofStore proofs;
    private Operators operators;

    private ControlPlane(Database db, Jobs jobs, Repository repo, CatalogPublisher publisher, StatusService statuses,
                         ControlPlaneConfig config, SignupService signups, ConfirmService confirms, ProofStore proofs) {
        this.db = db;
        this.jobs = jobs;
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
        Jobs jobs = null;
        try {
            Schema.migrate(db);
            jobs = Jobs.open(db, jobsInstance(config), JOB_THREADS, JOBS_SHUTDOWN_BOUND);
            if (pub == null) {
                List<java.net.InetSocketAddress> targets = new ArrayList<>();
                if (config.collector().dns() != null) targets.add(config.collector().dns());
                InetAddress collectorAddr = config.collector().dns() == null ? null : config.collector().dns().getAddress();
                pub = new DnsCatalogPublisher(DomainName.parse(config.catalog().zone()), config.catalog().listen(), collectorAddr,
                        targets, config.dataDir().resolve("catalog-server"), config.catalog().tsigKey());
            }
            Repository repo = new SqlRepository(db.jdbi(), SecretBox.open(config.dataDir().resolve(SECRETS_KEY_FILE)));
            int sealed = repo.sealClearSecrets();
            if (sealed > 0) log.info("dashboard: {} TSIG secrets stored in clear are now encrypted", sealed);
            purge(repo);
            DnsProbe probe = new DnsProbe(config.resolver(), Duration.ofSeconds(3),
                    new AddressPolicy(config.allowList(), config.ownPrefixes()));
            Clock clock = Clock.systemUTC();
            Mailer m = mailer != null ? mailer : new SmtpMailer(config.smtp());
            ProofStore proofs = new SqlProofStore(db.jdbi());
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
            statuses = new StatusService(config, repo, db.jdbi(), probe, new TransferCheck(Duration.ofSeconds(5)),
                    clock, jobs);
            confirms.republish();
            ControlPlane cp = new ControlPlane(db, jobs, repo, pub, statuses, config, signups, confirms, proofs);
            cp.operators = new Operators(new SqlOperatorStore(db.jdbi()), OperatorSettings.of(config),
                    clock);
            cp.delegations = new DelegationWatch(repo, proofs, delegationCheck, clock);
            statuses.registerJobs();
            jobs.everyDelay(PURGE, config.limits().purgeEvery(), () -> purge(repo));
            jobs.everyDelay(DELEGATIONS, config.signup().delegationRecheck(), cp.delegations::runOnce);
            jobs.start();
            return cp;
        } catch (IOException | JobsException | RuntimeException e) {
            if (statuses != null) statuses.close();
            if (jobs != null) jobs.close();
            if (pub != null && publisher == null) pub.close();
            db.close();
            if (e instanceof JobsException j) throw new IOException(j.getMessage(), j);
            if (e instanceof IOException io) throw io;
            throw (RuntimeException) e;
        }
    }

    /**
     * The scheduler's instance name, under which Quartz stores its schedules: stable for one database (its URL, or the
     * embedded one's data directory), so a restart finds its schedules again, and distinct for two control planes on
     * different databases in one JVM (tests, demos), which Quartz would otherwise merge into one scheduler.
     */
    static String jobsInstance(ControlPlaneConfig config) {
        String where = config.db().url() == null || config.db().url().isBlank()
                ? config.dataDir().toAbsolutePath().normalize().toString() : config.db().url();
        return "control-plane-" + Integer.toHexString(where.hashCode());
    }

    private static void purge(Repository repo) {
        try {
            int n = repo.purgeExpiredPending();
            if (n > 0) log.info("dashboard: purged {} expired pending requests", n);
        } catch (RuntimeException e) {
            log.warn("dashboard: purging expired pending requests failed: {}", e.toString());
        }
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

    /** The control plane's background jobs (the scheduler the traffic-engineering jobs join). */
    public Jobs jobs() { return jobs; }

    /** The shared database (for modules that keep their own tables in it). */
    public Database database() { return db; }

    @Override
    public void close() {
        statuses.close(); // first: a running status job then returns at once
        jobs.close();
        publisher.close();
        db.close();
    }
}
