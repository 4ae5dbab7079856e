/**
 * Response rate limiting (RRL, as BIND's rate-limit, Knot's mod-rrl and NSD): identical UDP responses to one client
 * network are limited to a rate, so the server is no amplifier for forged-source queries; over it responses are
 * dropped, every {@code slip}-th sent truncated so a real client retries over TCP (RFC 7766 §1). TCP is never limited.
 *
 * <p>Uses {@code config} (the {@code rate-limit:} section). Used by {@code query} (the response stage that applies it)
 * and by the node, which builds it.
 */
package net.nsglobal.dns.rrl;
