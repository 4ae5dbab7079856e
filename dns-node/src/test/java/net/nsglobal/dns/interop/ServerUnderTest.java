package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;

/** One running authoritative server on a loopback port, answering UDP and TCP. */
interface ServerUnderTest extends AutoCloseable {
    String name();

    InetSocketAddress address();

    @Override
    void close();
}
