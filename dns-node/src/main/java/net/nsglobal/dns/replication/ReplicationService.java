package net.nsglobal.dns.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.nsglobal.dns.catalog.CatalogConsumer;
import net.nsglobal.dns.catalog.Catalogs;
import net.nsglobal.dns.config.CatalogSource;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.Role;
import net.nsglobal.dns.notify.Notifications;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.secondary.Secondaries;
import net.nsglobal.dns.secondary.TransfersIn;
import net.nsglobal.dns.tsig.KeyFile;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.xfrin.SecondarySpec;
import net.nsglobal.dns.xfrout.TransfersOut;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneBudget;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Replication for one node: the four concerns, each wired in its own package, composed here in order, and the flow of
 * a changed zone between them:
 *
 * <pre>
 *   customers' primaries ──IXFR/AXFR──▶ TransfersIn (Secondaries) ──▶ ZoneStore (served) + ZoneDisk (persisted)
 *        ▲ NOTIFY (Notifications)              │ changed
 *                                              ├──▶ TransfersOut (IXFR history for edges, XfrOutStage)
 *                                              ├──▶ Catalogs: consumed catalog? members come and go (and stop here)
 *                                              ├──▶ Catalogs: fleet catalog (collector) lists the new zone
 *                                              └──▶ Notifications ──NOTIFY──▶ edges
 * </pre>
 *
 * {@link net.nsglobal.dns.Node} calls {@link #start} after loading primary zones and {@link #close} on shutdown.
 */
public final class ReplicationService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication");
    private final ZoneStore store;
    private final ExecutorService transfers;
    private final ExecutorService catalogTransfers;
    private final ScheduledExecutorService clock;
    private final ZoneBudget budget;
    private final Catalogs catalogs;
    private final TransfersIn in;
    private final TransfersOut out;
    private final Notifications notify;

    private ReplicationService(NodeConfig cfg, ZoneStore store, boolean fsync) throws IOException {
        this.store = store;
        var l = cfg.limits();
        // One thread more than slots: while every slot's transfer runs, queued zones still ask for slots every 20 ms,
        // which is how TransferSlots knows who is waiting and hands a freed slot to the primary holding fewer.
        this.transfers = Executors.newFixedThreadPool(l.transfersTotal() + 1, daemon("xfrin"));
        this.catalogTransfers = Executors.newSingleThreadExecutor(daemon("xfrin-catalog"));
        this.clock = Executors.newSingleThreadScheduledExecutor(daemon("replication-timers"));
        KeyFile keyFile = cfg.tsigKeysFile() == null ? null : new KeyFile(cfg.tsigKeysFile());
        if (keyFile != null) keyFile.poll(); // before any member is added: its keys are known from the start
        Keyring keys = new Keyring(cfg.tsigKeys(), keyFile);

        this.catalogs = new Catalogs(cfg, keys, new CatalogConsumer.Members() {
            @Override public void add(SecondarySpec spec) { addMember(spec); }
            @Override public void remove(Name zone) { removeMember(zone); }
        });
        this.budget = new ZoneBudget(l.catalogZoneMaxRecords(), l.catalogZoneMaxBytes(), l.catalogZoneMaxRrsets(),
                l.zoneMemoryBudget(), store, catalogs.owners()::fromCatalog);
        this.in = new TransfersIn(cfg, store, keys, budget, transfers, catalogTransfers, clock, fsync, this::changed,
                catalogs::consumes);
        this.out = new TransfersOut(cfg, store, keys);
        this.notify = new Notifications(cfg, keys, clock, in.secondaries()::get);
        if (cfg.role() == Role.COLLECTOR && cfg.fleetCatalog() != null) {
            catalogs.produce(cfg.fleetCatalog(), in.disk(), store, clock, this::publishFleet);
        }

        for (var s : cfg.secondaries()) {
            addMember(new SecondarySpec(s.name(), s.primaries(), keys.get(s.tsigKey()), s.tsigKey()));
        }
        for (CatalogSource c : cfg.catalogs()) {
            in.add(new SecondarySpec(c.name(), c.primaries(), keys.get(c.tsigKey()), c.tsigKey()));
            Zone stored = store.get(c.name());
            if (stored != null) catalogs.applyStored(stored, in::preload); // members from disk serve at once
        }
        in.pollKeyFile(keyFile, clock);
        out.sweepLater(in.disk(), clock);
        if (catalogs.fleet() != null) catalogs.fleet().publishNow();
        log.info("replication started: role {}, {} secondary zones, {} catalogs{}", cfg.role(), in.secondaries().size(),
                catalogs.size(), catalogs.fleet() == null ? "" : ", producing fleet catalog " + catalogs.fleet().origin());
    }

    public static ReplicationService start(NodeConfig cfg, ZoneStore store) {
        return start(cfg, store, true);
    }

    /** @param fsync false only for benchmarks that create huge numbers of zones on a scratch disk */
    public static ReplicationService start(NodeConfig cfg, ZoneStore store, boolean fsync) {
        try {
            return new ReplicationService(cfg, store, fsync);
        } catch (IOException e) {
            throw new UncheckedIOException("replication: cannot start: " + e.getMessage(), e);
        }
    }

    /** Handles opcode NOTIFY (RFC 1996). */
    public Stage notifyStage() { return notify.stage(); }

    /** Handles AXFR/IXFR out (RFC 5936/1995). */
    public Stage xfrOutStage() { return out.stage(); }

    /** The consumer of catalog {@code name}, or null (tests, HTTP). */
    public CatalogConsumer catalog(Name name) { return catalogs.consumer(name); }

    /** The zone limits and memory budget of this node (metrics, HTTP). */
    public ZoneBudget budget() { return budget; }

    /**
     * Why {@code zone} is not served (or not at its primary's version): a catalog member whose primaries the address
     * policy refused, or a transfer refused by a limit; null when nothing was refused.
     */
    public String refusal(Name zone) {
        String why = catalogs.refusal(zone);
        return why != null ? why : budget.refusal(zone);
    }

    /** The node's secondary zones (for tests, metrics and the HTTP API). */
    public Secondaries secondaries() { return in.secondaries(); }

    private void addMember(SecondarySpec spec) {
        in.add(spec);
        if (store.get(spec.zone()) != null) catalogs.serving(spec.zone());
    }

    private void removeMember(Name zone) {
        in.remove(zone);
        budget.clear(zone);
        out.forget(zone);
        catalogs.removed(zone);
    }

    /**
     * A primary zone loaded from a file changed (a reload with a new serial): keep the difference for IXFR out and
     * NOTIFY the configured targets, as a primary does for its secondaries (RFC 1996 §3.1). Called from the node's
     * zone-file reloader.
     */
    public void primaryZoneReloaded(Zone previous, Zone current) {
        if (previous != null) out.append(current.origin(), List.of(Diff.between(previous, current)));
        notify.changed(current);
    }

    /** A secondary zone got a new version. */
    private void changed(Zone previous, Zone current, List<Diff> diffs) {
        out.append(current.origin(), diffs);
        if (catalogs.changed(current)) return; // an input catalog is not served to the edges: no NOTIFY for it
        boolean collector = catalogs.fleet() != null;
        if (collector && previous == null) catalogs.serving(current.origin()); // once the collector can serve it
        // A zone's first version is announced by the fleet catalog, not by NOTIFY: the edges do not know the zone
        // yet and would only answer NOTAUTH (10,000 new zones x 10 edges of wasted signed round trips).
        if (previous != null || !collector) notify.changed(current);
    }

    /** A new version of the fleet catalog (collector): served, kept for IXFR, saved, announced. */
    private void publishFleet(Zone previous, Zone next) {
        store.put(next);
        if (previous != null) out.append(next.origin(), List.of(Diff.between(previous, next)));
        in.save(next);
        notify.changed(next);
    }

    @Override
    public void close() {
        in.stop();
        transfers.shutdownNow();
        catalogTransfers.shutdownNow();
        clock.shutdownNow();
        notify.close();
        in.close(); // pending zone writes reach the disk before the node exits
        out.close(); // and so do pending IXFR history writes
    }

    /** Waits until every zone version installed so far, and its IXFR history, is on disk (tests). */
    public void flushToDisk() throws InterruptedException {
        in.flush();
        out.flush();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, name + "-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
    }
}
