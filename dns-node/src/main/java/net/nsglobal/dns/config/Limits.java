package net.nsglobal.dns.config;

import java.time.Duration;

/** The {@code limits:} section: bounds on what a transfer in may bring (issue 3 §3). See {@link Schema}. */
public record Limits(long recordsPerZone, long bytesPerTransfer, int recordsPerRrset, int typesPerName,
                     Duration transferDuration, Duration transferIdle, int transfersPerPrimary, int transfersTotal) {}
