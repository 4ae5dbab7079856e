package net.nsglobal.te.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.nsglobal.atlas.api.ApiKey;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasConfig;
import net.nsglobal.atlas.backend.RipeAtlasBackend;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.cli.DataFiles;
import net.nsglobal.te.config.Schema;
import net.nsglobal.te.config.TeConfig;
import net.nsglobal.te.measure.IngestJob;
import net.nsglobal.te.measure.ObservatoryJobs;
import net.nsglobal.te.measure.ObservatoryService;
import net.nsglobal.te.measure.RoundJob;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import net.nsglobal.te.world.AsGraph;
import net.nsglobal.te.world.AsRegions;
import net.nsglobal.te.world.BirdAnnouncements;
import net.nsglobal.te.world.Probes;
import net.nsglobal.te.world.Routing;
import net.nsglobal.te.world.SimulatedWorld;
import net.nsglobal.te.world.api.AtlasOptions;
import net.nsglobal.te.world.api.SimulatedAtlas;
import net.nsglobal.te.world.rtt.RttModel;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's jobs, run in their list's order, on the embedded PostgreSQL against the simulated Internet measured
 * through a RIPE-Atlas-compatible API: the seed fleet's BIRD files (which the simulated world reads its
 * announcements from), one knotd per site answering hostname.bind with the site's NSID, the unchanged atlas client,
 * the observatory's round and ingest jobs. Learning goes through the production experiment runner (each experiment
 * rewrites the BIRD files through the fleet, measures catchment, restores) over the probes and pings of the first
 * round ({@link RoundVantage}); then a proposal is made from that round, approved, applied to the BIRD files, and
 * verified against the next round.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class EngineLoopTest {
    static final String KEY = "engine-loop-key";
    static final int PROBES = 1500;
    /**
     * The simulated Atlas's first measurement id, which seeds the probes each measurement draws. Not every draw has a
     * change to propose: in some, the few Oceanian probes that reach Tokyo over Hurricane Electric would land in
     * America after any change at nrt1, and the "no region pays" limit rightly holds every change back. This draw
     * has one (nrt1 stops announcing to HE); {@code -Dengine.loop.first-msm=N} replays another.
     */
    static final long FIRST_MSM = Long.getLong("engine.loop.first-msm", 1796647976001L);

    @TempDir Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void aProposalIsMadeApprovedAppliedAndVerified() throws Exception {
        // The demo's fleet (sites/ with sites/demo/ in place of its namesakes): nrt1's Hurricane Electric transit draws
        // much of Europe to Tokyo, so there is a change worth proposing (with the probes FIRST_MSM draws).
        Path fleetDir = Files.createDirectories(dir.resolve("fleet"));
        for (Path d : List.of(Path.of("..", "sites"), Path.of("..", "sites", "demo"))) {
            try (var files = Files.list(d)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(f, fleetDir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<Site> sites = Sites.load(fleetDir).all();
        Path birdDir = dir.resolve("bird");
        BirdConfig bird = new BirdConfig(Path.of("..", "sites", "templates"));
        for (Site s : sites) bird.write(s, Knobs.of(s), birdDir);
        Cidr prefix = sites.get(0).anycastV4().get(0);
        Routing routing = new Routing(AsGraph.load(DataFiles.file(DataFiles.GRAPH)), AsRegions.load(DataFiles.file(DataFiles.ORGS)));
        SimulatedWorld world = new SimulatedWorld(routing, sites.get(0).localAs(), sites,
                Probes.read(DataFiles.file(DataFiles.PROBES)), () -> {
                    try {
                        return BirdAnnouncements.read(birdDir, sites, prefix);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, RttModel.fitted());
        Map<String, InetSocketAddress> servers = new LinkedHashMap<>();
        Map<String, String> unicast = new LinkedHashMap<>();
        for (Site s : sites) {
            Knot k = Knot.start(dir, new KnotConfig().logLevel("warning").server("identity: " + s.id()).server("nsid: " + s.id()));
            open.add(k);
            servers.put(s.id(), k.address());
            unicast.put(s.unicastV4().getHostAddress(), s.id());
        }
        TeConfig te = new TeConfig(Schema.Backend.SIMULATED, List.of(), Duration.ofMinutes(15), PROBES,
                Duration.ofSeconds(10), Duration.ofMinutes(3), Duration.ofHours(1), Duration.ofDays(30));
        InetAddress anycast = ObservatoryJobs.anycastAddress(te, sites);
        SimulatedAtlas atlas = new SimulatedAtlas(world, servers, Clock.systemUTC(),
                AtlasOptions.of(KEY, Set.of(anycast.getHostAddress()), unicast).withDnsTimeout(Duration.ofMillis(300))
                        .withFirstMeasurementId(FIRST_MSM)).start(0);
        open.add(atlas);
        AtlasClient client = new AtlasClient(AtlasConfig.of(atlas.url(), ApiKey.of(KEY)));
        open.add(client);
        RipeAtlasBackend backend = new RipeAtlasBackend(client);
        Database db = Database.embedded(dir.resolve("db"));
        open.add(db);
        MeasurementStore store = MeasurementStores.open(db, StoreSettings.defaults());
        ObservatoryJobs observatoryJobs = ObservatoryJobs.of(te, backend, store, sites);
        Jobs jobs = Jobs.open(db, "te", 2, Duration.ofSeconds(5));
        open.add(jobs);
        ObservatoryService observatory = new ObservatoryService(store, jobs, observatoryJobs, "simulated", sites,
                Clock.systemUTC(), () -> client.credits().currentBalance(), Double.NaN);
        RoundVantage vantage = new RoundVantage(store, Duration.ofHours(1), Clock.systemUTC());
        List<String> ids = sites.stream().map(Site::id).toList();
        EngineSettings settings = EngineSettings.defaults();
        settings = new EngineSettings(settings.lifecycle(), settings.proposalInterval(), settings.verifyInterval(), true,
                0, settings.relearnProbeChange(), Duration.ZERO, Duration.ofSeconds(60), settings.timing(), Map.of());
        EngineJobs engine = EngineJobs.of(settings, sites, new EngineJobs.Bindings(new BirdFilesApplier(sites, bird, birdDir),
                        fleet -> new MeasuredExperimentRunner(fleet, backend, store, anycast,
                                () -> vantage.points(ids).orElseThrow().probes().stream().map(p -> p.id()).toList(),
                                Duration.ZERO, Duration.ofSeconds(60), Clock.systemUTC()), vantage),
                PostgresProposalStore.open(db), store, observatory, PROBES, () -> { }, Clock.systemUTC());
        assertThat(engine.names()).containsExactly(EngineJobs.LEARN, EngineJobs.PROPOSE, EngineJobs.APPLY,
                EngineJobs.VERIFY, EngineJobs.STALE);

        long first = measureRound(observatoryJobs, observatory);
        run(engine, EngineJobs.LEARN);
        // 2 per site plus the session experiments at the site whose catchment is the most anomalous (one per session
        // and per no-export community there).
        assertThat(engine.learnedExperiments()).hasValueSatisfying(n -> assertThat(n).isBetween(2 * sites.size(),
                2 * sites.size() + 6));
        for (Site s : sites) {
            assertThat(Files.readString(birdDir.resolve(s.id() + ".conf"))).as("%s restored after the experiments", s.id())
                    .isEqualTo(bird.render(s));
        }

        run(engine, EngineJobs.PROPOSE);
        List<Proposal> made = engine.proposals().list(10);
        assertThat(made).as("proposals after the propose job (%s)", engine.lastProposeVerdict()).hasSize(1);
        Proposal p = made.get(0);
        assertThat(p.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(p.basis().roundId()).isEqualTo(first);

        assertThat(engine.proposals().approve(p.id(), "ops", "engine loop test"))
                .isEqualTo(new ProposalState.Transition.Moved(ProposalState.APPROVED));
        run(engine, EngineJobs.APPLY);
        assertThat(engine.proposals().find(p.id()).orElseThrow().state()).isEqualTo(ProposalState.APPLIED);
        for (String site : p.sites()) {
            Site s = sites.stream().filter(x -> x.id().equals(site)).findFirst().orElseThrow();
            assertThat(Files.readString(birdDir.resolve(site + ".conf"))).as("%s's BIRD file", site)
                    .isEqualTo(bird.render(s, p.candidate().knobs().get(site)));
        }
        assertThat(engine.fleet().running()).containsAllEntriesOf(p.candidate().knobs());

        run(engine, EngineJobs.VERIFY);
        assertThat(engine.proposals().find(p.id()).orElseThrow().state()).as("no round after the change yet")
                .isEqualTo(ProposalState.APPLIED);
        long second = measureRound(observatoryJobs, observatory);
        run(engine, EngineJobs.VERIFY);
        Proposal verified = engine.proposals().find(p.id()).orElseThrow();
        assertThat(verified.state()).isIn(ProposalState.VERIFIED, ProposalState.ROLLED_BACK);
        assertThat(verified.verification()).isPresent();
        assertThat(verified.verification().get().roundId()).isEqualTo(second);
        // A restarted engine on the same database knows what the sites run: the verified proposal's knobs.
        EngineJobs restarted = EngineJobs.of(settings, sites, new EngineJobs.Bindings(new BirdFilesApplier(sites, bird, birdDir),
                fleet -> config -> { throw new AssertionError("no experiment"); }, vantage), PostgresProposalStore.open(db),
                store, observatory, PROBES, () -> { }, Clock.systemUTC());
        if (verified.state() == ProposalState.VERIFIED) {
            assertThat(restarted.fleet().running()).containsAllEntriesOf(p.candidate().knobs());
        } else {
            assertThat(restarted.fleet().running()).isEqualTo(restarted.fleet().configured());
        }
        System.out.println("te-engine loop test: proposal #" + p.id() + " for " + p.sites() + " " + verified.state()
                + ", " + verified.verification().get());
    }

    /** Starts a round and ingests until its analysis counts as complete; returns its id. */
    static long measureRound(ObservatoryJobs jobs, ObservatoryService observatory) throws Exception {
        entry(jobs.entries(), RoundJob.NAME).task().run(Instant.now());
        long[] id = {-1};
        Wait.until("a complete round ingested", Duration.ofSeconds(120), () -> {
            entry(jobs.entries(), IngestJob.NAME).task().run(Instant.now());
            var latest = observatory.latest();
            if (latest.isEmpty() || latest.get().probes().size() * 3 < PROBES * 2) return false;
            id[0] = latest.get().roundId();
            return true;
        });
        return id[0];
    }

    static void run(EngineJobs engine, String name) throws Exception {
        entry(engine.entries(), name).task().run(Instant.now());
    }

    static ObservatoryJobs.Entry entry(List<ObservatoryJobs.Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
