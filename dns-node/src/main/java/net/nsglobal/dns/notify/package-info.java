/**
 * DNS NOTIFY (RFC 1996) both ways. Out: when a zone changes, every edge is told, with the new SOA, retransmitted until
 * answered (§3.6), signed when a key is set (RFC 8945), one NOTIFY in flight per zone and edge. In: a pipeline stage
 * accepts NOTIFY only for a zone we are secondary for, from one of its primaries (§3.10), signed when the zone has a
 * key, answers at once and queues a refresh; a token bucket per source keeps one primary's flood from crowding out the
 * others. {@link net.nsglobal.dns.notify.NotifyMessage} is the one NOTIFY builder (also for the control plane);
 * {@link net.nsglobal.dns.notify.NotifiedZone} is what the receiver needs of a secondary zone, implemented by
 * {@code secondary}; {@link net.nsglobal.dns.notify.Notifications} wires both directions for a node.
 *
 * <p>Uses {@code query} (the stage interface), {@code xfrin} (zone specs), {@code config}, {@code tsig} and
 * {@code zone}. Used by {@code secondary} (which implements {@code NotifiedZone}) and {@code replication}.
 */
package net.nsglobal.dns.notify;
