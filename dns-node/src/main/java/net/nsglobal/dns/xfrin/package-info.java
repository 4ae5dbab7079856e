/**
 * Zone transfers in: pulls one zone from one primary over TCP, AXFR (RFC 5936) or IXFR (RFC 1995), with its own reader
 * so that TSIG (RFC 8945) is checked on every message, the time limits hold on every socket read (a dripping primary
 * is cut), and the size limits ({@link net.nsglobal.dns.xfrin.XfrLimits}) on what it brings; nothing is applied before
 * the closing SOA. Outcomes are {@link net.nsglobal.dns.xfrin.TransferResult}s, never exceptions, and the next zone
 * version is built all or nothing. {@link net.nsglobal.dns.xfrin.SecondarySpec} is what a zone pulls from (primaries,
 * key), shared by {@code secondary}, {@code catalog} and {@code notify}.
 *
 * <p>Uses {@code zone} and {@code config} (the TSIG key). Used by {@code secondary} (refreshes), {@code catalog} and
 * {@code notify} (zone specs), {@code xfrout} and {@code persist} (the IXFR difference type).
 */
package net.nsglobal.dns.xfrin;
