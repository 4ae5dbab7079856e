package net.nsglobal.te.apply;

import java.io.IOException;
import java.util.Optional;
import net.nsglobal.platform.sites.Site;

/**
 * Whether a site runs healthily with the knobs just configured, looked at once; the {@link Applier} asks again until
 * it holds or its bound passes (routes take a moment to reach a neighbour). {@link RouteHealth} is the standard one.
 */
@FunctionalInterface
public interface HealthCheck {
    /** Empty when healthy; otherwise what is wrong, in words for the operator. */
    Optional<String> problem(Birdc siteBird, Site site, Knobs knobs) throws IOException;
}
