package net.nsglobal.dns.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import net.nsglobal.dns.persist.PrivateTemp;

/**
 * JNI binding to {@code src/main/c/udp_mmsg.c}: UDP sockets read and written a batch at a time with recvmmsg(2) and
 * sendmmsg(2), as Knot and NSD do. The library is built by Maven when a C compiler is present and shipped in the jar
 * under {@code native/linux-ARCH/}; {@link #available()} says whether it loaded, {@link #unavailableReason()} why not.
 *
 * <p>All methods return a count or {@code -errno}; none throws for a socket condition.
 */
final class NativeUdp {
    /** Slot per datagram: the largest UDP payload, so that no query is ever cut (RFC 6891 §6.2.5: up to 65535). */
    static final int SLOT = 65535;
    /** Bytes per source address slot: sizeof(struct sockaddr_storage) on Linux. */
    static final int ADDR_SLOT = 128;
    /** A blocked receive returns at least this often, so a worker notices close() even if shutdown(2) did not wake it. */
    static final int RECEIVE_TIMEOUT_MS = 500;

    private static final String reason;

    static {
        String r;
        try {
            load();
            r = null;
        } catch (IOException | LinkageError | RuntimeException e) {
            r = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        reason = r;
    }

    private NativeUdp() {}

    static boolean available() { return reason == null; }

    /** Why the library is not available, or null when it is. */
    static String unavailableReason() { return reason; }

    private static void load() throws IOException {
        String explicit = System.getProperty("nsglobal.native.udp");
        if (explicit != null) {
            System.load(Path.of(explicit).toAbsolutePath().toString());
            return;
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) throw new IOException("not Linux");
        String arch = System.getProperty("os.arch");
        String resource = "/native/linux-" + arch + "/libnsglobal_udp.so";
        try (InputStream in = NativeUdp.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("library " + resource + " not in the build (no C compiler when it was built?)");
            Path tmp = PrivateTemp.file("nsglobal_udp", ".so");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                System.load(tmp.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(tmp);   // the mapping stays valid once loaded
            }
        }
    }

    /** Opens and binds a socket on {@code address}; returns the descriptor or -errno. */
    static int open(InetSocketAddress address, boolean reusePort, int rcvbuf, int sndbuf) {
        int scope = address.getAddress() instanceof Inet6Address a6 ? a6.getScopeId() : 0;
        return open0(address.getAddress().getAddress(), address.getPort(), scope, reusePort, rcvbuf, sndbuf, RECEIVE_TIMEOUT_MS);
    }

    /**
     * Decodes a {@code struct sockaddr_in/in6} at {@code offset} (family in host order, port in network order) from
     * {@code addr}, a buffer in {@link ByteOrder#nativeOrder()}.
     */
    static InetSocketAddress decode(ByteBuffer addr, int offset) {
        int family = addr.getShort(offset) & 0xffff;
        int port = ((addr.get(offset + 2) & 0xff) << 8) | (addr.get(offset + 3) & 0xff);
        byte[] ip;
        if (family == AF_INET6) {
            ip = new byte[16];
            addr.get(offset + 8, ip);       // sin6_flowinfo is at 4..7; a mapped IPv4 address becomes Inet4Address
        } else {
            ip = new byte[4];
            addr.get(offset + 4, ip);
        }
        try {
            int scope = family == AF_INET6 ? addr.getInt(offset + 24) : 0;
            java.net.InetAddress a = java.net.InetAddress.getByAddress(ip);
            if (scope != 0 && a instanceof Inet6Address) a = Inet6Address.getByAddress(null, ip, scope);
            return new InetSocketAddress(a, port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);  // impossible: the length is 4 or 16
        }
    }

    static final int AF_INET6 = 10;

    static native int open0(byte[] addr, int port, int scope, boolean reusePort, int rcvbuf, int sndbuf, int timeoutMs);
    static native int localPort0(int fd);
    static native void shutdown0(int fd);
    static native void close0(int fd);
    static native long create0(int fd, int batch, int slot);
    static native void destroy0(long handle);
    static native ByteBuffer buffer0(long handle, int which);
    static native int receive0(long handle);
    static native int send0(long handle, int count);
}
