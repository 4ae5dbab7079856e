package net.nsglobal.te.world;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import net.nsglobal.atlas.probes.Probe;

/**
 * The simulated Internet as a measurement backend needs it: its vantage points, the site the anycast prefix takes
 * each one to under the sites' current announcements, and the round trip from a probe to a site's unicast address.
 * Implementations re-read the announcements when the sites' BIRD configuration changes, so an applied change moves
 * the catchment.
 */
public interface World {
    List<Probe> probes();

    /** The site the anycast prefix reaches from {@code probeId}; empty if the probe's AS has no route. */
    Optional<String> siteOf(int probeId);

    /**
     * One sample of the unicast RTT in ms from the probe to the site (model plus noise drawn from {@code noiseSeed});
     * empty if the probe or site is unknown.
     */
    OptionalDouble rttMs(int probeId, String site, long noiseSeed);
}
