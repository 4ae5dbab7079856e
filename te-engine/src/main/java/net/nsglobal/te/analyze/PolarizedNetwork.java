package net.nsglobal.te.analyze;

/**
 * A network (origin AS) whose probes are sent to a site on another continent (Moura et al. call such networks
 * polarized): how many of its probes, where they go, and what it costs them (median RTT and inflation, ms).
 */
public record PolarizedNetwork(long asn, String country, String region, int probes, String site, String siteRegion,
                               double medianRttMs, double medianInflationMs) {}
