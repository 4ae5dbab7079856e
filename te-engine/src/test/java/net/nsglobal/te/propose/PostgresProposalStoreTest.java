package net.nsglobal.te.propose;

import static net.nsglobal.te.propose.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.nsglobal.platform.db.Database;
import net.nsglobal.te.propose.Proposal.AuditEntry;
import net.nsglobal.te.propose.Proposal.Basis;
import net.nsglobal.te.propose.ProposalState.Event;
import net.nsglobal.te.propose.ProposalState.Transition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The proposal store on the embedded PostgreSQL: round trip, audit log, stale marking, one change in flight per site. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresProposalStoreTest {
    @TempDir static Path dir;
    static Database db;
    static PostgresProposalStore store;

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

    static Proposal insert(String site, Basis basis) {
        Candidate c = Fixtures.candidate(site, 2);
        return store.insert(T0, c, basis, Map.of(site, Fixtures.knobs(0)),
                Verifier.predicted(Fixtures.round(basis.roundId(), T0, "ams1", 80, 0.5), c),
                Verifier.predict(Fixtures.round(basis.roundId(), T0, "ams1", 80, 0.5), c),
                new AuditEntry(T0, AuditEntry.SYSTEM, "proposed", "why"));
    }

    static AuditEntry by(String who, String what) { return new AuditEntry(T0.plusSeconds(60), who, what, "because"); }

    @Test
    void aProposalComesBackWholeWithItsAuditLog() {
        Proposal p = insert("ams1", new Basis(41, 3));
        Proposal back = store.find(p.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(back.candidate()).isEqualTo(Fixtures.candidate("ams1", 2)); // knobs, communities, NaN-free figures
        assertThat(back.previous()).isEqualTo(Map.of("ams1", Fixtures.knobs(0)));
        assertThat(back.basis()).isEqualTo(new Basis(41, 3));
        assertThat(back.created()).isEqualTo(T0);
        assertThat(back.regions()).extracting(Proposal.RegionComparison::region).containsExactly("ALL", "AS", "EU");
        assertThat(back.regions().get(0).beforeP90InflationMs()).isEqualTo(80);
        assertThat(back.regions().get(0).predictedP90InflationMs()).isEqualTo(20);
        assertThat(back.regions().get(0).measuredP90InflationMs()).isNaN();
        assertThat(store.probes(p.id())).containsExactly(new ProposalStore.ProbeSites(1, "ams1", "nrt1", null),
                new ProposalStore.ProbeSites(2, "ams1", "nrt1", null), new ProposalStore.ProbeSites(3, "ams1", "ams1", null),
                new ProposalStore.ProbeSites(4, null, null, null));

        assertThat(store.transition(p.id(), Event.APPROVE, by("alice", "approved"))).isEqualTo(new Transition.Moved(ProposalState.APPROVED));
        Proposal approved = store.find(p.id()).orElseThrow();
        assertThat(approved.audit()).containsExactly(new AuditEntry(T0, AuditEntry.SYSTEM, "proposed", "why"),
                new AuditEntry(T0.plusSeconds(60), "alice", "approved", "because"));
        assertThat(approved.decision()).hasValue(new AuditEntry(T0.plusSeconds(60), "alice", "approved", "because"));
        assertThat(store.list(10)).extracting(Proposal::id).containsExactly(p.id());
    }

    @Test
    void unknownFiguresSurviveTheRoundTrip() {
        // An unmeasured predictor (NaN accuracy) and a region without figures: JSON has no NaN, the store keeps them.
        Candidate c = Fixtures.candidate("ams1", 2);
        net.nsglobal.te.analyze.RegionSummary unknown = Fixtures.region("AF", Double.NaN, Double.NaN);
        Candidate odd = new Candidate(c.knobs(), List.of(unknown), List.of(unknown), c.moved(), c.reasons(), Double.NaN, 0);
        Proposal p = store.insert(T0, odd, new Basis(41, 3), Map.of("ams1", Fixtures.knobs(0)), List.of(), List.of(),
                new AuditEntry(T0, AuditEntry.SYSTEM, "proposed", "why"));
        Candidate back = store.find(p.id()).orElseThrow().candidate();
        assertThat(back.predictionAccuracy()).isNaN();
        assertThat(back.predictedAfter().get(0).p90InflationMs()).isNaN();
        assertThat(back.knobs()).isEqualTo(c.knobs());
    }

    @Test
    void aRefusedTransitionChangesNothingAndLogsNothing() {
        Proposal p = insert("ams1", new Basis(41, 3));
        store.transition(p.id(), Event.REJECT, by("bob", "rejected"));
        Transition t = store.transition(p.id(), Event.APPROVE, by("alice", "approved"));
        assertThat(t).isInstanceOf(Transition.Refused.class);
        assertThat(((Transition.Refused) t).reason()).contains("rejected");
        Proposal back = store.find(p.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(ProposalState.REJECTED);
        assertThat(back.audit()).extracting(AuditEntry::what).containsExactly("proposed", "rejected");
        assertThat(store.transition(999_999, Event.APPROVE, by("alice", "approved")))
                .isEqualTo(new Transition.Refused("there is no proposal #999999"));
    }

    @Test
    void aNewerRoundOrConfigVersionMarksOpenProposalsStale() {
        Proposal open = insert("ams1", new Basis(41, 3));
        Proposal approved = insert("nrt1", new Basis(41, 3));
        Proposal fresh = insert("fra1", new Basis(42, 3));
        Proposal applied = insert("syd1", new Basis(41, 3));
        store.transition(approved.id(), Event.APPROVE, by("alice", "approved"));
        store.transition(applied.id(), Event.APPROVE, by("alice", "approved"));
        store.transition(applied.id(), Event.APPLIED, by(AuditEntry.SYSTEM, "applied"));

        assertThat(store.markStale(new Basis(41, 3), T0)).isEmpty();
        assertThat(store.markStale(new Basis(42, 3), T0)).containsExactly(open.id(), approved.id());
        assertThat(store.find(open.id()).orElseThrow().state()).isEqualTo(ProposalState.STALE);
        assertThat(store.find(approved.id()).orElseThrow().state()).isEqualTo(ProposalState.STALE);
        assertThat(store.find(fresh.id()).orElseThrow().state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(store.find(applied.id()).orElseThrow().state()).isEqualTo(ProposalState.APPLIED); // not open
        AuditEntry last = store.find(open.id()).orElseThrow().audit().get(1);
        assertThat(last.who()).isEqualTo(AuditEntry.SYSTEM);
        assertThat(last.reason()).isEqualTo("computed from round 41 and config version 3; now round 42, config version 3");
        // The stale approval gave its site back.
        assertThat(inFlight()).containsExactly("syd1");

        // Another config version, same round.
        assertThat(store.markStale(new Basis(42, 4), T0)).containsExactly(fresh.id());
        assertThat(store.transition(fresh.id(), Event.APPROVE, by("alice", "approved"))).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void oneChangeInFlightPerSite() {
        Proposal first = insert("ams1", new Basis(41, 3));
        Proposal second = insert("ams1", new Basis(41, 3));
        Proposal elsewhere = insert("nrt1", new Basis(41, 3));
        assertThat(store.transition(first.id(), Event.APPROVE, by("alice", "approved"))).isInstanceOf(Transition.Moved.class);
        Transition t = store.transition(second.id(), Event.APPROVE, by("bob", "approved"));
        assertThat(t).isEqualTo(new Transition.Refused("site ams1 has a change in flight already (proposal #"
                + first.id() + "); one change per site at a time"));
        assertThat(store.find(second.id()).orElseThrow().state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(store.find(second.id()).orElseThrow().audit()).hasSize(1);
        assertThat(store.transition(elsewhere.id(), Event.APPROVE, by("bob", "approved"))).isInstanceOf(Transition.Moved.class);

        // Still in flight once applied; free again once verified.
        store.transition(first.id(), Event.APPLIED, by(AuditEntry.SYSTEM, "applied"));
        assertThat(store.transition(second.id(), Event.APPROVE, by("bob", "approved"))).isInstanceOf(Transition.Refused.class);
        store.verified(first.id(), new Proposal.Verification(43, T0, 1.0, 3, false), List.of(), Map.of(),
                by(AuditEntry.SYSTEM, "verified"));
        assertThat(store.find(first.id()).orElseThrow().state()).isEqualTo(ProposalState.VERIFIED);
        assertThat(store.transition(second.id(), Event.APPROVE, by("bob", "approved"))).isInstanceOf(Transition.Moved.class);
        assertThat(inFlight()).containsExactly("ams1", "nrt1");
    }

    static List<String> inFlight() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT site FROM te_site_in_flight ORDER BY site")
                .mapTo(String.class).list());
    }
}
