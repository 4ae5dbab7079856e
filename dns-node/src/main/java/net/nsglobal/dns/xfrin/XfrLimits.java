package net.nsglobal.dns.xfrin;

import java.time.Duration;

/**
 * Limits on one incoming transfer and on the zone it produces; exceeding any of them discards the transfer with a
 * message naming the limit (a hostile or broken primary must not exhaust the node).
 *
 * @param maxRecordsPerZone  records in the resulting zone (and in one transfer)
 * @param maxTransferBytes   bytes read from the primary for one transfer
 * @param maxRecordsPerRrset records with one owner name and type
 * @param maxTypesPerName    distinct types at one owner name
 * @param maxDuration        wall time of one transfer, connect included
 * @param idleTimeout        time without a byte from the primary
 */
public record XfrLimits(long maxRecordsPerZone, long maxTransferBytes, int maxRecordsPerRrset, int maxTypesPerName,
                        Duration maxDuration, Duration idleTimeout) {
    /** Safe defaults: generous for real zones (a 1M-record zone fits), small enough to bound memory. */
    public static final XfrLimits DEFAULTS = new XfrLimits(2_000_000, 512L * 1024 * 1024, 10_000, 100,
            Duration.ofMinutes(10), Duration.ofSeconds(30));
}
