package net.nsglobal.te.propose;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.te.apply.Knobs;

/**
 * A candidate change on its way through the lifecycle ({@link ProposalState}): what it changes ({@code candidate}),
 * what it was computed from ({@code basis}), the knobs of the same sites before it ({@code previous}, what a
 * rollback restores), its audit log (oldest first, with the operators' decisions), per region the measured figures
 * before, the predicted and (once verified) the measured ones, and the verification's per-probe accuracy.
 */
public record Proposal(long id, Instant created, ProposalState state, Candidate candidate, Basis basis,
                       Map<String, Knobs> previous, List<AuditEntry> audit, List<RegionComparison> regions,
                       Optional<Instant> appliedAt, Optional<Verification> verification) {
    public Proposal {
        previous = Map.copyOf(previous);
        audit = List.copyOf(audit);
        regions = List.copyOf(regions);
    }

    /** What a candidate was computed from: the measurement round and the configuration version (of the fleet). */
    public record Basis(long roundId, long configVersion) {
        /**
         * What the engine works from now: the latest round in the measurement store, and as configuration version the
         * number of configuration changes it recorded.
         */
        public static Basis current(net.nsglobal.te.store.MeasurementStore store) {
            return new Basis(store.latestRound().map(r -> r.id()).orElse(0L), store.configChangeCount());
        }
    }

    /** One line of the audit log: who ({@link #SYSTEM} for the engine itself) did what, when, and why. */
    public record AuditEntry(Instant at, String who, String what, String reason) {
        public static final String SYSTEM = "te-engine";
    }

    /**
     * One region's figures: measured in the basis round ({@code before…}), predicted after the change, and measured
     * after it (NaN until verified). p90 inflation in ms; optimal = share of probes at their optimal site, 0…1.
     */
    public record RegionComparison(String region, double beforeP90InflationMs, double predictedP90InflationMs,
                                   double measuredP90InflationMs, double beforeShareAtOptimal,
                                   double predictedShareAtOptimal, double measuredShareAtOptimal) {}

    /**
     * The measured outcome: the round it was measured in, the share of probes (answering both times) whose measured
     * site is the predicted one, how many were compared, and whether the objective got worse and the previous knobs
     * were restored.
     */
    public record Verification(long roundId, Instant at, double probeAccuracy, int probesCompared, boolean rolledBack) {}

    /** The sites this proposal changes. */
    public List<String> sites() { return candidate.knobs().keySet().stream().sorted().toList(); }

    /** The operator's approval or rejection, if any. */
    public Optional<AuditEntry> decision() {
        return audit.stream().filter(a -> a.what().equals("approved") || a.what().equals("rejected")).findFirst();
    }

    /** Probes the candidate moves, by its prediction. */
    public int probesMoved() { return candidate.moved().stream().mapToInt(MovedNetwork::probes).sum(); }
}
