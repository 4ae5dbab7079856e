package net.nsglobal.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Loopback ports free for both UDP and TCP right now: a DNS server listens on both, so a port taken on either side is
 * useless. Another process may still take the port before the test binds it; launchers fail with the daemon's log then.
 */
public final class FreePorts {
    private static final int ATTEMPTS = 50;

    private FreePorts() {}

    /** One port on 127.0.0.1 free for UDP and TCP. */
    public static int tcpUdp() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, lo)) {
                    return port;
                } catch (IOException taken) {
                    // TCP side in use: try another port
                }
            } catch (IOException e) {
                throw new UncheckedIOException("testkit: no UDP socket on loopback", e);
            }
        }
        throw new IllegalStateException("testkit: no loopback port free for UDP and TCP after " + ATTEMPTS + " tries");
    }

    /** {@code n} distinct ports, each free for UDP and TCP (all held open together while choosing, so none repeats). */
    public static int[] distinct(int n) {
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < n) chosen.add(tcpUdp());
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code 127.0.0.1:port} for a fresh free port. */
    public static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpUdp());
    }
}
