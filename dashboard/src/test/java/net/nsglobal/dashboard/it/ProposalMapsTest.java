package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.MovedNetwork;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.testkit.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proposal's before/after maps: the probes of its basis round coloured by where they were, by where the prediction
 * puts them (the moved ones ringed) and, only once verified, by where they went.
 */
@Timeout(120)
class ProposalMapsTest {
    @TempDir static Path dir;
    static Harness h;
    static WebApp web;
    static FakeObservatory observatory;
    static ProposalService service;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
        h.operatorToken("observer", "observer-password");
        observatory = new FakeObservatory(true);
        ChangeApplier never = (site, knobs) -> new ChangeApplier.Outcome.Refused("not in this test");
        service = new ProposalService(PostgresProposalStore.open(h.plane.database()), never,
                () -> new Proposal.Basis(4711, 0), LifecycleSettings.defaults(), Clock.systemUTC());
        ControlPlaneConfig b = h.config;
        ControlPlaneConfig c = new ControlPlaneConfig(b.publicUrl(), new InetSocketAddress("127.0.0.1", 0), b.db(),
                b.dataDir(), b.resolver(), b.smtp(), b.allowList(), b.ownPrefixes(), b.nsNames(), b.collector(),
                b.edges(), b.catalog(), b.limits(), b.signup(), b.operators(), b.demoMailbox());
        web = new WebApp(c, h.plane.signups(), h.plane.confirms(), h.plane.statuses(), null, h.plane.proofs(),
                h.plane.operators(), Optional.of(observatory), ObservatoryWeb.COUNTRIES, Optional.of(service)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) web.close();
        if (h != null) h.close();
    }

    @Test
    void beforeAndPredictedMapsColourTheSameProbesAndRingTheMovedOnes() throws Exception {
        CatchmentSnapshot basis = observatory.latest().orElseThrow();
        ProbeRound moved = basis.probes().stream().filter(p -> p.asn() != null && p.site() != null && p.country() != null)
                .findFirst().orElseThrow();
        String to = moved.site().equals("fra1") ? "lhr1" : "fra1";
        Knobs k = Knobs.of(observatory.sites.stream().filter(s -> s.id().equals(moved.site())).findFirst().orElseThrow());
        Candidate cand = new Candidate(Map.of(moved.site(), k), basis.regions(), basis.regions(),
                List.of(new MovedNetwork(moved.asn(), moved.country(), 1, moved.site(), to)), List.of("test"), 0.9, 3);
        Proposal p = service.submit(cand, new Proposal.Basis(basis.roundId(), 0), basis, Map.of(moved.site(), k));

        Http http = new Http(web.url());
        assertThat(http.logIn("observer", "observer-password").statusCode()).isEqualTo(303);
        String page = http.get("/ops/te/proposals/" + p.id()).body();
        assertThat(page).contains("src=\"/ops/te/proposals/" + p.id() + "/map/before\"")
                .contains("src=\"/ops/te/proposals/" + p.id() + "/map/predicted\"")
                .doesNotContain("/map/measured");

        var before = http.get("/ops/te/proposals/" + p.id() + "/map/before");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.headers().firstValue("content-type").orElse("")).startsWith("image/svg+xml");
        assertThat(before.body()).contains("<circle class=\"probe\" data-probe=\"" + moved.probeId() + "\" data-site=\"" + moved.site() + "\"")
                .doesNotContain("probe flipped");
        String predicted = http.get("/ops/te/proposals/" + p.id() + "/map/predicted").body();
        assertThat(predicted).contains("<circle class=\"probe flipped\" data-probe=\"" + moved.probeId() + "\" data-site=\"" + to + "\"");
        long drawn = before.body().split("<circle ", -1).length - 1;
        assertThat(predicted.split("<circle ", -1).length - 1).as("the same probes on both maps").isEqualTo(drawn);
        assertThat(drawn).isEqualTo(basis.probes().size());

        assertThat(http.get("/ops/te/proposals/" + p.id() + "/map/measured").statusCode()).as("not verified yet").isEqualTo(404);
        assertThat(http.get("/ops/te/proposals/" + p.id() + "/map/sideways").statusCode()).isEqualTo(404);
        assertThat(new Http(web.url()).get("/ops/te/proposals/" + p.id() + "/map/before").statusCode())
                .as("operators only").isEqualTo(303);
    }
}
