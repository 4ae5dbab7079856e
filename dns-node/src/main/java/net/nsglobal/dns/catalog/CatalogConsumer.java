package net.nsglobal.dns.catalog;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.nsglobal.dns.secondary.SecondarySpec;
import net.nsglobal.dns.tsig.TsigKey;
import net.nsglobal.dns.zone.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Keeps the node's secondary zones in step with one catalog zone (RFC 9432 §5): each new catalog version adds the
 * members that appeared and removes those that disappeared, without a restart. Members without primaries of their
 * own use the catalog's primaries and key (like BIND's {@code default-primaries}).
 */
public final class CatalogConsumer {
    private static final Logger log = LoggerFactory.getLogger("replication.catalog");

    /** Where membership changes go (the node's secondary zones). */
    public interface Members {
        void add(SecondarySpec spec);
        void remove(Name zone);
    }

    private final Name catalog;
    private final List<InetSocketAddress> defaultPrimaries;
    private final TsigKey defaultKey;
    private final Function<Name, TsigKey> keys;
    private final Members members;
    private Set<Name> current = Set.of();
    private final java.util.Map<Name, String> ids = new java.util.HashMap<>();

    public CatalogConsumer(Name catalog, List<InetSocketAddress> defaultPrimaries, TsigKey defaultKey,
                           Function<Name, TsigKey> keys, Members members) {
        this.catalog = catalog;
        this.defaultPrimaries = List.copyOf(defaultPrimaries);
        this.defaultKey = defaultKey;
        this.keys = keys;
        this.members = members;
    }

    public Name catalog() { return catalog; }

    /** Applies a new version of the catalog zone. An invalid catalog changes nothing (RFC 9432 §5.1). */
    public synchronized void apply(Zone zone) {
        Catalog.Parsed parsed = Catalog.parse(zone);
        if (parsed instanceof Catalog.Parsed.Invalid inv) {
            log.error("{}: ignored, membership unchanged", inv.reason());
            return;
        }
        Map<Name, Catalog.Member> now = ((Catalog.Parsed.Ok) parsed).catalog().members();
        Set<Name> next = new HashSet<>(now.keySet());
        int added = 0;
        int removed = 0;
        for (Name gone : current) {
            if (!next.contains(gone)) {
                members.remove(gone);
                removed++;
            }
        }
        for (Catalog.Member m : now.values()) {
            String oldId = ids.get(m.zone());
            if (oldId != null && !oldId.equals(m.id())) {
                // RFC 9432 §5.5: a member listed under a new unique id is a zone reset: drop our copy and
                // transfer it afresh (e.g. the customer re-created the zone with lower serials).
                log.info("catalog {}: member {} re-listed as {} (was {}): zone reset", catalog, m.zone(), m.id(),
                        oldId);
                members.remove(m.zone());
            }
            boolean own = !m.primaries().isEmpty();
            // The member's own key is looked up by name now and again at each refresh (static keys, then the
            // tsig-keys-file the control plane writes), so a key that arrives after its member still works.
            Name keyName = own ? m.keyName() : defaultKey == null ? null : defaultKey.name();
            TsigKey key = own ? (keyName == null ? null : keys.apply(keyName)) : defaultKey;
            if (keyName != null && key == null) {
                log.error("catalog {}: member {}: TSIG key {} unknown (in neither tsig-keys nor tsig-keys-file); "
                        + "its transfers wait for the key and retry on each refresh", catalog, m.zone(), keyName);
            }
            members.add(new SecondarySpec(m.zone(), own ? m.primaries() : defaultPrimaries, key, keyName));
            if (!current.contains(m.zone())) added++;
        }
        current = Set.copyOf(next);
        ids.clear();
        for (Catalog.Member m : now.values()) ids.put(m.zone(), m.id());
        log.info("catalog {} serial {}: {} members (+{} -{})", catalog, zone.serial(), next.size(), added, removed);
    }

    public synchronized Set<Name> members() { return current; }
}
