package net.nsglobal.dns.xfrin;

import java.time.Duration;

/**
 * Limits on one incoming transfer and on the zone it produces; exceeding any of them discards the transfer with a
 * message naming the limit (a hostile or broken primary must not exhaust the node, nor hold a transfer slot).
 *
 * @param maxRecordsPerZone  records in the resulting zone (and in one transfer)
 * @param maxTransferBytes   bytes read from the primary for one transfer
 * @param maxRecordsPerRrset records with one owner name and type
 * @param maxTypesPerName    distinct types at one owner name
 * @param maxDuration        wall time of one refresh from one primary (connect, IXFR and any AXFR fallback), enforced
 *                           on every socket read, not only between messages
 * @param idleTimeout        time without a byte from the primary
 * @param minRate            bytes per second the primary must keep up, averaged over each {@code minRateWindow}; 0 = off
 * @param minRateWindow      the window {@code minRate} is measured over; the first window is the grace period
 *                           (connect, TCP slow start, the primary computing an IXFR)
 */
public record XfrLimits(long maxRecordsPerZone, long maxTransferBytes, int maxRecordsPerRrset, int maxTypesPerName,
                        Duration maxDuration, Duration idleTimeout, long minRate, Duration minRateWindow) {
    /**
     * Safe defaults: generous for real zones (a 1M-record zone fits), small enough to bound memory; the minimum rate
     * as BIND 9.20's min-transfer-rate-in (10,240 bytes per 5 minutes, about 34 bytes/s).
     */
    public static final XfrLimits DEFAULTS = new XfrLimits(2_000_000, 512L * 1024 * 1024, 10_000, 100,
            Duration.ofMinutes(10), Duration.ofSeconds(30), 34, Duration.ofMinutes(5));

    /** Limits without a minimum rate. */
    public XfrLimits(long maxRecordsPerZone, long maxTransferBytes, int maxRecordsPerRrset, int maxTypesPerName,
                     Duration maxDuration, Duration idleTimeout) {
        this(maxRecordsPerZone, maxTransferBytes, maxRecordsPerRrset, maxTypesPerName, maxDuration, idleTimeout, 0,
                Duration.ofMinutes(5));
    }
}
