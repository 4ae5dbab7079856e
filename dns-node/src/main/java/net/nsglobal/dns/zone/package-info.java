/**
 * Zones as immutable snapshots (Knot's RCU model): {@link net.nsglobal.dns.zone.Zone} compiles records into owner
 * nodes with empty non-terminals (RFC 4592 §2.2.2), zone cuts, and the NSEC and NSEC3 chains (RFC 4034 §6.1,
 * RFC 5155 §7.2), with a per-snapshot cache of encoded answers; its data lives in a compact
 * {@link net.nsglobal.dns.zone.ZoneTable} (names and RDATA in shared byte arrays, no object per record), of which
 * nodes and RRsets are views made on demand; {@link net.nsglobal.dns.zone.ZoneStore} holds every
 * served zone and swaps a new version in atomically, so a query never sees half a zone. Master files (RFC 1035 §5)
 * are loaded all or nothing, an error naming file:line.
 *
 * <p>Uses {@code wire} and dnsjava. Used by almost every other dns-node package ({@code query}, {@code transport},
 * {@code xfrin}, {@code xfrout}, {@code persist}, {@code secondary}, {@code catalog}, {@code notify}, the node) and by
 * the dashboard's catalog code.
 */
package net.nsglobal.dns.zone;
