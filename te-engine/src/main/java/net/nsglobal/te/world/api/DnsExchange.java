package net.nsglobal.te.world.api;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSIDOption;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One real DNS exchange, as a probe makes it: the definition's question (class, type, name, RD bit), an EDNS0 OPT
 * record with the definition's UDP payload size and, when {@code set_nsid_bit}, an empty NSID option (RFC 5001 §2.1),
 * over UDP or TCP (RFC 1035 §4.2.2 length prefix). The answer's bytes are kept exactly as they arrived: they become
 * the result's {@code abuf}. No answer within the timeout is a verdict (empty), not an exception.
 */
final class DnsExchange {
    /** The raw answer and the header counts the result repeats beside {@code abuf}. */
    record Answer(byte[] wire, int id, int qdcount, int ancount, int nscount, int arcount) {
    }

    private DnsExchange() {
    }

    static byte[] query(CreateRequest.Definition d, int id) throws TextParseException {
        Name qname = Name.fromString(d.queryArgument(), Name.root);
        int qclass = d.queryClass().equals("CHAOS") ? DClass.CH : DClass.IN;
        Message q = Message.newQuery(Record.newRecord(qname, Type.value(d.queryType()), qclass));
        q.getHeader().setID(id);
        if (!d.setRdBit()) {
            q.getHeader().unsetFlag(Flags.RD);
        }
        List<org.xbill.DNS.EDNSOption> options = d.setNsidBit() ? List.of(new NSIDOption(new byte[0])) : List.of();
        q.addRecord(new OPTRecord(d.udpPayloadSize(), 0, 0, 0, options), Section.ADDITIONAL);
        return q.toWire();
    }

    /** Sends the query to {@code server} and waits up to {@code timeout} for the answer with the same ID. */
    static Optional<Answer> ask(InetSocketAddress server, CreateRequest.Definition d, int id, Duration timeout)
            throws IOException {
        byte[] query = query(d, id);
        byte[] wire = d.protocol().equals("TCP") ? tcp(server, query, timeout) : udp(server, query, id, timeout);
        if (wire == null || wire.length < 12) {
            return Optional.empty();
        }
        return Optional.of(new Answer(wire, u16(wire, 0), u16(wire, 4), u16(wire, 6), u16(wire, 8), u16(wire, 10)));
    }

    private static byte[] udp(InetSocketAddress server, byte[] query, int id, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(server.getAddress().isLoopbackAddress()
                ? server.getAddress() : null, 0))) {
            s.send(new DatagramPacket(query, query.length, server));
            byte[] buf = new byte[65535];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                s.setSoTimeout((int) Math.max(1, left));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    return null;
                }
                // Only the server's answer to this query counts (RFC 5452 §4.1: address, port and ID must match).
                if (p.getSocketAddress().equals(server) && p.getLength() >= 12 && u16(buf, 0) == id) {
                    return java.util.Arrays.copyOf(buf, p.getLength());
                }
            }
        } catch (java.net.PortUnreachableException e) {
            return null; // ICMP port unreachable: on the wire the probe just never hears back
        }
    }

    private static byte[] tcp(InetSocketAddress server, byte[] query, Duration timeout) throws IOException {
        int ms = (int) Math.max(1, timeout.toMillis());
        try (Socket s = new Socket()) {
            s.connect(server, ms);
            s.setSoTimeout(ms);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) (query.length >> 8), (byte) query.length});
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len = in.readUnsignedShort();
            byte[] wire = new byte[len];
            in.readFully(wire);
            return wire;
        } catch (SocketTimeoutException | java.net.ConnectException e) {
            return null;
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
