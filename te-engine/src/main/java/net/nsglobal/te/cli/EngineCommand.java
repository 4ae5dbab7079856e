package net.nsglobal.te.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasConfig;
import net.nsglobal.atlas.api.AtlasException;
import net.nsglobal.atlas.backend.RipeAtlasBackend;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.SiteSelection;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.platform.sites.SitesException;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.config.Schema;
import net.nsglobal.te.config.TeConfig;
import net.nsglobal.te.engine.BirdChangeApplier;
import net.nsglobal.te.engine.EngineJobs;
import net.nsglobal.te.engine.EngineSettings;
import net.nsglobal.te.engine.MeasuredExperimentRunner;
import net.nsglobal.te.engine.RoundVantage;
import net.nsglobal.te.measure.ObservatoryJobs;
import net.nsglobal.te.measure.ObservatoryService;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nsglobal te engine --config FILE}: the TE engine as a process. In the order it starts: the process file
 * ({@code te:}, {@code atlas:}, {@code sites:}) read and checked — every site has a {@code te.routers} item; the
 * database (embedded PostgreSQL in {@code --data-dir}, by default {@code var/te-engine} beside the file, or
 * {@code --db-url}) and the measurement store; the RIPE Atlas client of the {@code atlas:} section; the observatory's
 * jobs ({@link ObservatoryJobs}) and the route-change loop's ({@link EngineJobs}) on one clustered scheduler
 * (instance "te"). It runs until SIGTERM or Ctrl-C, then stops the scheduler (letting running jobs finish within
 * its bound), the client and the database.
 *
 * <p>Exit status: 0 stopped, 2 bad configuration (the message names the file, line, key and site), 1 cannot start.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Run the TE engine: the observatory's rounds and the route-change loop (learn, propose, apply, verify) until SIGTERM.")
