package net.nsglobal.dns.config;

import java.time.Duration;

/**
 * The {@code limits:} section: bounds on what a transfer in may bring, on the zones taken from catalogs and on the
 * memory all zones of the node take together, on the IXFR history kept per zone for transfers out, and on the NOTIFY
 * rate accepted per source. See {@link Schema}.
 */
public record Limits(long recordsPerZone, long bytesPerTransfer, int recordsPerRrset, int typesPerName,
                     Duration transferDuration, Duration transferIdle, long transferMinRate,
                     Duration transferMinRateWindow, int transfersPerPrimary, int transfersTotal, long ixfrHistory,
                     int notifyRate, long catalogZoneMaxRecords, long catalogZoneMaxBytes, long catalogZoneMaxRrsets,
                     long zoneMemoryBudget) {
    /**
     * Default of {@code limits.zone-memory-budget}: an eighth of the maximum heap. A compiled zone takes several times
     * its wire size on the heap (dnsjava records, names, the node table and the answer cache; docs/configuration.md
     * gives the measured factor), and a transfer in builds the next version while the previous one still serves.
     */
    static long defaultMemoryBudget() {
        return Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /**
     * Default of {@code limits.ixfr-history}: a quarter of the largest zone, so that a zone's history can hold a
     * change of a quarter of it (then an IXFR is still smaller than the AXFR it replaces), and at least 10,000 records
     * so that small zones keep many small changes. 1,250,000 with the default records-per-zone.
     */
    static long defaultIxfrHistory(long recordsPerZone) {
        return Math.max(10_000, recordsPerZone / 4);
    }
}
