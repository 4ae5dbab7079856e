package net.nsglobal.dns.config;

import java.time.Duration;

/**
 * The {@code limits:} section: bounds on what a transfer in may bring (so that no primary can exhaust the node), on
 * the IXFR history kept per zone for transfers out, and on the NOTIFY rate accepted per source. See {@link Schema}.
 */
public record Limits(long recordsPerZone, long bytesPerTransfer, int recordsPerRrset, int typesPerName,
                     Duration transferDuration, Duration transferIdle, long transferMinRate,
                     Duration transferMinRateWindow, int transfersPerPrimary, int transfersTotal, long ixfrHistory,
                     int notifyRate) {
    /**
     * Default of {@code limits.ixfr-history}: a quarter of the largest zone, so that a zone's history can hold a
     * change of a quarter of it (then an IXFR is still smaller than the AXFR it replaces), and at least 10,000 records
     * so that small zones keep many small changes. 1,250,000 with the default records-per-zone.
     */
    static long defaultIxfrHistory(long recordsPerZone) {
        return Math.max(10_000, recordsPerZone / 4);
    }
}
