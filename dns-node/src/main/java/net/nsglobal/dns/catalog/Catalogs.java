package net.nsglobal.dns.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import net.nsglobal.dns.config.CatalogSource;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.persist.ZoneDisk;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Catalog zones (RFC 9432), wired from the {@link NodeConfig}: one {@link CatalogConsumer} per {@code catalogs:} entry,
 * sharing the node's {@link CatalogOwners} (zones the config has are never a catalog's), and on a collector the
 * {@link FleetPublisher} that produces the fleet catalog for the edges.
 */
public final class Catalogs {
    private static final Logger log = LoggerFactory.getLogger("replication");
    private final Map<Name, CatalogConsumer> consumers = new ConcurrentHashMap<>();
    private final CatalogOwners owners = new CatalogOwners(); // one per node: a member zone belongs to one catalog
    private volatile FleetPublisher fleet; // null: not a collector

    /** @param members where the consumers' membership changes go (the node's secondary zones) */
    public Catalogs(NodeConfig cfg, Keyring keys, CatalogConsumer.Members members) {
        for (CatalogSource c : cfg.catalogs()) {
            consumers.put(c.name(), new CatalogConsumer(c.name(), c.primaries(), keys.get(c.tsigKey()), keys::find,
                    members, owners, c.primaryPolicy()));
        }
        for (var z : cfg.zones()) owners.configured(z.name());
        for (var s : cfg.secondaries()) owners.configured(s.name());
    }

    /**
     * Produces the fleet catalog {@code name} (the collector), from its stored copy when there is a usable one.
     *
     * @param sink installs, journals, saves and announces each new version
     */
    public void produce(Name name, ZoneDisk disk, ZoneStore store, ScheduledExecutorService clock,
                        FleetPublisher.Sink sink) {
        fleet = new FleetPublisher(name, stored(name, disk, store), clock, sink, owners::group);
    }

    /** The node's owners of member zones. */
    public CatalogOwners owners() { return owners; }

    /** True when {@code zone} is a catalog this node consumes (an input, not served to the edges). */
    public boolean consumes(Name zone) { return consumers.containsKey(zone); }

    /** The consumer of catalog {@code name}, or null. */
    public CatalogConsumer consumer(Name name) { return consumers.get(name); }

    public int size() { return consumers.size(); }

    /** The fleet catalog this node produces, or null. */
    public FleetPublisher fleet() { return fleet; }

    /**
     * A new version of {@code zone} arrived: applied when it is a consumed catalog.
     *
     * @return true when it was a catalog
     */
    public boolean changed(Zone zone) {
        CatalogConsumer c = consumers.get(zone.origin());
        if (c == null) return false;
        c.apply(zone);
        return true;
    }

    /**
     * Applies a consumed catalog's copy from disk at start-up; its members' own copies are loaded by {@code preload}
     * first (in parallel), so they serve at once, then started one by one.
     */
    public void applyStored(Zone stored, Consumer<Collection<Name>> preload) {
        if (Catalog.parse(stored) instanceof Catalog.Parsed.Ok ok) preload.accept(ok.catalog().members().keySet());
        consumers.get(stored.origin()).apply(stored);
    }

    /** A member zone now serves on this node: listed in the fleet catalog. */
    public void serving(Name zone) {
        if (fleet != null) fleet.add(zone);
    }

    /** A member zone left this node: gone from the fleet catalog. */
    public void removed(Name zone) {
        if (fleet != null) fleet.remove(zone);
    }

    /** Why a catalog left {@code zone} out, or null. */
    public String refusal(Name zone) {
        for (CatalogConsumer c : consumers.values()) {
            String why = c.refused().get(zone);
            if (why != null) return "catalog " + c.catalog() + ": member " + zone + " " + why;
        }
        return null;
    }

    private static Zone stored(Name name, ZoneDisk disk, ZoneStore store) {
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
}
