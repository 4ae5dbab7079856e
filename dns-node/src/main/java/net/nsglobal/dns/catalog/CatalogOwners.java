package net.nsglobal.dns.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Which catalog owns each member zone on this node, shared by all of the node's {@link CatalogConsumer}s. A zone has
 * at most one owner, and only its owner's listing configures it:
 *
 * <ul>
 *   <li>RFC 9432 §5.2 (name clash): a zone already owned by catalog A and listed by catalog B stays with A; B's
 *       listing is ignored and logged once, naming both catalogs and the zone.</li>
 *   <li>The same for a zone the node's config has ({@link #configured}): catalogs never touch it.</li>
 *   <li>§5.3 (removal): only the owner's removal removes the zone and its data. If another catalog still lists the
 *       zone (ignored until then), that catalog gets it, transferred afresh from its primaries: the node ends up as if
 *       every catalog had been read in configuration order.</li>
 *   <li>§4.4.1 and §5.5 (change of ownership): when A lists the zone with {@code coo PTR B.} and B lists it (in
 *       either order), ownership moves to B and the zone is reset (§5.6): its data is deleted and it is transferred
 *       again from B's primaries, never kept from A's (as BIND does; the RFC only allows keeping state when the
 *       unique id is the same, and resetting is always safe). A {@code coo} naming a catalog this node does not
 *       consume, or its own catalog, changes nothing.</li>
 * </ul>
 *
 * <pre>
 *   unowned --listed by C--> owned by C --C drops it--> unowned, or owned by the next catalog that lists it (reset)
 *                              |   ^
 *      C lists coo D and D lists it (either first)  -->  owned by D (reset)
 * </pre>
 *
 * Not persisted: after a restart, catalogs are re-read in configuration order, so a zone listed by two catalogs
 * without {@code coo} goes to the first one configured, and a finished migration whose {@code coo} entry is still in
 * A is redone (one extra transfer) until the operator removes the member from A (§5.5 step 3).
 * One lock (this object) covers every consumer of the node: catalog versions apply one at a time.
 *
 * <p>{@link #update} only decides: it returns the member zones to take and to drop as {@link Change} values, in the
 * order they must happen, and {@link CatalogConsumer#apply} (the one caller) performs them. Nothing here adds or
 * removes a zone.
 */
public final class CatalogOwners {
    private static final Logger log = LoggerFactory.getLogger("replication.catalog");

    /** One change of the node's member zones that a catalog version causes. */
    public sealed interface Change {
        /** The catalog whose consumer performs the change (with its default primaries and key). */
        Name catalog();

        Name zone();
    }

    /** {@code catalog} now owns {@code member}: add it to the node, or re-specify it. */
    public record Take(Name catalog, Catalog.Member member) implements Change {
        @Override
        public Name zone() { return member.zone(); }
    }

    /** {@code catalog} no longer owns {@code zone}: remove it and its data from the node. */
    public record Drop(Name catalog, Name zone) implements Change {}

    /** What one catalog version changes, in order, with the counts for its log line. */
    public record Decision(List<Change> changes, int added, int removed) {
        public Decision {
            changes = List.copyOf(changes);
        }
    }

    private final Set<Name> catalogs = new LinkedHashSet<>(); // configuration order: the order decisions follow
    private final Map<Name, CatalogConsumer> consumers = new HashMap<>(); // who performs a catalog's changes
    private final Map<Name, Map<Name, Catalog.Member>> listings = new HashMap<>(); // catalog -> its last valid listing
    private final Map<Name, Name> owner = new HashMap<>(); // member zone -> catalog
    private final Map<List<Name>, String> said = new HashMap<>(); // (catalog, zone) -> last conflict/coo message logged

    /** The owner of zones configured outside any catalog ({@code zones:}, {@code secondaries:}). */
    static final Name CONFIG = Name.fromConstantString("node-config.invalid.");

    /**
     * {@code zone} is configured outside the catalogs (a primary or secondary zone of the node config): a catalog
     * listing it is ignored (RFC 9432 §5.2: "an otherwise configured zone" wins), and it is never removed by one.
     */
    public synchronized void configured(Name zone) {
        owner.put(zone, CONFIG);
    }

    synchronized void register(CatalogConsumer c) {
        register(c.catalog());
        consumers.put(c.catalog(), c);
    }

    /** {@code catalog} is consumed by this node, after those registered before it (decisions alone: tests). */
    synchronized void register(Name catalog) {
        if (!catalogs.add(catalog)) throw new IllegalArgumentException("catalog " + catalog + " consumed twice");
    }

    /** The catalog that owns {@code zone} on this node, or null. */
    public synchronized Name owner(Name zone) {
        return owner.get(zone);
    }

    /** True when a catalog (not the node's config) owns {@code zone}: a customer zone, under the catalog limits. */
    public synchronized boolean fromCatalog(Name zone) {
        Name o = owner.get(zone);
        return o != null && !o.equals(CONFIG);
    }

    /** The group (RFC 9432 §4.4.2) the owning catalog gives {@code zone}, or null. */
    public synchronized String group(Name zone) {
        Name o = owner.get(zone);
        Catalog.Member m = o == null ? null : listings.getOrDefault(o, Map.of()).get(zone);
        return m == null ? null : m.group();
    }

    /** The members {@code catalog} owns, as it lists them. */
    synchronized Map<Name, Catalog.Member> owned(Name catalog) {
        Map<Name, Catalog.Member> out = new HashMap<>();
        Map<Name, Catalog.Member> listing = listings.getOrDefault(catalog, Map.of());
        owner.forEach((zone, cat) -> {
            if (cat.equals(catalog)) out.put(zone, listing.get(zone));
        });
        return out;
    }

    /** The consumer of {@code catalog}, which performs the changes decided for it. */
    synchronized CatalogConsumer consumer(Name catalog) {
        return consumers.get(catalog);
    }

    /**
     * Records a new valid version of {@code cat}'s listing and decides what it changes: the zones to take and drop,
     * in order (a drop before the take that replaces it). Performs none of them.
     */
    synchronized Decision update(Name cat, Map<Name, Catalog.Member> next) {
        List<Change> changes = new ArrayList<>();
        Map<Name, Catalog.Member> prev = listings.getOrDefault(cat, Map.of());
        listings.put(cat, next);
        int added = 0;
        int removed = 0;
        for (Name zone : new TreeSet<>(prev.keySet())) {
            if (next.containsKey(zone)) continue;
            said.remove(List.of(cat, zone));
            if (!cat.equals(owner.get(zone))) continue; // §5.3: another catalog's member stays
            owner.remove(zone);
            changes.add(new Drop(cat, zone));
            removed++;
            handOff(zone, cat, changes);
        }
        for (Catalog.Member m : next.values()) {
            Name zone = m.zone();
            Name o = owner.get(zone);
            Name heir = o == null || o.equals(cat) ? heir(cat, m) : null;
            if (o == null && heir != null) {
                owner.put(zone, heir); // listed here, but given to a catalog that lists it too
                changes.add(new Take(heir, listings.get(heir).get(zone)));
            } else if (o == null) {
                owner.put(zone, cat);
                changes.add(new Take(cat, m));
                added++;
            } else if (o.equals(cat) && heir != null) {
                migrate(zone, cat, heir, listings.get(heir).get(zone), changes);
                removed++;
            } else if (o.equals(cat)) {
                Catalog.Member before = prev.get(zone);
                if (before != null && !before.id().equals(m.id())) {
                    // §5.4: a member listed under a new unique id is a zone reset (§5.6): drop our copy and transfer
                    // it afresh (e.g. the customer re-created the zone with lower serials).
                    log.info("catalog {}: member {} re-listed as {} (was {}): zone reset", cat, zone, m.id(),
                            before.id());
                    changes.add(new Drop(cat, zone));
                }
                changes.add(new Take(cat, m));
            } else {
                Catalog.Member theirs = listings.getOrDefault(o, Map.of()).get(zone);
                Name theirCoo = theirs == null ? null : theirs.coo();
                if (cat.equals(theirCoo) && !o.equals(m.coo())) {
                    migrate(zone, o, cat, m, changes);
                    added++;
                } else if (cat.equals(theirCoo)) {
                    say(cat, zone, "catalog " + cat + ": member " + zone + " ignored: its coo names " + o
                            + ", whose coo names " + cat + " back: it stays with " + o);
                } else if (o.equals(CONFIG)) {
                    say(cat, zone, "catalog " + cat + ": member " + zone + " ignored: the node's config has this zone"
                            + " (zones: or secondaries:; RFC 9432 §5.2)");
                } else if (theirCoo != null) {
                    say(cat, zone, "catalog " + cat + ": member " + zone + " ignored: it belongs to catalog " + o
                            + ", whose coo names " + theirCoo + ", not " + cat + " (RFC 9432 §5.2)");
                } else {
                    say(cat, zone, "catalog " + cat + ": member " + zone + " ignored: already a member of catalog "
                            + o + " (RFC 9432 §5.2; a coo property in " + o + " moves it)");
                }
            }
        }
        return new Decision(changes, added, removed);
    }

    /**
     * The catalog that {@code m}'s coo hands the zone to, when that catalog lists it already (§5.5: the new owner
     * may list the zone before or after the old one names it in coo); else null, with the reason logged once.
     */
    private Name heir(Name cat, Catalog.Member m) {
        if (m.coo() == null) return null;
        boolean consumed = catalogs.contains(m.coo());
        Map<Name, Catalog.Member> theirs = listings.get(m.coo());
        if (m.coo().equals(cat)) {
            say(cat, m.zone(), "catalog " + cat + ": member " + m.zone() + ": coo names its own catalog: ignored");
        } else if (!consumed) {
            say(cat, m.zone(), "catalog " + cat + ": member " + m.zone() + ": coo names " + m.coo()
                    + ", which this node does not consume: it stays with " + cat);
        } else if (theirs != null && theirs.containsKey(m.zone())) {
            if (!cat.equals(theirs.get(m.zone()).coo())) return m.coo();
            say(cat, m.zone(), "catalog " + cat + ": member " + m.zone() + ": coo names " + m.coo()
                    + ", whose coo names " + cat + " back: it stays with " + cat);
        } else {
            say(cat, m.zone(), "catalog " + cat + ": member " + m.zone() + ": coo names " + m.coo()
                    + "; it moves when " + m.coo() + " lists it", false);
        }
        return null;
    }

    /** Ownership of {@code zone} passes from catalog {@code from} to {@code to}, whose listing is {@code m}. */
    private void migrate(Name zone, Name from, Name to, Catalog.Member m, List<Change> changes) {
        owner.put(zone, to);
        said.remove(List.of(to, zone));
        said.remove(List.of(from, zone));
        log.info("catalog {}: member {}: ownership moved from catalog {} (coo, RFC 9432 §5.5): zone reset (§5.6), "
                + "transferred afresh from {}'s primaries", to, zone, from, to);
        changes.add(new Drop(from, zone));
        changes.add(new Take(to, m));
    }

    /** The owner dropped {@code zone}: the first other catalog that still lists it (and does not give it away) gets it. */
    private void handOff(Name zone, Name from, List<Change> changes) {
        for (Name d : catalogs) {
            if (d.equals(from)) continue;
            Catalog.Member m = listings.getOrDefault(d, Map.of()).get(zone);
            if (m == null || (m.coo() != null && !m.coo().equals(d))) continue;
            owner.put(zone, d);
            said.remove(List.of(d, zone));
            log.info("catalog {}: member {}: no longer in catalog {}, now from {} (was ignored while {} had it)",
                    d, zone, from, d, from);
            changes.add(new Take(d, m));
            return;
        }
    }

    private void say(Name catalog, Name zone, String message) {
        say(catalog, zone, message, true);
    }

    /** Logs a conflict or coo message once per (catalog, zone) until it changes. */
    private void say(Name catalog, Name zone, String message, boolean warn) {
        if (Objects.equals(said.put(List.of(catalog, zone), message), message)) return;
        if (warn) {
            log.warn("{}", message);
        } else {
            log.info("{}", message);
        }
    }

    /** The catalogs registered (tests). */
    synchronized Set<Name> catalogs() {
        return Set.copyOf(catalogs);
    }
}
