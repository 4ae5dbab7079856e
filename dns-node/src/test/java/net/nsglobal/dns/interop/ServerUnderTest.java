package net.nsglobal.dns.interop;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** One running authoritative server on a loopback port, answering UDP and TCP. */
interface ServerUnderTest extends AutoCloseable {
    String name();

    InetSocketAddress address();

    @Override
    void close();

    /** A loopback port free for both UDP and TCP right now. */
    static int freePort() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, lo)) {
                    return port;
                } catch (IOException taken) {
                    // TCP side in use: try another port
                }
            }
        }
        throw new IOException("no free loopback port for UDP and TCP");
    }
}
