/**
 * Secondary zones: one refresh state machine per zone ({@link net.nsglobal.dns.secondary.Secondary}, RFC 1034
 * §4.3.5, RFC 1996 for NOTIFY) with SOA timers clamped and backed off (RFC 1035 §3.3.13), IXFR first then AXFR,
 * transfer slots shared fairly between primaries, copies served from disk before any primary is asked, and
 * {@link net.nsglobal.dns.secondary.TransfersIn}, which wires them for a node.
 *
 * <p>Uses {@code xfrin}, {@code persist}, {@code notify} (the {@code NotifiedZone} interface it implements),
 * {@code tsig}, {@code zone} and {@code config}. Used by {@code replication}.
 */
package net.nsglobal.dns.secondary;
