package net.nsglobal.te.propose;

import java.io.IOException;
import java.util.Map;

import net.nsglobal.te.apply.Knobs;

/**
 * The one way the predictor learns: put a configuration on the routers, run a catchment measurement, report which
 * site answered each probe. Bound to the simulated world in tests ({@link WorldExperimentRunner}) and to real
 * measurement rounds in production; the learner never reads routing internals.
 */
@FunctionalInterface
public interface ExperimentRunner {
    /**
     * @param configuration every site's complete knobs (site id → knobs)
     * @return probe id → id of the site that answered; probes that got no answer are absent
     */
    Map<Integer, String> catchment(Map<String, Knobs> configuration) throws IOException;
}
