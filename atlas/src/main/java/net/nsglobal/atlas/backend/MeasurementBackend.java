package net.nsglobal.atlas.backend;

import java.util.List;
import java.util.function.Consumer;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.ParseStats;

/**
 * What the traffic-engineering loop schedules against: something that runs DNS/ping measurements from vantage
 * points and hands back results. RIPE Atlas is one implementation ({@link RipeAtlasBackend}); the observatory's
 * simulated Internet is another. Results are pushed to a sink one at a time so no implementation has to hold a
 * whole measurement in memory.
 */
public interface MeasurementBackend {

    /** A short name for logs and the dashboard, e.g. {@code ripe-atlas}. */
    String name();

    /** Creates the request's measurements (sharing one probe set); returns their ids in definition order. */
    List<Long> create(MeasurementRequest request);

    /**
     * Delivers the results that match {@code query} (typically "since the last poll") to {@code sink}; malformed
     * results are skipped and counted in the returned stats, never thrown.
     */
    ParseStats poll(long measurementId, ResultQuery query, Consumer<? super MeasurementResult> sink);

    /** The vantage points available for selection. */
    List<Probe> probes(ProbeQuery query);

    /** Stops a periodic measurement; its results stay readable. */
    void stop(long measurementId);

    /**
     * Expected credits of a created one-off measurement as the backend prices it, or -1 if unknown. A backend that
     * costs nothing (the simulation) returns 0.
     */
    double expectedCredits(long measurementId);
}
