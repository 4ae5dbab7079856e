package net.nsglobal.dns.catalog;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;
import net.nsglobal.dns.config.AddressPolicy;
import net.nsglobal.dns.xfrin.SecondarySpec;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Keeps the node's secondary zones in step with one catalog zone (RFC 9432 §5): each new catalog version adds the
 * members that appeared and removes those that disappeared, without a restart. Members without primaries of their
 * own use the catalog's primaries and key (like BIND's {@code default-primaries}).
 *
 * <p>A node consuming several catalogs gives all its consumers one {@link CatalogOwners}: a zone listed by two
 * catalogs belongs to one of them (the first, or the one a {@code coo} property hands it to). A consumer built without
 * one has its own and sees no other catalog.
 *
 * <p>Groups (RFC 9432 §4.4.2) are read, logged (counts per group with each version) and exposed by {@link #groups}
 * and {@link CatalogOwners#group}; they change nothing in how a member is served (BIND ignores them too; Knot maps a
 * group to a configuration template, which NS-Global does not have: every member zone is served the same way). The
 * collector carries them into the fleet catalog ({@link FleetPublisher}).
 *
 * <p>A member's own primaries ({@code primaries.ext}) pass the {@link AddressPolicy} first, the sign-up's rules: an
 * address in loopback, private or other special space (unless allow-listed) is dropped, and a member left with none is
 * left out of this version, before any connection is made. Whoever can write to the catalog (or forge it, were it
 * unsigned) must not be able to aim the collector at internal addresses. Refusals are logged with each version and
 * kept in {@link #refused}.
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
    private final CatalogOwners owners;
    private final AddressPolicy policy;
    private volatile Map<Name, String> refused = Map.of();

    /** A consumer that sees no other catalog (its own {@link CatalogOwners}), with the strict address policy. */
    public CatalogConsumer(Name catalog, List<InetSocketAddress> defaultPrimaries, TsigKey defaultKey,
                           Function<Name, TsigKey> keys, Members members) {
        this(catalog, defaultPrimaries, defaultKey, keys, members, new CatalogOwners());
    }

    /** @param owners shared by every catalog consumer of the node; the strict address policy */
    public CatalogConsumer(Name catalog, List<InetSocketAddress> defaultPrimaries, TsigKey defaultKey,
                           Function<Name, TsigKey> keys, Members members, CatalogOwners owners) {
        this(catalog, defaultPrimaries, defaultKey, keys, members, owners, AddressPolicy.STRICT);
    }

    /** @param policy what a member's own primaries must pass ({@code catalogs[].allow-primaries}) */
    public CatalogConsumer(Name catalog, List<InetSocketAddress> defaultPrimaries, TsigKey defaultKey,
                           Function<Name, TsigKey> keys, Members members, CatalogOwners owners,
                           AddressPolicy policy) {
        this.policy = policy;
        this.catalog = catalog;
        this.defaultPrimaries = List.copyOf(defaultPrimaries);
        this.defaultKey = defaultKey;
        this.keys = keys;
        this.members = members;
        this.owners = owners;
        owners.register(this);
    }

    public Name catalog() { return catalog; }

    /** Applies a new version of the catalog zone. An invalid catalog changes nothing (RFC 9432 §5.1). */
    public void apply(Zone zone) {
        Catalog.Parsed parsed = Catalog.parse(zone);
        if (parsed instanceof Catalog.Parsed.Invalid inv) {
            log.error("{}: ignored, membership unchanged", inv.reason());
            return;
        }
        Catalog c = ((Catalog.Parsed.Ok) parsed).catalog();
        for (String why : c.ignored()) log.error("catalog {} serial {}: {}", catalog, zone.serial(), why);
        Map<Name, Catalog.Member> admitted = admit(c.members(), zone.serial());
        synchronized (owners) {
            CatalogOwners.Decision ch = owners.update(catalog, admitted);
            // The one place the owners' decisions are performed, in their order, each by the catalog it names.
            for (CatalogOwners.Change change : ch.changes()) {
                CatalogConsumer by = owners.consumer(change.catalog());
                if (change instanceof CatalogOwners.Take t) by.take(t.member());
                else by.drop(change.zone());
            }
            Map<Name, Catalog.Member> owned = owners.owned(catalog);
            log.info("catalog {} serial {}: {} members (+{} -{}){}{}", catalog, zone.serial(), owned.size(),
                    ch.added(), ch.removed(), admitted.size() == owned.size() ? ""
                            : ", " + (admitted.size() - owned.size()) + " listed but owned by another catalog",
                    groupCounts(owned));
        }
    }

    /**
     * The members whose own primaries pass the address policy; a refused address is dropped, a member left without
     * primaries is left out (a member without primaries of its own uses the configured ones, which are trusted).
     */
    private Map<Name, Catalog.Member> admit(Map<Name, Catalog.Member> listed, long serial) {
        Map<Name, Catalog.Member> out = new LinkedHashMap<>();
        Map<Name, String> refusedNow = new HashMap<>();
        for (Catalog.Member m : listed.values()) {
            List<InetSocketAddress> kept = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (InetSocketAddress p : m.primaries()) {
                Optional<AddressPolicy.Refusal> r = policy.check(p.getAddress());
                if (r.isPresent()) why.add(p.getAddress().getHostAddress() + " is " + r.get().reason);
                else kept.add(p);
            }
            if (why.isEmpty()) {
                out.put(m.zone(), m);
                continue;
            }
            String reason = "primary " + String.join(", ", why) + " (not in catalogs[].allow-primaries)";
            if (kept.isEmpty()) {
                refusedNow.put(m.zone(), "refused: " + reason);
                log.error("catalog {} serial {}: member {} left out: {}; nothing transferred", catalog, serial,
                        m.zone(), reason);
            } else {
                log.warn("catalog {} serial {}: member {}: refused {}; using its other primaries {}", catalog, serial,
                        m.zone(), reason, kept);
                out.put(m.zone(), new Catalog.Member(m.zone(), m.id(), kept, m.keyName(), m.coo(), m.group()));
            }
        }
        refused = Map.copyOf(refusedNow);
        return out;
    }

    /** Members of the last version left out by the address policy, with the reason (for logs, tests, HTTP). */
    public Map<Name, String> refused() { return refused; }

    /** The member zones this catalog owns now. */
    public Set<Name> members() {
        return Set.copyOf(owners.owned(catalog).keySet());
    }

    /** The group of each member this catalog owns that has one (RFC 9432 §4.4.2). */
    public Map<Name, String> groups() {
        Map<Name, String> out = new HashMap<>();
        owners.owned(catalog).forEach((zone, m) -> {
            if (m.group() != null) out.put(zone, m.group());
        });
        return Map.copyOf(out);
    }

    /** This catalog now owns {@code m}: add it to the node, or re-specify it. Called under the owners' lock. */
    private void take(Catalog.Member m) {
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
    }

    /** This catalog no longer owns {@code zone}: remove it and its data from the node. Called under the owners' lock. */
    private void drop(Name zone) {
        members.remove(zone);
    }

    private static String groupCounts(Map<Name, Catalog.Member> owned) {
        Map<String, Integer> n = new TreeMap<>();
        for (Catalog.Member m : owned.values()) if (m.group() != null) n.merge(m.group(), 1, Integer::sum);
        return n.isEmpty() ? "" : ", groups " + n;
    }
}
