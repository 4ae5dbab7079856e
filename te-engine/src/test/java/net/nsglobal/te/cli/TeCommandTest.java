package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import net.nsglobal.platform.db.Database;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Candidate;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.MovedNetwork;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.ProposalState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code te} commands against a real lifecycle on the embedded PostgreSQL. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TeCommandTest {
    static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    @TempDir static Path dir;
    static Database db;
    static ProposalService service;
    static final AtomicReference<Proposal.Basis> current = new AtomicReference<>(new Proposal.Basis(41, 3));

    String out;
    String err;

    @BeforeAll
    static void open() throws Exception {
        db = Database.embedded(dir);
        ChangeApplier none = (site, knobs) -> new ChangeApplier.Outcome.Refused("not in this test");
        service = new ProposalService(PostgresProposalStore.open(db), none, current::get, LifecycleSettings.defaults(),
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        if (db != null) db.close();
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new TeCommand(t -> new TeCommand.Opened(service, () -> {})));
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int rc = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return rc;
    }

    static Knobs knobs(int prepend) {
        Map<String, Knobs.Session> m = new LinkedHashMap<>();
        m.put("ntt", new Knobs.Session(true, prepend, List.of(new Community(2914, 429, 0, false))));
        return new Knobs(m);
    }

    static RegionSummary region(String key, double p90, double optimal) {
        return new RegionSummary(key, 3, Map.of("ams1", 1.0), 10, 40, 2, p90, optimal);
    }

    static Proposal submit(String site) {
        Proposal.Basis b = current.get();
        List<ProbeRound> probes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) probes.add(new ProbeRound(i, 64500L, "JP", "AS", 35, 139, "ams1", 20, "nrt1", 5, 15, false, false, false));
        CatchmentSnapshot round = new CatchmentSnapshot(b.roundId(), T0, probes, List.of(region("ALL", 80, 0.5)),
                List.of(), List.of(), List.of(), 0);
        Candidate c = new Candidate(Map.of(site, knobs(2)), List.of(region("ALL", 80, 0.5)), List.of(region("ALL", 20, 1.0)),
                List.of(new MovedNetwork(64500, "JP", 3, "ams1", "nrt1")), List.of("NTT in JP prefers nrt1"), 0.875, 7);
        return service.submit(c, b, round, Map.of(site, knobs(0)));
    }

    @Test
    void proposalsAreListedAndShown() {
        Proposal p = submit("ams1");
        assertThat(run("proposals")).isZero();
        assertThat(out).contains("ID").containsPattern("(?m)^" + p.id() + "\\s+proposed\\s+2026-12-07 03:01:00\\s+ams1\\s+3\\s+—$");
        assertThat(run("show", String.valueOf(p.id()))).isZero();
        assertThat(out).startsWith("Proposal #" + p.id() + ": proposed\n")
                .contains("computed from  round " + current.get().roundId() + ", config version 3")
                .contains("ALL").contains("80.0 / 20.0 / —").contains("50.0% / 100.0% / —")
                .contains("  AS64500 JP: 3 probe(s) ams1 → nrt1")
                .contains("  ams1 ntt: prepend 0 → 2")
                .contains("te-engine  proposed: NTT in JP prefers nrt1");
        assertThat(run("show", "999999")).isEqualTo(1);
        assertThat(err).contains("there is no proposal #999999");
    }

    @Test
    void approveAndRejectNeedAReasonAndRefuseWhatCannotBe() {
        Proposal p = submit("nrt1");
        assertThat(run("approve", String.valueOf(p.id()))).isEqualTo(2); // --reason is required
        assertThat(err).contains("--reason");
        assertThat(run("reject", String.valueOf(p.id()), "--reason", " ")).isEqualTo(1);
        assertThat(err).contains("a reason is required");
        assertThat(service.find(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROPOSED);

        assertThat(run("approve", String.valueOf(p.id()), "--reason", "JP to Tokyo", "--operator", "alice")).isZero();
        assertThat(out).contains("Proposal #" + p.id() + " approved by alice.");
        Proposal back = service.find(p.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(ProposalState.APPROVED);
        assertThat(back.decision().orElseThrow()).isEqualTo(new Proposal.AuditEntry(T0.plusSeconds(60), "alice",
                "approved", "JP to Tokyo"));
        assertThat(run("reject", String.valueOf(p.id()), "--reason", "changed my mind")).isEqualTo(1);
        assertThat(err).contains("not rejected: proposal is approved");

        // Stale: a newer round came.
        Proposal q = submit("fra1");
        current.set(new Proposal.Basis(current.get().roundId() + 1, 3));
        assertThat(run("approve", String.valueOf(q.id()), "--reason", "late")).isEqualTo(1);
        assertThat(err).contains("stale");
        assertThat(service.find(q.id()).orElseThrow().state()).isEqualTo(ProposalState.STALE);
    }

    @Test
    void withoutADatabaseTheDefaultOpenerSaysWhichOptionsToGive() {
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new TeCommand());
        cl.setErr(new PrintWriter(e, true));
        assertThat(cl.execute("proposals")).isEqualTo(2);
        assertThat(e.toString()).contains("te: say which database: --data-dir DIR (embedded PostgreSQL) or --db-url URL");
    }
}
