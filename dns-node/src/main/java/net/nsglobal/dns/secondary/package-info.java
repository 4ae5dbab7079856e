/**
 * Secondary zones: one refresh state machine per zone ({@link net.nsglobal.dns.secondary.Secondary}, RFC 1034
 * §4.3.5, RFC 1996 for NOTIFY) with SOA timers clamped and backed off (RFC 1035 §3.3.13), IXFR first then AXFR,
 * transfer slots shared fairly between primaries, copies served from disk before any primary is asked, and
 * {@link net.nsglobal.dns.replication.ReplicationService}, which wires secondaries, catalogs, transfers out and NOTIFY for
 * one node by its role (standalone, collector, edge).
 *
 * <p>Uses {@code xfrin}, {@code xfrout}, {@code persist}, {@code notify}, {@code catalog}, {@code tsig}, {@code zone},
 * {@code query} and {@code config}. Used by the node, and by {@code catalog} and {@code notify} (the zone specs and
 * the refresh queue).
 */
package net.nsglobal.dns.secondary;
