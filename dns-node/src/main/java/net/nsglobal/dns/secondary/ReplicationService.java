package net.nsglobal.dns.secondary;

import net.nsglobal.dns.xfrin.SecondarySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.nsglobal.dns.catalog.Catalog;
import net.nsglobal.dns.catalog.CatalogConsumer;
import net.nsglobal.dns.catalog.CatalogOwners;
import net.nsglobal.dns.catalog.FleetPublisher;
import net.nsglobal.dns.config.CatalogSource;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.Role;
import net.nsglobal.dns.notify.NotifySender;
import net.nsglobal.dns.notify.NotifyStage;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.persist.Persister;
import net.nsglobal.dns.persist.ZoneDisk;
import net.nsglobal.dns.persist.ZoneTimers;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.tsig.KeyFile;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.XfrLimits;
import net.nsglobal.dns.xfrin.ZoneBuilder;
import net.nsglobal.dns.xfrout.Journal;
import net.nsglobal.dns.xfrout.XfrOutStage;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneBudget;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Secondary zones, catalogs, transfers out and NOTIFY for one node, wired from the {@link NodeConfig}:
 *
 * <pre>
 *   customers' primaries ──IXFR/AXFR──▶ Secondaries ──▶ ZoneStore (served) + ZoneDisk (persisted)
 *        ▲ NOTIFY (NotifyStage)              │ changed
 *                                            ├──▶ Journal (IXFR history for edges, XfrOutStage)
 *                                            ├──▶ NotifySender ──NOTIFY──▶ edges
 *                                            ├──▶ CatalogConsumer (when the zone is a catalog: members come and go)
 *                                            └──▶ FleetPublisher (collector: fleet catalog for the edges)
 * </pre>
 *
 * {@link net.nsglobal.dns.Node} calls {@link #start} after loading primary zones and {@link #close} on shutdown.
 */
public final class ReplicationService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("replication");
    private static final long JOURNAL_SWEEP_DELAY_SECONDS = 60;
    private final Secondaries secondaries;
    private final Journal journal;
    private final NotifySender notifier;
    private final Map<Name, CatalogConsumer> catalogs = new ConcurrentHashMap<>();
    private final FleetPublisher fleet;
    private final ExecutorService transfers;
    private final ExecutorService catalogTransfers;
    private final ScheduledExecutorService clock;
    private final ZoneStore store;
    private final ZoneDisk disk;
    private final Persister persister;
    private final Stage notifyStage;
    private final Stage xfrOutStage;
    private final ZoneBudget budget;

    private ReplicationService(NodeConfig cfg, ZoneStore store, boolean fsync) throws IOException {
        this.store = store;
        List<TsigKey> keyList = new ArrayList<>();
        for (var k : cfg.tsigKeys()) keyList.add(k);
        KeyFile keyFile = cfg.tsigKeysFile() == null ? null : new KeyFile(cfg.tsigKeysFile());
        if (keyFile != null) keyFile.poll(); // before any member is added: its keys are known from the start
        Keyring keys = new Keyring(keyList, keyFile);
        var l = cfg.limits();
        XfrLimits limits = new XfrLimits(l.recordsPerZone(), l.bytesPerTransfer(), l.recordsPerRrset(),
                l.typesPerName(), l.transferDuration(), l.transferIdle(), l.transferMinRate(), l.transferMinRateWindow());
        var t = cfg.timers();
        RefreshTimers timers = new RefreshTimers(t.refreshMin(), t.refreshMax(), t.retryMin(), t.retryMax(),
                t.expireMin(), t.expireMax());
        Path dataDir = cfg.dataDir();
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("nsglobal-node-");
            boolean replicates = !cfg.secondaries().isEmpty() || !cfg.catalogs().isEmpty() || cfg.role() == Role.COLLECTOR;
            if (replicates) log.warn("no data-dir configured: secondary zones kept in {} (lost on restart)", dataDir);
        }
        this.disk = new ZoneDisk(dataDir, fsync);
        this.persister = new Persister(disk);
        // One thread more than slots: while every slot's transfer runs, queued zones still ask for slots every 20 ms,
        // which is how TransferSlots knows who is waiting and hands a freed slot to the primary holding fewer.
        this.transfers = Executors.newFixedThreadPool(l.transfersTotal() + 1, daemon("xfrin"));
        this.catalogTransfers = Executors.newSingleThreadExecutor(daemon("xfrin-catalog"));
        this.clock = Executors.newSingleThreadScheduledExecutor(daemon("replication-timers"));
        // IXFR history on disk only with a configured data-dir (a temporary one dies with the node) and when someone
        // may transfer from us: an edge with an empty transfer-acl would write files nobody ever reads.
        boolean journalOnDisk = cfg.dataDir() != null && !cfg.transferAcl().allow().isEmpty();
        this.journal = new Journal(l.ixfrHistory(), journalOnDisk ? new JournalDisk(cfg.dataDir()) : null);
        InetAddress source = cfg.server().listen().isEmpty() ? InetAddress.getLoopbackAddress()
                : cfg.server().listen().get(0).getAddress();
        TsigKey aclKey = keys.get(cfg.transferAcl().tsigKey());
        this.notifier = cfg.notifyTargets().isEmpty() ? null
                : new NotifySender(cfg.notifyTargets(), aclKey, source, clock);
        CatalogOwners owners = new CatalogOwners(); // one per node: a member zone belongs to one catalog
        this.budget = new ZoneBudget(l.catalogZoneMaxRecords(), l.catalogZoneMaxBytes(), l.catalogZoneMaxRrsets(),
                l.zoneMemoryBudget(), store, owners::fromCatalog);
        SecondaryContext ctx = new SecondaryContext(store, persister, new XfrClient(limits), new ZoneBuilder(limits), timers,
                new TransferSlots(l.transfersPerPrimary(), l.transfersTotal()), transfers, catalogTransfers, clock,
                this::changed, catalogs::containsKey, keys::find, budget);
        this.secondaries = new Secondaries(ctx);
        Name fleetName = cfg.role() == Role.COLLECTOR ? cfg.fleetCatalog() : null;
        this.fleet = fleetName == null ? null : new FleetPublisher(fleetName, storedFleet(fleetName), clock,
                this::publishFleet, owners::group);
        this.notifyStage = new NotifyStage(secondaries::get, keys, l.notifyRate());
        this.xfrOutStage = new XfrOutStage(store, journal, cfg.transferAcl(), keys);

        for (CatalogSource c : cfg.catalogs()) {
            TsigKey key = keys.get(c.tsigKey());
            catalogs.put(c.name(), new CatalogConsumer(c.name(), c.primaries(), key,
                    keys::find, new CatalogConsumer.Members() {
                        @Override public void add(SecondarySpec spec) { addMember(spec); }
                        @Override public void remove(Name zone) { removeMember(zone); }
                    }, owners, c.primaryPolicy()));
        }
        for (var z : cfg.zones()) owners.configured(z.name());
        for (var s : cfg.secondaries()) {
            owners.configured(s.name());
            addMember(new SecondarySpec(s.name(), s.primaries(), keys.get(s.tsigKey()), s.tsigKey()));
        }
        for (CatalogSource c : cfg.catalogs()) {
            secondaries.add(new SecondarySpec(c.name(), c.primaries(), keys.get(c.tsigKey()), c.tsigKey()));
            Zone stored = store.get(c.name());
            if (stored != null) {
                // Members from disk serve at once: loaded in parallel first, then started one by one.
                if (Catalog.parse(stored) instanceof Catalog.Parsed.Ok ok) {
                    secondaries.preload(ok.catalog().members().keySet());
                }
                catalogs.get(c.name()).apply(stored);
            }
        }
        if (keyFile != null) pollKeyFile(keyFile);
        if (journalOnDisk) sweepJournal();
        if (fleet != null) fleet.publishNow();
        log.info("replication started: role {}, {} secondary zones, {} catalogs{}", cfg.role(), secondaries.size(),
                catalogs.size(), fleet == null ? "" : ", producing fleet catalog " + fleet.origin());
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
    public Stage notifyStage() { return notifyStage; }

    /** Handles AXFR/IXFR out (RFC 5936/1995). */
    public Stage xfrOutStage() { return xfrOutStage; }

    /** The consumer of catalog {@code name}, or null (tests, HTTP). */
    public CatalogConsumer catalog(Name name) { return catalogs.get(name); }

    /** The zone limits and memory budget of this node (metrics, HTTP). */
    public ZoneBudget budget() { return budget; }

    /**
     * Why {@code zone} is not served (or not at its primary's version): a catalog member whose primaries the address
     * policy refused, or a transfer refused by a limit; null when nothing was refused.
     */
    public String refusal(Name zone) {
        for (CatalogConsumer c : catalogs.values()) {
            String why = c.refused().get(zone);
            if (why != null) return "catalog " + c.catalog() + ": member " + zone + " " + why;
        }
        return budget.refusal(zone);
    }

    /** The node's secondary zones (for tests, metrics and the HTTP API). */
    public Secondaries secondaries() { return secondaries; }

    /**
     * Re-reads the tsig-keys-file when it changes (a stat per second). Zones that have no data yet and use one of its
     * keys refresh at once: their first transfer was waiting for a key that may just have arrived.
     */
    private void pollKeyFile(KeyFile keyFile) {
        clock.scheduleWithFixedDelay(() -> {
            try {
                if (!keyFile.poll()) return;
                for (Secondary z : secondaries.all()) {
                    Name k = z.spec().keyName();
                    if (k != null && keyFile.get(k) != null && store.get(z.spec().zone()) == null) {
                        z.refreshNow("key " + k + " in tsig-keys-file");
                    }
                }
            } catch (RuntimeException e) {
                log.error("tsig-keys-file {}: poll failed: {}", keyFile.file(), e.toString()); // keep polling
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Once the node has settled (catalogs read, zones loaded), journal files of zones it no longer has are deleted:
     * a zone removed while the node was down. Off the start path: it lists two folders of up to 100,000 files.
     */
    private void sweepJournal() {
        clock.schedule(() -> {
            try {
                java.util.Set<Name> stored = new java.util.HashSet<>(disk.list());
                journal.sweep(z -> store.get(z) != null || stored.contains(z));
            } catch (IOException | RuntimeException e) {
                log.warn("journal sweep failed: {}", e.toString());
            }
        }, JOURNAL_SWEEP_DELAY_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void addMember(SecondarySpec spec) {
        secondaries.add(spec);
        if (fleet != null && store.get(spec.zone()) != null) fleet.add(spec.zone());
    }

    private void removeMember(Name zone) {
        secondaries.remove(zone);
        budget.clear(zone);
        journal.forget(zone);
        if (fleet != null) fleet.remove(zone);
    }

    /** A secondary zone got a new version. */
    /**
     * A primary zone loaded from a file changed (a reload with a new serial): keep the difference for IXFR out and
     * NOTIFY the configured targets, as a primary does for its secondaries (RFC 1996 §3.1). Called from the node's
     * zone-file reloader.
     */
    public void primaryZoneReloaded(Zone previous, Zone current) {
        if (previous != null) journal.append(current.origin(), List.of(RefreshAttempt.diff(previous, current)));
        if (notifier != null) notifier.changed(current);
    }

    private void changed(Zone previous, Zone current, List<Diff> diffs) {
        if (!diffs.isEmpty()) journal.append(current.origin(), diffs);
        CatalogConsumer c = catalogs.get(current.origin());
        if (c != null) {
            c.apply(current);
            return; // an input catalog is not served to the edges: no NOTIFY for it
        }
        if (fleet != null && previous == null) fleet.add(current.origin()); // once the collector can serve it
        // A zone's first version is announced by the fleet catalog, not by NOTIFY: the edges do not know the zone
        // yet and would only answer NOTAUTH (10,000 new zones x 10 edges of wasted signed round trips).
        if (notifier != null && (previous != null || fleet == null)) notifier.changed(current);
    }

    private void publishFleet(Zone previous, Zone next) {
        store.put(next);
        if (previous != null) journal.append(next.origin(), List.of(RefreshAttempt.diff(previous, next)));
        long now = System.currentTimeMillis();
        persister.save(next, new ZoneTimers(now, Long.MAX_VALUE, Long.MAX_VALUE));
        if (notifier != null) notifier.changed(next);
    }

    private Zone storedFleet(Name name) {
        try {
            ZoneDisk.Stored s = disk.load(name);
            if (s == null) return null;
            store.put(s.zone());
            return s.zone();
        } catch (Exception e) {
            log.warn("fleet catalog {}: stored copy unusable, starting afresh: {}", name, e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        secondaries.stopAll();
        transfers.shutdownNow();
        catalogTransfers.shutdownNow();
        clock.shutdownNow();
        if (notifier != null) notifier.close();
        persister.close(); // pending zone writes reach the disk before the node exits
        journal.close(); // and so do pending IXFR history writes
    }

    /** Waits until every zone version installed so far, and its IXFR history, is on disk (tests). */
    public void flushToDisk() throws InterruptedException {
        persister.flush();
        journal.flush();
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
