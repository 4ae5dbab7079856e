/**
 * The sign-up flow: a request (sign-up, change of primaries, removal) is checked, the zone's public SOA looked up and
 * every primary asked, and only then stored as pending and its link mailed to the SOA RNAME (RFC 1035 §8), which is
 * the proof of ownership; GET on the link only previews, POST confirms in one transaction and republishes the catalog.
 * Around it: rate limits and pending caps keyed by what an attacker cannot vary for free, tokens stored only as their
 * SHA-256, the proof re-checked when a link is used, nesting rules for zones inside served zones (RFC 1034 §4.3.2), and
 * the periodic check that each served zone's parent still delegates to it.
 *
 * <p>Uses {@code store}, {@code probe}, {@code mail}, {@code catalog}, {@code config} and {@code validate}. Used by
 * {@code web} and the control plane.
 */
package net.nsglobal.control.signup;
