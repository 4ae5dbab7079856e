package net.nsglobal.atlas.results;

import java.time.Instant;

/** One result object of a RIPE Atlas results array: what one probe measured at one time. */
public sealed interface MeasurementResult permits DnsResult, PingResult {
    long msmId();

    int probeId();

    Instant timestamp();

    /** Probe firmware version ({@code fw}); it decides the shape of the object (see "Measurement Result Format"). */
    int fw();
}
