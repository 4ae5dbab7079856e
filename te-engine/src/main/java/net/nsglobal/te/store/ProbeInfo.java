package net.nsglobal.te.store;

/**
 * A vantage point as the observatory keeps it: RIPE Atlas probe id, its IPv4 origin AS ({@code asn_v4}, null if
 * unknown), ISO 3166 alpha-2 country, and coordinates (degrees; RIPE blurs them slightly).
 */
public record ProbeInfo(int id, Long asn, String country, double lat, double lon) {}
