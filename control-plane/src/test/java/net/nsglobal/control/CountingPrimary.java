package net.nsglobal.control;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A primary on a loopback UDP port that counts the non-recursive SOA questions for its zone (the status check's
 * question) and answers them authoritatively; everything else (the resolver's questions) gets REFUSED. While
 * {@link #hold} is closed it does not answer, so a test can see whether anyone waits for it.
 */
final class CountingPrimary implements AutoCloseable {
    final AtomicInteger soaQueries = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);
    private final Name zone;
    private final long serial;
    private final DatagramSocket socket;
    private final Thread thread;

    CountingPrimary(String zone, long serial) throws IOException {
        this.zone = Name.fromString(zone + ".");
        this.serial = serial;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "counting-primary");
        thread.setDaemon(true);
        thread.start();
    }

    String hostPort() { return "127.0.0.1:" + socket.getLocalPort(); }

    InetSocketAddress address() { return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()); }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Message r = new Message(q.getHeader().getID());
                r.getHeader().setFlag(Flags.QR);
                r.addRecord(q.getQuestion(), Section.QUESTION);
                boolean ours = q.getQuestion().getType() == Type.SOA && q.getQuestion().getName().equals(zone)
                        && !q.getHeader().getFlag(Flags.RD);
                if (ours) {
                    soaQueries.incrementAndGet();
                    hold.await(30, TimeUnit.SECONDS);
                    r.getHeader().setFlag(Flags.AA);
                    r.addRecord(new SOARecord(zone, DClass.IN, 300, Name.fromString("ns." + zone),
                            Name.fromString("hostmaster." + zone), serial, 3600, 600, 86400, 300), Section.ANSWER);
                } else {
                    r.getHeader().setRcode(Rcode.REFUSED);
                }
                byte[] out = r.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
