/**
 * DNS over UDP (RFC 1035 §4.2.1: one thread and socket per worker, SO_REUSEPORT, batches through recvmmsg/sendmmsg
 * when the native library loads) and over TCP (RFC 1035 §4.2.2, RFC 7766: a thread per connection, pipelining,
 * connection slots per source with a reserve for transfer sources, idle ones shed first).
 * {@link net.nsglobal.dns.transport.QueryHandler} is the seam to the pipeline: it counts each query and keeps a stage
 * that throws from killing a worker (the query is answered SERVFAIL and counted as a stage failure).
 *
 * <p>Uses {@code query}, {@code wire}, {@code zone} (reusable name keys) and {@code config}. Used only by the node.
 */
package net.nsglobal.dns.transport;
