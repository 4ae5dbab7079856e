/**
 * Replication for one node, composed: {@link net.nsglobal.dns.replication.ReplicationService} builds the four
 * concerns in order — catalogs ({@code catalog.Catalogs}), transfers in ({@code secondary.TransfersIn}), transfers out
 * and the IXFR journal ({@code xfrout.TransfersOut}), NOTIFY ({@code notify.Notifications}) — and routes a changed
 * zone between them, the way {@code query.Pipeline} is one ordered list of stages.
 *
 * <p>Uses every replication package and {@code query} (stages), {@code tsig}, {@code zone}, {@code config}. Used by
 * the node.
 */
package net.nsglobal.dns.replication;
