package net.nsglobal.te.analyze;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.SharePoint;

/**
 * What the operator pages and the operators' JSON API read from the observatory (and the few job controls they
 * have). The web layer knows only this interface; the launcher composes the implementation.
 */
public interface Observatory {
    /** The fleet, for the map (coordinates, ids). */
    List<Site> sites();

    /** The analysis of the latest complete round, if any. */
    Optional<CatchmentSnapshot> latest();

    /** Per-site share per bucket over a window, from the roll-ups. */
    List<SharePoint> shareOverTime(Instant from, Instant to, Duration bucket);

    List<ConfigChange> configChanges(Instant from, Instant to);

    List<ProbeHealth> probeHealth();

    CreditsView credits();

    List<JobState> jobs();

    /** Pauses a job; false if no job has that name. */
    boolean pause(String job);

    boolean resume(String job);

    /** Runs a job now (coalesced with a run already going); false if no job has that name. */
    boolean trigger(String job);
}
