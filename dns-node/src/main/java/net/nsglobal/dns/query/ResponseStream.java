package net.nsglobal.dns.query;

import java.io.IOException;

/**
 * A TCP connection's writer, for answers that take several messages (AXFR/IXFR out, RFC 5936 §2.2).
 * Each call writes one DNS message with its two-byte length prefix (RFC 1035 §4.2.2).
 */
public interface ResponseStream {
    void send(byte[] message) throws IOException;
}
