/**
 * Answering one query: {@link net.nsglobal.dns.query.Pipeline} is the one ordered list of stages (header, opcode,
 * question/EDNS, CHAOS, transfers, zone lookup, answer, then response rate limiting), each returning a
 * {@link net.nsglobal.dns.query.Verdict}; protocol conditions are verdicts or rcodes, never exceptions. The lookup is
 * RFC 1034 §4.3.2 with referrals, DNAME (RFC 6672), wildcards (RFC 4592), negative answers (RFC 2308 §3) and DNSSEC
 * denial (RFC 4035 §3.1.3, RFC 5155 §7.2); EDNS per RFC 6891, NSID per RFC 5001, truncation as Knot does it.
 *
 * <p>Uses {@code wire}, {@code zone}, {@code rrl}, {@code tsig} and {@code config}. Used by {@code transport} (which calls the pipeline), the
 * node (which builds it), and the packages that plug in stages or stream answers: {@code notify}, {@code xfrout},
 * {@code secondary}. The server identity it answers with is {@code config.Identity}.
 */
package net.nsglobal.dns.query;
