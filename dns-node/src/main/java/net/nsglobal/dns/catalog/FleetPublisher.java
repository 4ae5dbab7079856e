package net.nsglobal.dns.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * The collector's side of the fleet catalog: tracks which zones the collector holds and republishes the catalog
 * (new serial) shortly after the set changes. Changes arriving within {@link #DEBOUNCE_MS} are batched into one
 * version, and versions are spaced by 1 ms per 20 members, so 10,000 new zones make a few dozen catalog versions
 * rather than thousands. Each member keeps the group (RFC 9432 §4.4.2) that {@code groupOf} gives when it is added
 * (the customers' catalog's group, through {@link CatalogOwners#group}); a changed group is a new version too.
 *
 * <pre>
 *   CLEAN --add/remove--> DIRTY (publish scheduled in DEBOUNCE_MS) --publish--> CLEAN
 *                           ^--add/remove (no new schedule)--'
 * </pre>
 */
public final class FleetPublisher {
    /** Receives each new catalog version (install in the store, IXFR history, NOTIFY edges). */
    public interface Sink {
        void publish(Zone previous, Zone next);
    }

    static final long DEBOUNCE_MS = 20;
    private static final Logger log = LoggerFactory.getLogger("replication.catalog");
    private final Name origin;
    private final ScheduledExecutorService clock;
    private final Sink sink;
    private final Function<Name, String> groupOf;
    private final Set<Name> members = new HashSet<>();
    private final Map<Name, String> groups = new HashMap<>();
    private Zone current;
    private Set<Name> published;
    private Map<Name, String> publishedGroups;
    private boolean dirty;
    private long lastPublish;

    /** @param stored the catalog as last published (from disk), or null */
    public FleetPublisher(Name origin, Zone stored, ScheduledExecutorService clock, Sink sink) {
        this(origin, stored, clock, sink, zone -> null);
    }

    /** @param groupOf a member's group, or null for none; called outside this publisher's lock */
    public FleetPublisher(Name origin, Zone stored, ScheduledExecutorService clock, Sink sink,
                          Function<Name, String> groupOf) {
        this.origin = origin;
        this.groupOf = groupOf;
        this.clock = clock;
        this.sink = sink;
        this.current = stored;
    }

    public Name origin() { return origin; }

    /** Lists {@code zone} (again: its group may have changed). */
    public void add(Name zone) {
        if (zone.equals(origin)) return;
        String group = groupOf.apply(zone); // before our lock: the owners' lock may be held by the caller, never inside
        synchronized (this) {
            boolean added = members.add(zone);
            boolean regrouped = !Objects.equals(group == null ? groups.remove(zone) : groups.put(zone, group), group);
            if (added || regrouped) markDirty();
        }
    }

    public synchronized void remove(Name zone) {
        groups.remove(zone);
        if (members.remove(zone)) markDirty();
    }

    /** Publishes now if anything changed since the last version (or if nothing was ever published). */
    public void publishNow() {
        Zone prev;
        Zone next;
        int count;
        synchronized (this) {
            dirty = false;
            lastPublish = System.currentTimeMillis();
            long serial = FleetCatalog.nextSerial(current == null ? 0 : current.serial());
            try {
                next = FleetCatalog.build(origin, serial, members, groups);
            } catch (ZoneException e) {
                log.error("{}", e.getMessage());
                return;
            }
            if (current != null && members.equals(published) && groups.equals(publishedGroups)) return; // no change
            published = Set.copyOf(members);
            publishedGroups = Map.copyOf(groups);
            count = members.size();
            prev = current;
            current = next;
        }
        log.info("fleet catalog {} serial {}: {} members", origin, next.serial(), count);
        sink.publish(prev, next);
    }

    private void markDirty() {
        if (dirty) return;
        dirty = true;
        // Every version costs each edge O(members) (apply, compile, parse, persist): space versions out as the
        // catalog grows (10,000 members: >= 0.5 s apart) so a mass import is a few dozen versions, not thousands.
        long gap = DEBOUNCE_MS + members.size() / 20;
        long wait = Math.max(DEBOUNCE_MS, lastPublish + gap - System.currentTimeMillis());
        clock.schedule(this::publishNow, wait, TimeUnit.MILLISECONDS);
    }

    public synchronized Zone current() { return current; }
}
