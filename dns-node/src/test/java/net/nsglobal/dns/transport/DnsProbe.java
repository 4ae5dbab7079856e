package net.nsglobal.dns.transport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Test client: plain dnsjava messages over UDP and TCP, and a sample zone writer. */
public final class DnsProbe {
    private DnsProbe() {}

    public static Message query(String name, int type) {
        try {
            Message m = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN));
            m.getHeader().unsetFlag(Flags.RD);
            return m;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One UDP exchange; retries a lost datagram up to 5 times (loopback under load can drop). */
    public static Message udp(InetSocketAddress server, Message q) throws IOException {
        byte[] wire = q.toWire();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(server.getAddress().getClass() == java.net.Inet6Address.class
                ? java.net.InetAddress.getByName("::1") : java.net.InetAddress.getByName("127.0.0.1"), 0))) {
            s.setSoTimeout(2000);
            byte[] buf = new byte[65535];
            for (int attempt = 0; ; attempt++) {
                s.send(new DatagramPacket(wire, wire.length, server));
                try {
                    while (true) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        s.receive(p);
                        Message r = new Message(java.util.Arrays.copyOf(buf, p.getLength()));
                        if (r.getHeader().getID() == q.getHeader().getID()) return r;
                    }
                } catch (SocketTimeoutException e) {
                    if (attempt >= 5) throw e;
                }
            }
        }
    }

    /** One TCP exchange on a fresh connection. */
    public static Message tcp(InetSocketAddress server, Message q) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 5000);
            s.setSoTimeout(10000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            write(out, q.toWire());
            return read(in);
        }
    }

    public static void write(DataOutputStream out, byte[] wire) throws IOException {
        out.writeShort(wire.length);
        out.write(wire);
        out.flush();
    }

    public static Message read(DataInputStream in) throws IOException {
        int len = in.readUnsignedShort();
        byte[] b = new byte[len];
        in.readFully(b);
        return new Message(b);
    }

    /** The serial of the SOA in the answer section, or -1. */
    public static long soaSerial(Message r) {
        for (Record rr : r.getSection(Section.ANSWER)) if (rr instanceof SOARecord soa) return soa.getSerial();
        return -1;
    }

    /** Writes a small valid zone for {@code origin} with the given serial. */
    public static Path writeZone(Path file, String origin, long serial) throws IOException {
        Files.writeString(file, """
                $ORIGIN %s.
                $TTL 300
                @    IN SOA ns1 hostmaster %d 3600 900 1209600 300
                     IN NS  ns1
                ns1  IN A   192.0.2.1
                www  IN A   192.0.2.80
                big  IN TXT "%s"
                """.formatted(origin, serial, "x".repeat(200)));
        return file;
    }

    public static int type(String t) { return Type.value(t); }
}
