package net.nsglobal.dns.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Outgoing NOTIFY to every edge when a zone changes (RFC 1996 §3.5), over UDP with the new SOA in the answer
 * section (§3.7), signed when a key is set, retransmitted until answered (§3.6: up to 5 tries, doubling from
 * 500 ms). One NOTIFY in flight per zone and edge: a newer change replaces the older one (coalescing).
 */
public final class NotifySender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication.notify");
    private static final int TRIES = 5;
    private final List<InetSocketAddress> targets;
    private final TsigKey key;
    private final DatagramChannel channel;
    private final ScheduledExecutorService clock;
    private final Map<Integer, InFlight> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> byZoneTarget = new ConcurrentHashMap<>();
    private final Thread receiver;
    private volatile boolean closed;

    private record InFlight(Name zone, InetSocketAddress target, byte[] wire, int tries, long sentAt) {}

    /** @param source the address NOTIFYs come from (edges accept NOTIFY only from their primary's address) */
    public NotifySender(List<InetSocketAddress> targets, TsigKey key, InetAddress source,
                        ScheduledExecutorService clock) throws IOException {
        this.targets = List.copyOf(targets);
        this.key = key;
        this.clock = clock;
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(source, 0));
        this.receiver = new Thread(this::receive, "notify-sender");
        receiver.setDaemon(true);
        receiver.start();
        clock.scheduleWithFixedDelay(this::retransmit, 250, 250, TimeUnit.MILLISECONDS);
    }

    public List<InetSocketAddress> targets() { return targets; }

    /** Tells every edge that {@code zone} changed. */
    public void changed(Zone zone) {
        for (InetSocketAddress t : targets) send(zone, t);
    }

    private void send(Zone zone, InetSocketAddress target) {
        String k = zone.origin() + "|" + target;
        Integer old = byZoneTarget.remove(k);
        if (old != null) byId.remove(old);
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt(0x10000);
        } while (byId.containsKey(id));
        byte[] wire = NotifyMessage.of(id, zone, key).toWire();
        InFlight f = new InFlight(zone.origin(), target, wire, 1, System.nanoTime());
        byId.put(id, f);
        byZoneTarget.put(k, id);
        transmit(f);
    }

    private void transmit(InFlight f) {
        try {
            channel.send(ByteBuffer.wrap(f.wire()), f.target());
        } catch (IOException e) {
            log.warn("zone {}: NOTIFY to {} failed: {}", f.zone(), f.target(), e.toString());
        }
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (!closed) {
            try {
                buf.clear();
                channel.receive(buf);
                buf.flip();
                if (buf.remaining() < 12) continue;
                int id = buf.getShort(0) & 0xffff;
                InFlight f = byId.remove(id);
                if (f != null) byZoneTarget.remove(f.zone() + "|" + f.target(), id);
            } catch (IOException e) {
                if (!closed) log.warn("NOTIFY receiver: {}", e.toString());
                return;
            }
        }
    }

    private void retransmit() {
        long now = System.nanoTime();
        for (Map.Entry<Integer, InFlight> e : byId.entrySet()) {
            InFlight f = e.getValue();
            long timeout = TimeUnit.MILLISECONDS.toNanos(500L << (f.tries() - 1));
            if (now - f.sentAt() < timeout) continue;
            if (f.tries() >= TRIES) {
                byId.remove(e.getKey());
                byZoneTarget.remove(f.zone() + "|" + f.target(), e.getKey());
                log.warn("zone {}: NOTIFY to {} unanswered after {} tries", f.zone(), f.target(), TRIES);
                continue;
            }
            InFlight next = new InFlight(f.zone(), f.target(), f.wire(), f.tries() + 1, now);
            if (byId.replace(e.getKey(), f, next)) transmit(next);
        }
    }

    /** NOTIFYs still waiting for an answer (for tests and metrics). */
    public int inFlight() { return byId.size(); }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing
        }
    }
}
