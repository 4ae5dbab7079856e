package net.nsglobal.dns.config;

import java.util.Locale;

/** How UDP datagrams are read and written (setting {@code udp-io}). */
public enum UdpIo {
    /** Batched if the native library loaded, else NIO (with a warning at start). */
    AUTO,
    /** recvmmsg/sendmmsg through the JNI library: a batch of datagrams per system call, as Knot and NSD; fails to start without it. */
    BATCHED,
    /** Java NIO DatagramChannel: one system call per datagram; needs nothing native. */
    NIO;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
