/**
 * What a node keeps on disk under {@code data-dir}: secondary zones in a wire format fast to load on a cold start, their
 * refresh/expire timers (so expire holds across restarts, RFC 1035 §3.3.13), and IXFR histories (RFC 1995 §4) so a
 * restarted collector still answers IXFR. Every file is replaced atomically (temp, fsync, rename) and written behind,
 * coalesced per zone, so a slow disk never delays serving.
 *
 * <p>Uses {@code zone} and {@code xfrin} (the difference type). Used by {@code secondary} (zones and timers) and
 * {@code xfrout} (journal files).
 */
package net.nsglobal.dns.persist;
