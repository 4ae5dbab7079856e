/**
 * The control plane's DNS questions, each outcome a value rather than an exception: the zone's SOA through the
 * resolver, SOA queries with RD=0 straight to a primary, the collector or an edge (the AA bit says who is authoritative,
 * RFC 1035 §4.1.1), whether the parent zone's own servers still delegate to a child (RFC 2308 §3 to find the parent
 * apex), and the first message of an AXFR (RFC 5936) to name why a primary refuses the collector.
 *
 * <p>Uses {@code validate} (parent servers found in DNS are asked only at addresses the policy allows) and dnsjava. Used by {@code signup},
 * {@code status} and the control plane.
 */
package net.nsglobal.control.probe;
