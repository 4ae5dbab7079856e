package net.nsglobal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.MovedNetwork;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import net.nsglobal.testkit.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nsglobal control-plane} with {@code te-database:}: the TE engine's proposals (in the engine's own embedded
 * PostgreSQL) are listed and approved through the control plane's API; the approval lands in the engine's database.
 */
@Timeout(180)
class ControlPlaneTeProposalsTest {
    static final String KEY = "{name: k, secret: c2l4dGVlbi1ieXRlcy1zZWNyZXQ=}";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path dir;

    static Knobs knobs(int prepend) {
        return new Knobs(Map.of("ntt", new Knobs.Session(true, prepend, List.of(new Community(2914, 429, 0, false)))));
    }

    static RegionSummary region(String key, double p90, double optimal) {
        return new RegionSummary(key, 4, Map.of("ams1", 0.5, "nrt1", 0.5), 10, 40, 2, p90, optimal);
    }

    /** A proposal as the engine's loop stores one: for {@code site}, computed from the engine's current basis. */
    static Proposal propose(ProposalService engine, Proposal.Basis basis, String site) {
        List<ProbeRound> probes = List.of(
                new ProbeRound(1, 64500L, "JP", "AS", 35, 139, "ams1", 20, "nrt1", 5, 15, false, false, false));
        CatchmentSnapshot round = new CatchmentSnapshot(basis.roundId(), Instant.parse("2026-12-07T03:00:00Z"), probes,
                List.of(region("ALL", 80, 0.5)), List.of(), List.of(), List.of(), 0);
        Candidate c = new Candidate(Map.of(site, knobs(2)), List.of(region("ALL", 80, 0.5)),
                List.of(region("ALL", 20, 1.0)), List.of(new MovedNetwork(64500, "JP", 1, "ams1", "nrt1")),
                List.of("NTT in JP prefers nrt1"), 0.875, 7);
        return engine.submit(c, basis, round, Map.of(site, knobs(0)));
    }

    Path file(String teDatabase) throws Exception {
        Path f = dir.resolve("cp.yaml");
        Files.writeString(f, "control-plane:\n"
                + "  http: 127.0.0.1:0\n"
                + "  data-dir: cp\n"
                + "  catalog: {listen: 127.0.0.1:" + FreePorts.tcpUdp() + ", tsig-key: " + KEY + "}\n"
                + teDatabase);
        return f;
    }

    static ControlPlaneCommand.Loaded load(Path f) throws Exception {
        ControlPlaneCommand c = new ControlPlaneCommand();
        new CommandLine(c).parseArgs("--config", f.toString());
        return c.load();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEnginesProposalsAreListedAndApprovedThroughTheControlPlane() throws Exception {
        Path engineDir = dir.resolve("te-engine");
        try (Database engineDb = Database.embedded(engineDir)) {
            var measurements = MeasurementStores.open(engineDb, StoreSettings.defaults());
            ProposalService engine = new ProposalService(PostgresProposalStore.open(engineDb),
                    (site, k) -> { throw new AssertionError("nothing is applied in this test"); },
                    () -> Proposal.Basis.current(measurements), LifecycleSettings.defaults(), Clock.systemUTC());
            Proposal p = propose(engine, Proposal.Basis.current(measurements), "jnb1");
            Files.writeString(dir.resolve("te-password"), Database.embeddedPassword(engineDir) + "\n");

            Path f = file("  te-database:\n"
                    + "    url: jdbc:postgresql://127.0.0.1:" + engineDb.embeddedPort() + "/postgres\n"
                    + "    user: " + Database.EMBEDDED_USER + "\n"
                    + "    password-file: te-password\n"
                    + "te: {auto-apply: true, auto-apply-max-probes-moved: 3}\n");
            try (ControlPlaneCommand.Running cp = ControlPlaneCommand.start(load(f))) {
                cp.plane().operators().add("observer", "observer-password");
                String token = cp.plane().operators().createToken("observer-token", "observer");
                String base = cp.web().url();
                assertThat(cp.te().orElseThrow().proposals().autoApply()).as("te.auto-apply of the same file").isTrue();

                HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/te/proposals"))
                        .header("Authorization", "Bearer " + token));
                assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
                JsonNode row = null;
                for (JsonNode n : JSON.readTree(list.body()).path("proposals")) if (n.path("id").asLong() == p.id()) row = n;
                assertThat(row).as(list.body()).isNotNull();
                assertThat(row.path("state").asText()).isEqualTo("proposed");
                assertThat(row.path("sites").get(0).asText()).isEqualTo("jnb1");

                HttpResponse<String> detail = send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/te/proposals/" + p.id())).header("Authorization", "Bearer " + token));
                assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
                assertThat(JSON.readTree(detail.body()).path("knobs").path("jnb1").path("ntt").path("prepend").asInt())
                        .isEqualTo(2);

                HttpResponse<String> ok = send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/te/proposals/" + p.id() + "/approve"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"JP users to Tokyo\"}")));
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                assertThat(JSON.readTree(ok.body()).path("state").asText()).isEqualTo("approved");
            }
            // In the engine's database: approved, by the operator, and not applied (the engine's apply job does that).
            Proposal after = engine.find(p.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(ProposalState.APPROVED);
            assertThat(after.decision().orElseThrow().who()).isEqualTo("observer");
        }
    }

    @Test
    void withoutTeDatabaseThereIsNoProposalLifecycle() throws Exception {
        ControlPlaneCommand.Loaded loaded = load(file(""));
        assertThat(loaded.lifecycle()).isEqualTo(LifecycleSettings.defaults());
        try (ControlPlaneCommand.Running cp = ControlPlaneCommand.start(loaded)) {
            cp.plane().operators().add("observer", "observer-password");
            String token = cp.plane().operators().createToken("observer-token", "observer");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cp.web().url() + "/api/v1/te/proposals"))
                    .header("Authorization", "Bearer " + token));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(cp.te()).isEmpty();
        }
    }

    @Test
    void aBadTeDatabaseNamesFileLineAndKey() throws Exception {
        Path f = file("  te-database: {url: mysql://db/te}\n");
        assertThatThrownBy(() -> load(f)).hasMessageStartingWith(f + ":5: control-plane.te-database.url: expected a "
                + "PostgreSQL JDBC URL");
        Path g = file("  te-database:\n    user: te\n");
        assertThatThrownBy(() -> load(g)).hasMessageStartingWith(g + ":5: control-plane.te-database.url: is required");
        Path h = file("  te-database:\n    url: jdbc:postgresql://127.0.0.1:5432/te\n    password-file: missing\n");
        assertThatThrownBy(() -> load(h)).hasMessageStartingWith(h + ":7: control-plane.te-database.password-file: "
                + "cannot read " + dir.resolve("missing"));
        Path t = file("te: {auto-apply: maybe}\n");
        assertThatThrownBy(() -> load(t)).hasMessageStartingWith(t + ":5: te.auto-apply: ");
    }
}
