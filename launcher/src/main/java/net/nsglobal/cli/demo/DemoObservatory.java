package net.nsglobal.cli.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.nsglobal.atlas.api.ApiKey;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasConfig;
import net.nsglobal.atlas.backend.RipeAtlasBackend;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.cli.DataFiles;
import net.nsglobal.te.config.TeConfig;
import net.nsglobal.te.measure.ObservatoryJobs;
import net.nsglobal.te.measure.ObservatoryService;
import net.nsglobal.te.measure.RoundJob;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import net.nsglobal.te.world.AsGraph;
import net.nsglobal.te.world.AsRegions;
import net.nsglobal.te.announce.AgentEvents;
import net.nsglobal.te.world.BirdAnnouncements;
import net.nsglobal.te.world.Probes;
import net.nsglobal.te.world.Routing;
import net.nsglobal.te.world.SimulatedWorld;
import net.nsglobal.te.world.api.AtlasOptions;
import net.nsglobal.te.world.api.SimulatedAtlas;
import net.nsglobal.te.world.rtt.RttModel;

/**
 * The demo's observatory and route-change loop, in the order they start: each site's BIRD configuration rendered
 * into {@code <data-dir>/bird/} from the demo's fleet ({@code sites/} with the {@code sites/demo/} overlay; the
 * proposals the operator approves rewrite these files), the simulated Internet over the real AS graph and RIPE Atlas probes whose announcements are read back from those files, its
 * RIPE-Atlas-compatible API on loopback (a probe's DNS query goes to the demo edge of the site it reaches), the
 * unchanged Atlas client against it, the store on the demo's database, and the observatory's jobs on their own
 * clustered scheduler (instance "te"), with a first round at once so the map fills within a minute; then the
 * {@link DemoEngine}'s jobs (learn, propose, apply, verify) on the same scheduler.
 */
public final class DemoObservatory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoObservatory.class);

    /**
     * Demo schedule: a round every 5 minutes from 300 probes (a proposal stays approvable until the next round makes
     * it stale), results fetched every 10 s.
     */
    static final Duration ROUND_EVERY = Duration.ofMinutes(5), INGEST_EVERY = Duration.ofSeconds(10);
    static final int PROBES_PER_ROUND = 300;

    private final SimulatedAtlas atlas;
    private final Jobs jobs;
    private final ObservatoryService service;
    private final DemoEngine engine;
    private final Path birdDir;

    private DemoObservatory(SimulatedAtlas atlas, Jobs jobs, ObservatoryService service, DemoEngine engine, Path birdDir) {
        this.atlas = atlas;
        this.jobs = jobs;
        this.service = service;
        this.engine = engine;
        this.birdDir = birdDir;
    }

    /**
     * @param edges site id → the demo edge serving that site (the anycast address as a probe in its catchment sees it)
     */
    public static DemoObservatory start(Path dataDir, Path sitesDir, List<Site> sites, Map<String, InetSocketAddress> edges,
                                        Database db, int atlasPort, AgentEvents agents) throws Exception {
        Path birdDir = dataDir.resolve("bird");
        // The sites' files share one folder, so each site's agent state file is named by the site.
        BirdConfig bird = new BirdConfig(sitesDir.resolve("templates"), "{site}.anycast-state.conf");
        // Each start runs the fleet as sites/ (with the sites/demo overlay, Demo.sites) configures it; applied proposals
        // change these files until the next start.
        for (Site s : sites) bird.write(s, Knobs.of(s), birdDir);
        Cidr prefix = sites.get(0).anycastV4().get(0);
        long t0 = System.nanoTime();
        AsGraph graph = AsGraph.load(DataFiles.file(DataFiles.GRAPH));
        AsRegions regions = AsRegions.load(DataFiles.file(DataFiles.ORGS));
        var probes = Probes.read(DataFiles.file(DataFiles.PROBES));
        Routing routing = new Routing(graph, regions);
        SimulatedWorld world = new SimulatedWorld(routing, sites.get(0).localAs(), sites, probes,
                () -> announcements(birdDir, sites, prefix), RttModel.fitted());
        log.info("demo observatory: world of {} ASes, {} probes, {} sites loaded in {} ms", graph.size(), probes.size(),
                sites.size(), (System.nanoTime() - t0) / 1_000_000);

        String key = UUID.randomUUID().toString();
        Map<String, String> unicast = new LinkedHashMap<>();
        for (Site s : sites) unicast.put(s.unicastV4().getHostAddress(), s.id());
        TeConfig te = new TeConfig(net.nsglobal.te.config.Schema.Backend.SIMULATED, List.of(), ROUND_EVERY,
                PROBES_PER_ROUND, INGEST_EVERY, Duration.ofMinutes(3), Duration.ofHours(1), Duration.ofDays(30));
        InetAddress anycast = ObservatoryJobs.anycastAddress(te, sites);
        SimulatedAtlas atlas = new SimulatedAtlas(world, edges, Clock.systemUTC(),
                AtlasOptions.of(key, Set.of(anycast.getHostAddress()), unicast)).start(atlasPort);
        Jobs jobs = null;
        try {
            AtlasClient client = new AtlasClient(AtlasConfig.of(atlas.url(), ApiKey.of(key)));
            RipeAtlasBackend backend = new RipeAtlasBackend(client);
            MeasurementStore store = MeasurementStores.open(db, StoreSettings.defaults());
            ObservatoryJobs observatoryJobs = ObservatoryJobs.of(te, backend, store, sites);
            jobs = Jobs.open(db, "te", 4, Duration.ofSeconds(5));
            observatoryJobs.register(jobs);
            ObservatoryService service = new ObservatoryService(store, jobs, observatoryJobs, "simulated", sites,
                    Clock.systemUTC(), () -> client.credits().currentBalance(), Double.NaN);
            DemoEngine engine = DemoEngine.start(sites, probes, routing, prefix, db, store, service, jobs, bird, birdDir,
                    PROBES_PER_ROUND, edges, agents);
            jobs.start();
            jobs.runNow(RoundJob.NAME);
            return new DemoObservatory(atlas, jobs, service, engine, birdDir);
        } catch (Exception | Error e) {
            if (jobs != null) jobs.close();
            atlas.close();
            throw e;
        }
    }

    private static List<net.nsglobal.te.world.Announcement> announcements(Path birdDir, List<Site> sites, Cidr prefix) {
        try {
            return BirdAnnouncements.read(birdDir, sites, prefix);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("demo observatory: reading the sites' BIRD configuration: " + e.getMessage(), e);
        }
    }

    public ObservatoryService observatory() { return service; }

    /** The route-change proposals (what {@code /ops/te/proposals} shows and approves). */
    public net.nsglobal.te.propose.ProposalService proposals() { return engine.proposals(); }

    public String atlasUrl() { return atlas.url(); }

    public Path birdDir() { return birdDir; }

    /** Sites withdrawn because their demo edge stopped answering. */
    public java.util.Set<String> withdrawn() { return engine.withdrawn(); }

    public Optional<String> describe() {
        return Optional.of("simulated RIPE Atlas: " + atlas.url() + " (BIRD configs in " + birdDir + ")");
    }

    @Override
    public void close() {
        jobs.close();
        atlas.close();
    }
}
