package net.nsglobal.dashboard.it;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * A parent-zone name server on {@code address}:53 (the port the status check asks parents on) that counts the
 * queries it gets and either answers each with a referral to {@code delegatedTo} or drops it, like a parent behind a
 * black hole. Loopback only.
 */
final class FakeParent implements AutoCloseable {
    final AtomicInteger queries = new AtomicInteger();
    volatile boolean answer = true;
    private final DatagramSocket socket;
    private final Thread thread;

    FakeParent(String address, List<String> delegatedTo) throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 53));
        thread = new Thread(() -> serve(delegatedTo), "fake-parent-" + address);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(List<String> delegatedTo) {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                queries.incrementAndGet();
                if (!answer) continue;
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Message r = new Message(q.getHeader().getID());
                r.getHeader().setFlag(Flags.QR);
                r.addRecord(q.getQuestion(), Section.QUESTION);
                Name child = q.getQuestion().getName();
                for (String ns : delegatedTo) {
                    r.addRecord(new NSRecord(child, DClass.IN, 3600, Name.fromString(ns + ".")), Section.AUTHORITY);
                }
                byte[] out = r.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (Exception e) {
                if (socket.isClosed()) return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join(5000);
    }
}
