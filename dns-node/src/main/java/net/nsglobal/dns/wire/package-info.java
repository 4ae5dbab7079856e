/**
 * Requests as bytes: a hand parser for the header, the question and the OPT record (RFC 1035 §4.1, RFC 6891 §6) that
 * never throws and never allocates, its reusable result ({@link net.nsglobal.dns.wire.ParsedQuery}), and helpers for
 * names as lowercased uncompressed wire bytes (RFC 1035 §3.1), the key form of the hot path. Malformed input is a
 * status, never an exception; the compression-pointer and name-step caps live here.
 *
 * <p>Uses nothing else of NS-Global (the JDK only). Used by {@code query} (the header stage parses with it),
 * {@code transport} and {@code zone} (name keys).
 */
package net.nsglobal.dns.wire;