public final class EngineCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(EngineCommand.class);
    static final String[] SECTIONS = {"te", "atlas", "sites"};

    @ParentCommand TeCommand te;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "process file with te:, atlas: and sites: sections (docs/configuration.md)")
    Path config;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** The te: section: the observatory's settings and the loop's. */
    record TeSection(TeConfig measure, EngineSettings engine) {}

    /** What the file says, checked against the fleet. */
    record Loaded(TeConfig measure, EngineSettings engine, SiteSelection selection, List<Site> sites, Path baseDir) {}

    Loaded load() throws ConfigException {
        ProcessFile f = ProcessFile.load(config, SECTIONS);
        TeSection te = f.read(Schema.SECTION, s -> new TeSection(TeConfig.read(s), EngineSettings.read(s, f.baseDir())));
        TeConfig measure = te.measure();
        EngineSettings engine = te.engine();
        SiteSelection selection = f.read("sites", s -> SiteSelection.read(s, f.baseDir()));
        if (measure.measurementBackend() != Schema.Backend.RIPE_ATLAS) {
            throw f.locate(new ConfigException("te.measurement-backend", "the engine process measures with ripe-atlas "
                    + "(simulated runs inside ./nsglobal demo; for a dry run point atlas.api-url at a simulated Atlas)"));
        }
        List<Site> sites;
        try {
            List<Site> all = Sites.load(selection.dir()).all();
            sites = new ArrayList<>();
            for (Site s : all) if (selection.only().isEmpty() || selection.only().contains(s.id())) sites.add(s);
            for (String code : selection.only()) {
                if (sites.stream().noneMatch(s -> s.id().equals(code))) {
                    throw f.locate(new ConfigException("sites.only", "no site file " + code + ".yaml in " + selection.dir()));
                }
            }
        } catch (SitesException | IOException e) {
            throw f.locate(new ConfigException("sites.dir", "cannot read the sites in " + selection.dir() + ": " + e.getMessage()));
        }
        if (sites.isEmpty()) throw f.locate(new ConfigException("sites.dir", "no site in " + selection.dir()));
        try {
            engine.checkRouters(sites);
        } catch (ConfigException e) {
            throw f.locate(e);
        }
        return new Loaded(measure, engine, selection, sites, f.baseDir());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Loaded c;
        AtlasConfig atlas;
        try {
            c = load();
            atlas = AtlasConfig.resolve(null, config, System.getenv());
        } catch (ConfigException e) {
            err.println("te engine: " + e.getMessage());
            err.flush();
            return 2;
        } catch (AtlasException e) {
            err.println("te engine: " + e.getMessage());
            err.flush();
            return 2;
        }
        List<AutoCloseable> open = new ArrayList<>();
        Thread hook = new Thread(this::stopAndWait, "te-engine-shutdown");
        try {
            Database db = te.dbUrl != null && !te.dbUrl.isBlank() ? Database.open(te.dbUrl, te.dbUser, te.dbPassword, null)
                    : Database.embedded(te.dataDir != null ? te.dataDir : c.baseDir().resolve("var/te-engine"));
            open.add(db);
            MeasurementStore store = MeasurementStores.open(db, StoreSettings.defaults());
            AtlasClient client = new AtlasClient(atlas);
            open.add(client);
            RipeAtlasBackend backend = new RipeAtlasBackend(client);
            ObservatoryJobs observatoryJobs = ObservatoryJobs.of(c.measure(), backend, store, c.sites());
            Jobs jobs = Jobs.open(db, "te", 4, Duration.ofSeconds(30));
            open.add(jobs);
            observatoryJobs.register(jobs);
            Clock clock = Clock.systemUTC();
            ObservatoryService observatory = new ObservatoryService(store, jobs, observatoryJobs, backend.name(), c.sites(),
                    clock, () -> client.credits().currentBalance(), Double.NaN);
            InetAddress anycast = ObservatoryJobs.anycastAddress(c.measure(), c.sites());
            RoundVantage vantage = new RoundVantage(store, c.measure().ingestLookback(), clock);
            List<String> ids = c.sites().stream().map(Site::id).toList();
            EngineSettings s = c.engine();
            EngineJobs engine = EngineJobs.of(s, c.sites(), new EngineJobs.Bindings(
                    BirdChangeApplier.of(c.sites(), s, new BirdConfig(c.selection().dir().resolve("templates"))),
                    fleet -> new MeasuredExperimentRunner(fleet, backend, store, anycast,
                            () -> vantage.points(ids).map(p -> p.probes().stream().map(x -> x.id()).toList()).orElse(List.of()),
                            s.experimentSettle(), s.experimentWait(), clock), vantage),
                    PostgresProposalStore.open(db), store, observatory, c.measure().probesPerRound(), () -> { }, clock);
            engine.register(jobs);
            Runtime.getRuntime().addShutdownHook(hook);
            jobs.start();
            java.util.Optional<net.nsglobal.te.store.Round> last = store.latestRound();
            if (last.isEmpty() || last.get().started().isBefore(clock.instant().minus(c.measure().measurementInterval()))) {
                // A restarted engine measures at once rather than a whole interval later; the schedule goes on from there.
                log.info("te-engine: last round {}; measuring one now", last.map(r -> "started " + r.started()).orElse("none"));
                jobs.runNow(net.nsglobal.te.measure.RoundJob.NAME);
            }
            log.info("te-engine: started: {} sites {}, measuring {} with {} at {}; database {}", ids.size(), ids,
                    anycast.getHostAddress(), backend.name(), atlas.apiUrl(), db.embeddedPort() > 0
                            ? "embedded PostgreSQL on port " + db.embeddedPort() : "at --db-url");
            s.routers().values().forEach(r -> log.info("te-engine: site {}: BIRD {}", r.site(), r.describe()));
            log.info("te-engine: jobs {} then {}; auto-apply {}; experiments on production {}", observatoryJobs.names(),
                    engine.names(), s.lifecycle().autoApply() ? "on" : "off", s.experimentsOnProduction() ? "allowed" : "off");
            out.println("te engine: " + ids.size() + " sites, jobs " + String.join(", ", observatoryJobs.names()) + ", "
                    + String.join(", ", engine.names()) + "; stop with SIGTERM or Ctrl-C");
            out.flush();
            stop.await();
            log.info("te-engine: stopping");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            err.println("te engine: cannot start: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    log.warn("te-engine: closing {} failed: {}", open.get(i).getClass().getSimpleName(), e.getMessage());
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already (the hook is running), or it was never added
            }
            stopped.countDown();
        }
    }

    /** What SIGTERM runs: lets {@link #call} close everything, and waits for it (bounded) so the JVM exits after. */
    void stopAndWait() {
        stop.countDown();
        try {
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a running {@link #call} (the shutdown hook's work, for tests). */
    void stop() { stop.countDown(); }
}
