package net.nsglobal.dashboard.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Demo-only: makes the sample customer primary behave like a real one (BIND/Knot) that sends NOTIFY (RFC 1996 §3.5)
 * to the collector when a zone's serial changes, so an edited zone file reaches every edge within seconds. dns-node
 * reloads edited zone files but does not NOTIFY for its own primary zones yet; this watches the primary's zone store.
 */
final class PrimaryNotifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PrimaryNotifier.class);

    private final ZoneStore store;
    private final InetSocketAddress collector;
    private final Map<Name, Long> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-primary-notify");
        t.setDaemon(true);
        return t;
    });

    PrimaryNotifier(ZoneStore store, InetSocketAddress collector) {
        this.store = store;
        this.collector = collector;
        for (Zone z : store.zones()) seen.put(z.origin(), z.serial());
        timer.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void check() {
        for (Zone z : store.zones()) {
            Long before = seen.put(z.origin(), z.serial());
            if (before != null && before != z.serial()) notifyCollector(z);
        }
    }

    private void notifyCollector(Zone z) {
        try {
            Message n = new Message();
            n.getHeader().setOpcode(Opcode.NOTIFY);
            n.getHeader().setFlag(Flags.AA);
            n.getHeader().unsetFlag(Flags.RD);
            n.addRecord(Record.newRecord(z.origin(), Type.SOA, DClass.IN), Section.QUESTION);
            n.addRecord(z.soa(), Section.ANSWER);
            SimpleResolver r = new SimpleResolver(collector);
            r.setTimeout(Duration.ofSeconds(2));
            r.send(n);
            log.info("demo primary: zone {} serial {}: NOTIFY sent to the collector {}", z.origin(), z.serial(), collector);
        } catch (IOException e) {
            log.warn("demo primary: zone {}: NOTIFY to {} unanswered: {}", z.origin(), collector, e.getMessage());
        }
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
