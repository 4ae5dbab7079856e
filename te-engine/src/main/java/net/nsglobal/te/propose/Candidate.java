package net.nsglobal.te.propose;

import java.util.List;
import java.util.Map;

import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.apply.Knobs;

/**
 * A change the optimizer suggests, before any operator has seen it: the new knobs of the sites it changes (site id →
 * that site's complete knobs), the predicted figures per region before and after (rows as {@link RegionSummary}, the
 * "ALL" row first), the networks it moves, why (one sentence per reason: which neighbour's route wins where), the
 * prediction accuracy measured on changes the predictor did not learn from (0…1, NaN if unmeasured) and how many
 * controlled experiments the learning used.
 */
public record Candidate(Map<String, Knobs> knobs, List<RegionSummary> predictedBefore, List<RegionSummary> predictedAfter,
                        List<MovedNetwork> moved, List<String> reasons, double predictionAccuracy, int experimentsUsed) {
    public Candidate {
        knobs = Map.copyOf(knobs);
        predictedBefore = List.copyOf(predictedBefore);
        predictedAfter = List.copyOf(predictedAfter);
        moved = List.copyOf(moved);
        reasons = List.copyOf(reasons);
    }
}
