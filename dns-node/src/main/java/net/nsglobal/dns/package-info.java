/**
 * One dns-node process: {@link net.nsglobal.dns.Node} wires the zone store, the primary zones loaded from master files
 * ({@link net.nsglobal.dns.NodeReloader}: reloaded on change, SIGHUP or {@code POST /reload}, all or nothing), the
 * replication service, the query pipeline, the UDP and TCP listeners and the HTTP endpoints, and stops them in reverse
 * order; {@link net.nsglobal.dns.NodeCommand} is the {@code nsglobal node} command line around it.
 *
 * <p>May use every dns-node package below it ({@code config}, {@code zone}, {@code query}, {@code rrl},
 * {@code transport}, {@code secondary}, {@code http}). Used by the launcher ({@code net.nsglobal.cli}), by the
 * dashboard's catalog publisher and demo, which start nodes in-process.
 */
package net.nsglobal.dns;
