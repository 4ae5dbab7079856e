package net.nsglobal.dns.secondary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.Role;
import net.nsglobal.dns.persist.Persister;
import net.nsglobal.dns.persist.PrivateTemp;
import net.nsglobal.dns.persist.ZoneDisk;
import net.nsglobal.dns.tsig.KeyFile;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.xfrin.SecondarySpec;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.XfrLimits;
import net.nsglobal.dns.xfrin.ZoneBuilder;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneBudget;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Transfers in, wired from the {@link NodeConfig}: the node's {@link Secondaries} with their transfer limits, SOA
 * timer clamps and transfer slots, the zone copies on disk ({@code data-dir}) and the tsig-keys-file poll. Every new
 * version of a secondary zone goes to the {@link ZoneChangeListener} given here.
 */
public final class TransfersIn {
    private static final Logger log = LoggerFactory.getLogger("replication");
    private final ZoneStore store;
    private final ZoneDisk disk;
    private final Persister persister;
    private final Secondaries secondaries;

    /**
     * @param transfers        the member transfers' threads (one more than {@code limits.transfers-total})
     * @param catalogTransfers the catalog zones' own thread: membership never queues behind member transfers
     * @param isCatalog        true for a zone that is a consumed catalog (no budget, own thread)
     */
    public TransfersIn(NodeConfig cfg, ZoneStore store, Keyring keys, ZoneBudget budget, ExecutorService transfers,
                       ExecutorService catalogTransfers, ScheduledExecutorService clock, boolean fsync,
                       ZoneChangeListener changed, Predicate<Name> isCatalog) throws IOException {
        this.store = store;
        var l = cfg.limits();
        XfrLimits limits = new XfrLimits(l.recordsPerZone(), l.bytesPerTransfer(), l.recordsPerRrset(),
                l.typesPerName(), l.transferDuration(), l.transferIdle(), l.transferMinRate(), l.transferMinRateWindow());
        var t = cfg.timers();
        RefreshTimers timers = new RefreshTimers(t.refreshMin(), t.refreshMax(), t.retryMin(), t.retryMax(),
                t.expireMin(), t.expireMax());
        Path dataDir = cfg.dataDir();
        if (dataDir == null) {
            dataDir = PrivateTemp.directory("nsglobal-node-");
            boolean replicates = !cfg.secondaries().isEmpty() || !cfg.catalogs().isEmpty() || cfg.role() == Role.COLLECTOR;
            if (replicates) log.warn("no data-dir configured: secondary zones kept in {} (lost on restart)", dataDir);
        }
        this.disk = new ZoneDisk(dataDir, fsync);
        this.persister = new Persister(disk);
        SecondaryContext ctx = new SecondaryContext(store, persister, new XfrClient(limits), new ZoneBuilder(limits),
                timers, new TransferSlots(l.transfersPerPrimary(), l.transfersTotal()), transfers, catalogTransfers,
                clock, changed, isCatalog, keys::find, budget);
        this.secondaries = new Secondaries(ctx);
    }

    /** The node's secondary zones (for tests, metrics and the HTTP API). */
    public Secondaries secondaries() { return secondaries; }

    /** The zone copies on disk. */
    public ZoneDisk disk() { return disk; }

    /** Adds (or re-specifies) a secondary zone; its timers start at once. */
    public void add(SecondarySpec spec) { secondaries.add(spec); }

    /** Removes a secondary zone and its data. */
    public void remove(Name zone) { secondaries.remove(zone); }

    /** Loads the stored copies of {@code zones} at once, on all cores, so they serve before their first refresh. */
    public void preload(Collection<Name> zones) { secondaries.preload(zones); }

    /** Saves a zone this node produced itself (the fleet catalog), never expiring. */
    public void save(Zone zone) {
        persister.save(zone, new net.nsglobal.dns.persist.ZoneTimers(System.currentTimeMillis(), Long.MAX_VALUE,
                Long.MAX_VALUE));
    }

    /**
     * Re-reads the tsig-keys-file when it changes (a stat per second). Zones that have no data yet and use one of its
     * keys refresh at once: their first transfer was waiting for a key that may just have arrived.
     */
    public void pollKeyFile(KeyFile keyFile, ScheduledExecutorService clock) {
        if (keyFile == null) return;
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
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops every zone's timers (the threads are the caller's). */
    public void stop() { secondaries.stopAll(); }

    /** Pending zone writes reach the disk. */
    public void close() { persister.close(); }

    /** Waits until every zone version installed so far is on disk (tests). */
    public void flush() throws InterruptedException { persister.flush(); }
}
