package net.nsglobal.te.propose;

import static net.nsglobal.te.propose.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import net.nsglobal.platform.db.Database;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.Proposal.Basis;
import net.nsglobal.te.propose.ProposalState.Transition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle end to end on the embedded PostgreSQL with a recording {@link ChangeApplier}: approval needs a reason
 * and a fresh basis, apply goes site by site, verification compares prediction and measurement and rolls back.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProposalServiceTest {
    @TempDir static Path dir;
    static Database db;
    static PostgresProposalStore store;

    /** Every call the applier got, and what it answers per site (default: applied). */
    final List<String> calls = new ArrayList<>();
    final Map<String, ChangeApplier.Outcome> answers = new java.util.HashMap<>();
    final ChangeApplier recording = (site, knobs) -> {
        calls.add(site + " prepend " + knobs.session("ntt").prepend());
        return answers.getOrDefault(site, new ChangeApplier.Outcome.Applied("bird reconfigured"));
    };
    final AtomicReference<Basis> current = new AtomicReference<>(new Basis(41, 3));
    final Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    @BeforeAll
    static void open() throws Exception {
        db = Database.embedded(dir);
        store = PostgresProposalStore.open(db);
    }

    @AfterAll
    static void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void empty() {
        ProposalTables.empty(db);
    }

    ProposalService service(LifecycleSettings s) { return new ProposalService(store, recording, current::get, s, clock); }

    Proposal submit(ProposalService svc, String site, int moved) {
        return svc.submit(Fixtures.candidate(site, moved), new Basis(41, 3), Fixtures.round(41, T0, "ams1", 80, 0.5),
                Fixtures.previous());
    }

    /** Approved and applied, as an operator would. */
    Proposal applied(ProposalService svc) {
        Proposal p = submit(svc, "ams1", 2);
        assertThat(svc.approve(p.id(), "alice", "JP users to Tokyo")).isInstanceOf(Transition.Moved.class);
        assertThat(svc.apply(p.id())).isEqualTo(new Transition.Moved(ProposalState.APPLIED));
        return p;
    }

    @Test
    void approvalAndRejectionNeedAReasonAndAreLogged() {
        ProposalService svc = service(LifecycleSettings.defaults());
        Proposal p = submit(svc, "ams1", 2);
        assertThat(p.previous()).containsOnlyKeys("ams1"); // only the changed sites are kept for a rollback
        assertThat(svc.reject(p.id(), "bob", "  ")).isInstanceOf(Transition.Refused.class);
        assertThat(svc.approve(p.id(), "bob", null)).isInstanceOf(Transition.Refused.class);
        assertThat(store.find(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(svc.reject(p.id(), "bob", "not during the migration")).isEqualTo(new Transition.Moved(ProposalState.REJECTED));
        Proposal back = store.find(p.id()).orElseThrow();
        assertThat(back.decision()).hasValue(new Proposal.AuditEntry(clock.instant(), "bob", "rejected", "not during the migration"));
        assertThat(svc.apply(p.id())).isInstanceOf(Transition.Refused.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void aNewerRoundMakesAProposalStaleBeforeItCanBeApprovedOrApplied() {
        ProposalService svc = service(LifecycleSettings.defaults());
        Proposal p = submit(svc, "ams1", 2);
        current.set(new Basis(42, 3));
        Transition t = svc.approve(p.id(), "alice", "looks good");
        assertThat(t).isInstanceOf(Transition.Refused.class);
        assertThat(((Transition.Refused) t).reason()).contains("stale");
        assertThat(store.find(p.id()).orElseThrow().state()).isEqualTo(ProposalState.STALE);

        // Approved, then the config changes before it is applied: not applied.
        current.set(new Basis(42, 3));
        Proposal q = svc.submit(Fixtures.candidate("nrt1", 2), new Basis(42, 3), Fixtures.round(42, T0, "ams1", 80, 0.5),
                Fixtures.previous());
        assertThat(svc.approve(q.id(), "alice", "looks good")).isInstanceOf(Transition.Moved.class);
        current.set(new Basis(42, 4));
        assertThat(svc.apply(q.id())).isInstanceOf(Transition.Refused.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void autoApplyIsOffByDefaultAndTakesOnlyLowRiskProposals() {
        assertThat(LifecycleSettings.defaults().autoApply()).isFalse();
        Proposal waiting = submit(service(LifecycleSettings.defaults()), "ams1", 2);
        assertThat(waiting.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(calls).isEmpty();

        ProposalService auto = service(LifecycleSettings.defaults().withAutoApply(true));
        Proposal big = submit(auto, "nrt1", 51); // more probes than the low-risk limit of 50
        assertThat(big.state()).isEqualTo(ProposalState.PROPOSED);
        Proposal small = submit(auto, "fra1", 2);
        assertThat(small.state()).isEqualTo(ProposalState.APPLIED);
        assertThat(small.decision().orElseThrow().who()).isEqualTo(ProposalService.AUTO);
        assertThat(calls).containsExactly("fra1 prepend 2");
    }

    @Test
    void aSiteThatRefusesLeavesTheOthersAsTheyWereAndTheProposalFailed() {
        ProposalService svc = service(LifecycleSettings.defaults());
        Map<String, Knobs> two = new java.util.TreeMap<>(Map.of("ams1", Fixtures.knobs(2), "nrt1", Fixtures.knobs(1)));
        Candidate c = Fixtures.candidate("ams1", 2);
        Candidate both = new Candidate(two, c.predictedBefore(), c.predictedAfter(), c.moved(), c.reasons(), 0.9, 7);
        Proposal p = svc.submit(both, new Basis(41, 3), Fixtures.round(41, T0, "ams1", 80, 0.5), Fixtures.previous());
        svc.approve(p.id(), "alice", "both");
        answers.put("nrt1", new ChangeApplier.Outcome.Refused("bird: syntax error"));
        assertThat(svc.apply(p.id())).isEqualTo(new Transition.Moved(ProposalState.FAILED));
        // ams1 got the new knobs, nrt1 refused, ams1 got its previous knobs back.
        assertThat(calls).containsExactly("ams1 prepend 2", "nrt1 prepend 1", "ams1 prepend 0");
        Proposal back = store.find(p.id()).orElseThrow();
        assertThat(back.audit().get(back.audit().size() - 1).reason()).startsWith("nrt1: refused: bird: syntax error");
        // Its sites are free again.
        Proposal next = submit(svc, "ams1", 2);
        assertThat(svc.approve(next.id(), "alice", "again")).isInstanceOf(Transition.Moved.class);
    }

    @Test
    void anOutcomeAsPredictedIsVerifiedWithItsAccuracy() {
        ProposalService svc = service(LifecycleSettings.defaults());
        Proposal p = applied(svc);
        // Probes 1 and 2 went to nrt1 as predicted, 3 stayed: 3 of 3 answering probes right; p90 80 → 22 ms.
        ProposalService.Verdict v = svc.verify(p.id(), Fixtures.round(43, T0.plusSeconds(900), "nrt1", 22, 0.95));
        assertThat(v).isInstanceOf(ProposalService.Verdict.Kept.class);
        Proposal back = store.find(p.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(ProposalState.VERIFIED);
        assertThat(back.verification().orElseThrow().probeAccuracy()).isEqualTo(1.0);
        assertThat(back.verification().orElseThrow().probesCompared()).isEqualTo(3);
        Proposal.RegionComparison all = back.regions().get(0);
        assertThat(all).isEqualTo(new Proposal.RegionComparison("ALL", 80, 20, 22, 0.5, 1.0, 0.95));
        assertThat(store.probes(p.id())).extracting(ProposalStore.ProbeSites::measuredSite)
                .containsExactly("nrt1", "nrt1", "ams1", null);
        assertThat(calls).containsExactly("ams1 prepend 2");
    }

    @Test
    void anOutcomeWorseBeyondTheThresholdIsRolledBack() {
        ProposalService svc = service(LifecycleSettings.defaults());
        Proposal p = applied(svc);
        // The JP probes stayed at ams1 (prediction wrong for 2 of 3) and p90 inflation rose 80 → 86 ms (> 5 ms).
        ProposalService.Verdict v = svc.verify(p.id(), Fixtures.round(43, T0.plusSeconds(900), "ams1", 86, 0.5));
        assertThat(v).isInstanceOf(ProposalService.Verdict.RolledBack.class);
        ProposalService.Verdict.RolledBack rb = (ProposalService.Verdict.RolledBack) v;
        assertThat(rb.restore()).isEqualTo(Map.of("ams1", Fixtures.knobs(0)));
        assertThat(rb.why()).contains("p90 inflation of all probes rose 6.0 ms");
        assertThat(calls).containsExactly("ams1 prepend 2", "ams1 prepend 0");
        Proposal back = store.find(p.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(ProposalState.ROLLED_BACK);
        assertThat(back.verification().orElseThrow().probeAccuracy()).isEqualTo(1 / 3.0);
        assertThat(back.verification().orElseThrow().rolledBack()).isTrue();
        assertThat(back.audit().get(back.audit().size() - 1).what()).isEqualTo("rolled back");

        // Within the threshold (+4 ms), or at-optimal share down by more than 5 points.
        Proposal q = applied(svc);
        assertThat(svc.verify(q.id(), Fixtures.round(44, T0.plusSeconds(900), "nrt1", 84, 0.5)))
                .isInstanceOf(ProposalService.Verdict.Kept.class);
        Proposal r = applied(svc);
        assertThat(svc.verify(r.id(), Fixtures.round(45, T0.plusSeconds(900), "nrt1", 20, 0.4)))
                .isInstanceOf(ProposalService.Verdict.RolledBack.class);
    }

    @Test
    void aRoundFromBeforeTheChangeCannotVerifyIt() {
        ProposalService svc = service(LifecycleSettings.defaults());
        Proposal p = applied(svc);
        assertThat(svc.verify(p.id(), Fixtures.round(41, T0, "ams1", 86, 0.5)))
                .isInstanceOf(ProposalService.Verdict.Refused.class);
        assertThat(store.find(p.id()).orElseThrow().state()).isEqualTo(ProposalState.APPLIED);
        assertThat(Set.copyOf(calls)).containsExactly("ams1 prepend 2");
    }
}
