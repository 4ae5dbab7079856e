package net.nsglobal.dashboard.catalog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import net.nsglobal.dashboard.store.ZoneEntry;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
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
 * Serves the catalog zone by DNS from the control plane and NOTIFYs the collector on every change (RFC 1996 §3.7:
 * the NOTIFY carries the new SOA in the answer section as a hint). A lost NOTIFY is repaired by the collector's SOA
 * refresh timer, so a NOTIFY failure is logged, not fatal.
 */
public final class DnsCatalogPublisher implements CatalogPublisher {
    private static final Logger log = LoggerFactory.getLogger(DnsCatalogPublisher.class);

    private final Name catalog;
    private final ZoneStore store = new ZoneStore();
    private final ZoneResponder responder;
    private final List<InetSocketAddress> notifyTargets;

    public DnsCatalogPublisher(Name catalog, InetSocketAddress listen, Predicate<InetAddress> transferAllowed,
                               List<InetSocketAddress> notifyTargets) throws IOException {
        this.catalog = catalog;
        this.notifyTargets = List.copyOf(notifyTargets);
        this.responder = new ZoneResponder(store, listen, transferAllowed);
    }

    public InetSocketAddress address() { return responder.address(); }

    public Zone current() { return store.get(catalog); }

    @Override
    public synchronized void publish(long serial, List<ZoneEntry> zones) {
        Zone z;
        try {
            z = CatalogZoneBuilder.build(catalog, serial, zones);
        } catch (ZoneException e) {
            log.error("catalog {}: not published: {}", catalog, e.getMessage());
            return;
        }
        store.put(z);
        log.info("catalog {}: serial {} with {} member zones", catalog, serial, zones.size());
        for (InetSocketAddress t : notifyTargets) sendNotify(t, z);
    }

    private void sendNotify(InetSocketAddress target, Zone z) {
        try {
            Message n = new Message();
            n.getHeader().setOpcode(Opcode.NOTIFY);
            n.getHeader().setFlag(Flags.AA);
            n.getHeader().unsetFlag(Flags.RD);
            n.addRecord(Record.newRecord(catalog, Type.SOA, DClass.IN), Section.QUESTION);
            n.addRecord(z.soa(), Section.ANSWER);
            SimpleResolver r = new SimpleResolver(target);
            r.setTimeout(Duration.ofSeconds(2));
            r.send(n);
        } catch (IOException e) {
            log.warn("catalog {}: NOTIFY to {} got no answer ({}); the collector's refresh timer will catch up",
                    catalog, target, e.getMessage());
        }
    }

    @Override
    public void close() { responder.close(); }
}
