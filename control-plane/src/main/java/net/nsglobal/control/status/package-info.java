/**
 * A zone's status as owners see it: live SOA queries (RD=0, AA required) to its primaries, the collector and every
 * site, and when the collector has no copy an AXFR attempt that names the primary's refusal and its fix. Pages never
 * probe: they read the last stored result and its age, and a stale one starts one background check. Only
 * non-sensitive facts are shown: no mailbox, no TSIG, primaries by number.
 *
 * <p>Uses {@code probe}, {@code store}, {@code config} and {@code validate}. Used by {@code web} and the control plane.
 */
package net.nsglobal.control.status;
