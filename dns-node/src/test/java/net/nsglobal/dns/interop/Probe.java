package net.nsglobal.dns.interop;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Sends one {@link TestQuery} over UDP or TCP with plain sockets and parses the reply with dnsjava. */
final class Probe {
    private static final int TIMEOUT_MS = 2000;
    private static final int UDP_TRIES = 3;

    /** A reply: parsed, or null with the reason (timeout, parse error). */
    record Reply(Message message, String failure) {
        static Reply failed(String why) { return new Reply(null, why); }
    }

    private Probe() { }

    static Reply send(InetSocketAddress server, TestQuery query) {
        int id = (query.index() * 7919 + 17) & 0xffff;
        byte[] wire = query.toMessage(id).toWire();
        try {
            byte[] answer = query.tcp() ? tcp(server, wire) : udp(server, wire, id);
            if (answer == null) return Reply.failed("no reply (timeout)");
            try {
                return new Reply(new Message(answer), null);
            } catch (IOException e) {
                return Reply.failed("unparsable reply: " + e.getMessage());
            }
        } catch (IOException e) {
            return Reply.failed("transport error: " + e);
        }
    }

    private static byte[] udp(InetSocketAddress server, byte[] wire, int id) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(TIMEOUT_MS);
            s.connect(server);
            byte[] buf = new byte[65535];
            for (int attempt = 0; attempt < UDP_TRIES; attempt++) {
                s.send(new DatagramPacket(wire, wire.length));
                long until = System.currentTimeMillis() + TIMEOUT_MS;
                while (System.currentTimeMillis() < until) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        s.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    if (p.getLength() >= 2 && (((buf[0] & 0xff) << 8) | (buf[1] & 0xff)) == id) {
                        return Arrays.copyOf(buf, p.getLength());
                    }
                }
            }
            return null;
        }
    }

    private static byte[] tcp(InetSocketAddress server, byte[] wire) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            out.write(framed); // RFC 7766 §8: length and message in one write
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len = in.readUnsignedShort();
            byte[] answer = new byte[len];
            in.readFully(answer);
            return answer;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Whether the server gives an authoritative NOERROR SOA answer for {@code origin} (readiness check). */
    static boolean answersSoa(InetSocketAddress server, String origin) {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(200);
            s.connect(server);
            byte[] wire = new TestQuery(0, origin, Type.SOA, 1232, false, false).toMessage(4242).toWire();
            s.send(new DatagramPacket(wire, wire.length));
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            Message m = new Message(Arrays.copyOf(buf, p.getLength()));
            return m.getRcode() == Rcode.NOERROR && m.getSection(org.xbill.DNS.Section.ANSWER).size() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
