package net.nsglobal.te.analyze;

/**
 * One probe in one round: where the anycast address took it and how that compares with the best it could have had.
 * {@code site} is null if the probe got no answer; {@code oracleMs} is its lowest unicast RTT over all sites
 * (Schmidt, Heidemann and Kuipers, PAM 2017), {@code oracleSite} the site that gave it; {@code inflationMs} =
 * {@code rttMs − oracleMs} (NaN when either is missing). {@code atOptimal}: the anycast RTT is within 5 ms or 10% of
 * the oracle. {@code region} is the probe's continent code (AF, AS, EU, NA, OC, SA, AN); {@code polarized}: the
 * site is on another continent than the probe; {@code flipped}: the site differs from the probe's previous round.
 */
public record ProbeRound(int probeId, Long asn, String country, String region, double lat, double lon,
                         String site, double rttMs, String oracleSite, double oracleMs, double inflationMs,
                         boolean atOptimal, boolean polarized, boolean flipped) {}
