/**
 * A zone's status as owners see it: live SOA queries (RD=0, AA required) to its primaries, the collector and every
 * site, and when the collector has no copy an AXFR attempt that names the primary's refusal and its fix. The checks
 * run only as background jobs on the control plane's platform scheduler ({@code status-recheck}, {@code status-refresh})
 * and store their results in table {@code zone_status}; pages and the API only read the stored result and its age, and
 * a missing or stale one is a coalesced request to {@code status-recheck} (many viewers = one check). Only
 * non-sensitive facts are shown: no mailbox, no TSIG, primaries by number.
 *
 * <p>Uses {@code probe}, {@code store}, {@code config}, {@code validate} and platform's jobs. Used by {@code web} and the
 * control plane.
 */
package net.nsglobal.control.status;
