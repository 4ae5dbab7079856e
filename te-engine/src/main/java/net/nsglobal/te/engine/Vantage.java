package net.nsglobal.te.engine;

import java.util.List;
import java.util.Optional;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.propose.UnicastRtt;

/**
 * The vantage points the engine learns over and the latency oracle: the probes and, from each, the unicast round
 * trip to every site. Production reads them from the latest measured round ({@link RoundVantage}); the simulated
 * world draws them from its probes.
 */
@FunctionalInterface
public interface Vantage {
    /** The probes and their RTT to {@code sites} (in that order); empty while nothing has been measured. */
    Optional<Points> points(List<String> sites);

    /** Probes in {@code rtt}'s row order. */
    record Points(List<Probe> probes, UnicastRtt rtt) {
        public Points {
            probes = List.copyOf(probes);
        }
    }
}
