package net.nsglobal.dns.secondary;

import net.nsglobal.dns.xfrin.SecondarySpec;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import net.nsglobal.dns.persist.ZoneDisk;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * The node's secondary zones by name. Adding a zone first serves its copy from disk (before any primary is contacted:
 * a restarted node answers at once), then starts its refresh state machine; removing one stops it and forgets it.
 */
public final class Secondaries {
    private static final Logger log = LoggerFactory.getLogger("replication.secondary");
    private final SecondaryContext ctx;
    private final ConcurrentHashMap<Name, Secondary> zones = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Name, ZoneDisk.Stored> preloaded = new ConcurrentHashMap<>();
    /** Zones removed since start: their stored copy is deleted (or queued for deletion), never to be loaded again. */
    private final java.util.Set<Name> removed = ConcurrentHashMap.newKeySet();

    Secondaries(SecondaryContext ctx) {
        this.ctx = ctx;
    }

    public Secondary get(Name zone) { return zones.get(zone); }

    public Collection<Secondary> all() { return zones.values(); }

    public int size() { return zones.size(); }

    /** Transfers in running now from the primary group (IPv4 address, IPv6 /64) of {@code primary}. */
    public int transfersRunning(java.net.InetAddress primary) { return ctx.slots().running(primary); }

    /** Loads the stored copy into the store (flagged expired if its expire passed while we were down). */
    ZoneDisk.Stored loadFromDisk(Name name) {
        try {
            ZoneDisk.Stored s = ctx.disk().disk().load(name);
            if (s == null) return null;
            Zone z = s.zone();
            if (s.timers() != null && s.timers().expireAt() <= System.currentTimeMillis()) {
                log.error("zone {}: expired while the node was down, answering SERVFAIL until refreshed", name);
                z = z.asExpired(true);
            }
            ctx.store().put(z);
            return s;
        } catch (ZoneException e) {
            log.error("zone {}: stored copy unusable, transferring afresh: {}", name, e.getMessage());
            return null;
        }
    }

    /**
     * Loads many stored zones at once, on all cores, into the store (cold start of an edge with 100,000 zones: the
     * per-zone file read and compile dominate). Their timers wait in {@link #preloaded} for {@link #add}.
     */
    void preload(Collection<Name> names) {
        names.parallelStream().forEach(n -> {
            if (ctx.store().get(n) != null) return;
            ZoneDisk.Stored s = loadFromDisk(n);
            if (s != null) preloaded.put(n, s);
        });
    }

    /** Adds (or re-specifies) a zone; its timers start at once. */
    public void add(SecondarySpec spec) {
        Secondary existing = zones.get(spec.zone());
        if (existing != null) {
            existing.respec(spec);
            return;
        }
        ZoneDisk.Stored stored = preloaded.remove(spec.zone());
        boolean reset = removed.remove(spec.zone()); // a reset (RFC 9432 §5.6) starts from nothing, not from disk
        if (stored == null && !reset && ctx.store().get(spec.zone()) == null) stored = loadFromDisk(spec.zone());
        Secondary s = new Secondary(ctx, spec, stored == null ? null : stored.timers());
        if (zones.putIfAbsent(spec.zone(), s) == null) s.start();
    }

    /** Stops a zone, withdraws it from service and deletes its stored copy (catalog member removed, RFC 9432 §5.4). */
    public void remove(Name zone) {
        Secondary s = zones.remove(zone);
        if (s == null) return;
        removed.add(zone);
        s.stop();
        ctx.store().remove(zone);
        ctx.disk().delete(zone);
        log.info("zone {}: removed", zone);
    }

    void stopAll() {
        for (Secondary s : zones.values()) s.stop();
    }
}
