package net.nsglobal.te.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.apply.Applier;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.BirdParser;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.apply.RouteHealth;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import net.nsglobal.testkit.BirdLab;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production {@link BirdChangeApplier} under the proposal lifecycle, against a real BIRD 2 site router and two
 * upstreams in network namespaces ({@link BirdLab}), reached through its {@code te.routers} item (local socket and
 * running file) on the embedded PostgreSQL: an approved proposal's knobs reach the upstream, a configuration
 * {@code bird -p} refuses fails the proposal and changes nothing, and a rollback brings the previous path back.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BirdChangeApplierLabTest {
    static final Path TEMPLATES = Path.of("..", "sites", "templates");
    static final String PREFIX = "198.51.100.0/24";
    static final String YAML = net.nsglobal.testkit.BirdLab.SITE_YAML;

    @TempDir static Path dbDir;
    static Database db;
    static MeasurementStore store;
    static PostgresProposalStore proposalStore;

    @TempDir Path dir;
    Site site;
    BirdLab lab;
    RouterConfig router;

    @BeforeAll
    static void openDb() throws Exception {
        db = Database.embedded(dbDir);
        store = MeasurementStores.open(db, StoreSettings.defaults());
        proposalStore = PostgresProposalStore.open(db);
    }

    @AfterAll
    static void closeDb() {
        if (db != null) db.close();
    }

    @BeforeEach
    void startLab() throws Exception {
        net.nsglobal.te.propose.ProposalTables.empty(db);
        Path sites = dir.resolve("sites");
        Files.createDirectories(sites);
        Files.writeString(sites.resolve("lab1.yaml"), YAML);
        site = Sites.load(sites).byId("lab1").orElseThrow();
        lab = BirdLab.start(dir.resolve("lab"), 64500, new BirdConfig(TEMPLATES).render(site));
        router = new RouterConfig("te.routers[0]", "lab1", lab.socket("site").toString(), lab.siteConfig().toString(),
                Optional.empty());
        awaitPath("up1", "64500");
    }

    @AfterEach
    void stopLab() {
        if (lab != null) lab.close();
    }

    /** The lifecycle over the production applier with the given templates; health seen from the site's side. */
    ProposalService lifecycle(Path templates) throws Exception {
        Applier.Timing timing = new Applier.Timing(Duration.ofSeconds(60), Duration.ofSeconds(40), Duration.ofMillis(100));
        ChangeApplier production = new BirdChangeApplier(List.of(site), Map.of("lab1", router), new BirdConfig(templates),
                new BirdParser(), new RouteHealth(), timing, SiteHosts::open);
        Fleet fleet = new Fleet(List.of(site), production, store, Clock.systemUTC());
        return new ProposalService(proposalStore, fleet.applier(), () -> Proposal.Basis.current(store),
                EngineSettings.defaults().lifecycle(), Clock.systemUTC());
    }

    /** Submits and approves a proposal for {@code knobs}; returns its id. */
    long approved(ProposalService lifecycle, Knobs knobs) {
        Proposal.Basis basis = Proposal.Basis.current(store);
        Proposal p = lifecycle.submit(Figures.candidate("lab1", knobs), basis,
                Figures.round(basis.roundId(), Instant.now().minusSeconds(60), "lab1", 80, 0.5), Map.of("lab1", Knobs.of(site)));
        assertThat(lifecycle.approve(p.id(), "ops", "lab test")).isEqualTo(new ProposalState.Transition.Moved(ProposalState.APPROVED));
        return p.id();
    }

    @Test
    void anApprovedProposalsKnobsReachTheUpstream() throws Exception {
        ProposalService lifecycle = lifecycle(TEMPLATES);
        long id = approved(lifecycle, Knobs.of(site).withPrepend("up1", 2).withPrepend("up2", 2));

        ProposalState.Transition t = lifecycle.apply(id);

        assertThat(t).isEqualTo(new ProposalState.Transition.Moved(ProposalState.APPLIED));
        awaitPath("up1", "64500 64500 64500");
        awaitPath("up2", "64500 64500 64500");
        assertThat(Files.readString(lab.siteConfig())).contains("bgp_path.prepend(64500);");
        assertThat(lifecycle.find(id).orElseThrow().audit()).anySatisfy(a -> assertThat(a.reason()).contains("confirmed on local"));
    }

    @Test
    void aConfigurationBirdRefusesFailsTheProposalAndChangesNothing() throws Exception {
        Path broken = dir.resolve("broken-templates");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("bird.conf.ftl"), Files.readString(TEMPLATES.resolve("bird.conf.ftl"))
                + "\nprotocol bgp broken { neighbour 10.0.0.1 as; }\n");
        String before = Files.readString(lab.siteConfig());
        ProposalService lifecycle = lifecycle(broken);
        long id = approved(lifecycle, Knobs.of(site).withPrepend("up1", 1).withPrepend("up2", 1));

        ProposalState.Transition t = lifecycle.apply(id);

        assertThat(t).isEqualTo(new ProposalState.Transition.Moved(ProposalState.FAILED));
        assertThat(lifecycle.find(id).orElseThrow().audit()).anySatisfy(a ->
                assertThat(a.reason()).contains("lab1: refused").contains("parse").contains("syntax error"));
        assertThat(Files.readString(lab.siteConfig())).isEqualTo(before);
        assertThat(seenBy("up1")).contains("BGP.as_path: 64500\n");
        assertThat(lab.birdc("site", "show protocols")).doesNotContain("broken");
    }

    @Test
    void aRollbackRestoresThePreviousPath() throws Exception {
        ProposalService lifecycle = lifecycle(TEMPLATES);
        String original = Files.readString(lab.siteConfig());
        long id = approved(lifecycle, Knobs.of(site).withPrepend("up1", 3).withPrepend("up2", 3));
        assertThat(lifecycle.apply(id)).isEqualTo(new ProposalState.Transition.Moved(ProposalState.APPLIED));
        awaitPath("up1", "64500 64500 64500 64500");

        // The round after the change measures p90 inflation 80 → 200 ms: past the 5 ms threshold.
        ProposalService.Verdict v = lifecycle.verify(id, Figures.round(99, Instant.now().plusSeconds(5), "lab1", 200, 0.1));

        assertThat(v).isInstanceOf(ProposalService.Verdict.RolledBack.class);
        assertThat(((ProposalService.Verdict.RolledBack) v).outcomes().get("lab1")).isInstanceOf(ChangeApplier.Outcome.Applied.class);
        awaitPath("up1", "64500");
        awaitPath("up2", "64500");
        assertThat(Files.readString(lab.siteConfig())).isEqualTo(original);
        assertThat(lifecycle.find(id).orElseThrow().state()).isEqualTo(ProposalState.ROLLED_BACK);
    }

    String seenBy(String upstream) {
        return lab.birdc(upstream, "show route " + PREFIX + " all");
    }

    void awaitPath(String upstream, String path) {
        Wait.until(upstream + " sees " + PREFIX + " with BGP.as_path " + path, Duration.ofSeconds(40),
                () -> seenBy(upstream), s -> s.contains("BGP.as_path: " + path + "\n"));
    }
}
