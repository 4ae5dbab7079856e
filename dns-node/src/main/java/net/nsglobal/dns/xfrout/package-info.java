/**
 * Zone transfers out to edges: AXFR (RFC 5936) and IXFR (RFC 1995) for requests the transfer ACL allows by address
 * and, when it names a key, by TSIG (RFC 8945; REFUSED or NOTAUTH otherwise), packed into messages near 16 KiB and
 * signed per message (§5.3.1). IXFR is served from a bounded per-zone history ({@link net.nsglobal.dns.xfrout.Journal}),
 * kept on disk behind the changes when a {@code data-dir} is set, or falls back to the whole zone (RFC 1995 §4).
 *
 * <p>Uses {@code query} (it is a pipeline stage and streams over the TCP connection), {@code zone}, {@code tsig},
 * {@code config}, {@code xfrin} (the difference type) and {@code persist} (journal files).
 * {@link net.nsglobal.dns.xfrout.TransfersOut} wires the journal and the stage for a node. Used by {@code replication}.
 */
package net.nsglobal.dns.xfrout;
