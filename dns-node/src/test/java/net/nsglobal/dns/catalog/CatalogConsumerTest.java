package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.xfrin.SecondarySpec;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * Membership changes between catalog versions (add, remove, zone reset on a new member id, invalid versions), and
 * between catalogs of one node: name clash (RFC 9432 §5.2), removal by the owner only (§5.3), change of ownership by
 * {@code coo} (§4.4.1, §5.5) in both orders, groups (§4.4.2).
 */
class CatalogConsumerTest {
    static final String HEAD = "$TTL 0\n@ SOA invalid. invalid. 1 60 60 2419200 0\n@ NS invalid.\nversion TXT \"2\"\n";
    static final Name Z = Name.fromConstantString("z.example.");

    final List<String> calls = new ArrayList<>();
    final CatalogOwners owners = new CatalogOwners();
    final CatalogConsumer a = consumer("a.catalog.", 5301);
    final CatalogConsumer b = consumer("b.catalog.", 5302);

    /** A consumer whose default primary's port tells which catalog added a zone. */
    CatalogConsumer consumer(String name, int port) {
        return new CatalogConsumer(Name.fromConstantString(name), List.of(new InetSocketAddress("127.0.0.1", port)),
                null, n -> null, new CatalogConsumer.Members() {
                    @Override public void add(SecondarySpec spec) {
                        calls.add("add " + spec.zone() + " " + spec.primaries().get(0).getPort());
                    }
                    @Override public void remove(Name zone) { calls.add("remove " + zone); }
                }, owners);
    }

    static void apply(CatalogConsumer c, String body) throws Exception {
        c.apply(CatalogTest.zone(c.catalog().toString(), HEAD + body));
    }

    /** 192.0.2.0/24 (RFC 5737) allowed, as {@code catalogs[].allow-primaries} would: these tests send no traffic. */
    static final net.nsglobal.dns.config.AddressPolicy DOCUMENTATION_ALLOWED = new net.nsglobal.dns.config.AddressPolicy(
            List.of(cidr("192.0.2.0/24")), List.of());

    static net.nsglobal.config.Cidr cidr(String s) {
        try {
            return net.nsglobal.config.Cidr.parse("test", s);
        } catch (net.nsglobal.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void primariesInSpecialSpaceAreRefusedBeforeTheMemberIsAdded() throws Exception {
        List<SecondarySpec> added = new java.util.ArrayList<>();
        CatalogConsumer strict = new CatalogConsumer(Name.fromConstantString("cat.example."),
                List.of(new InetSocketAddress("127.0.0.1", 5300)), null, n -> null, new CatalogConsumer.Members() {
                    @Override public void add(SecondarySpec spec) { added.add(spec); }
                    @Override public void remove(Name zone) { }
                });
        apply(strict, "a.zones PTR internal.example.\nprimaries.ext.a.zones A 10.0.0.1\n"
                + "b.zones PTR local.example.\nprimaries.ext.b.zones A 127.0.0.1\n"
                + "c.zones PTR mixed.example.\np1.primaries.ext.c.zones A 169.254.169.254\n"
                + "p2.primaries.ext.c.zones A 193.0.14.129\n"
                + "d.zones PTR mapped.example.\nprimaries.ext.d.zones AAAA ::ffff:10.1.2.3\n"
                + "e.zones PTR default.example.\n"
                + "f.zones PTR nat64.example.\nprimaries.ext.f.zones AAAA 64:ff9b::a00:1\n");
        // Only the public primary and the catalog's own (configured, trusted) primaries are ever used.
        assertThat(added).extracting(sp -> sp.zone() + " " + sp.primaries()).containsExactlyInAnyOrder(
                "mixed.example. [/193.0.14.129:53]", "default.example. [/127.0.0.1:5300]");
        assertThat(strict.members()).containsExactlyInAnyOrder(Name.fromString("mixed.example."),
                Name.fromString("default.example."));
        assertThat(strict.refused()).containsOnlyKeys(Name.fromString("internal.example."),
                Name.fromString("local.example."), Name.fromString("mapped.example."), Name.fromString("nat64.example."));
        assertThat(strict.refused().get(Name.fromString("internal.example.")))
                .contains("10.0.0.1 is a private address").contains("allow-primaries");
        assertThat(strict.refused().get(Name.fromString("local.example."))).contains("127.0.0.1 is a loopback address");
        // NAT64 (RFC 6052) reaches 10.0.0.1 through a translator: refused as the sign-up refuses it.
        assertThat(strict.refused().get(Name.fromString("nat64.example."))).contains("an IPv6 transition address");
    }

    @Test
    void addRemoveResetAndInvalid() throws Exception {
        CatalogConsumer alone = new CatalogConsumer(Name.fromConstantString("cat.example."),
                List.of(new InetSocketAddress("127.0.0.1", 5300)), null, n -> null, new CatalogConsumer.Members() {
                    @Override public void add(SecondarySpec spec) {
                        calls.add("add " + spec.zone() + " " + spec.primaries().get(0).getPort());
                    }
                    @Override public void remove(Name zone) { calls.add("remove " + zone); }
                }, new CatalogOwners(), DOCUMENTATION_ALLOWED);
        apply(alone, "a.zones PTR one.example.\nb.zones PTR two.example.\nprimaries.ext.b.zones A 192.0.2.9\n");
        assertThat(calls).containsExactlyInAnyOrder("add one.example. 5300", "add two.example. 53");
        calls.clear();
        apply(alone, "c.zones PTR one.example.\n");
        assertThat(calls).containsExactly("remove two.example.", "remove one.example.", "add one.example. 5300");
        calls.clear();
        alone.apply(CatalogTest.zone("cat.example.", "$TTL 0\n@ SOA invalid. invalid. 1 60 60 2419200 0\n"
                + "@ NS invalid.\nversion TXT \"1\"\n"));
        assertThat(calls).isEmpty();
        assertThat(alone.members()).containsExactly(Name.fromString("one.example."));
    }

    @Test
    void withoutCooTheSecondListingIsIgnoredUntilTheOwnerDropsTheZone() throws Exception {
        apply(a, "m.zones PTR z.example.\n");
        apply(b, "n.zones PTR z.example.\nk.zones PTR k.example.\n");
        assertThat(calls).containsExactly("add z.example. 5301", "add k.example. 5302");
        assertThat(owners.owner(Z)).isEqualTo(a.catalog());
        assertThat(b.members()).containsExactly(Name.fromString("k.example."));
        calls.clear();
        apply(b, "n.zones PTR z.example.\nk.zones PTR k.example.\n"); // B again: still ignored, A keeps it
        assertThat(calls).containsExactly("add k.example. 5302");
        calls.clear();
        apply(a, ""); // §5.3: A's removal removes it; B, which lists it, now gets it afresh
        assertThat(calls).containsExactly("remove z.example.", "add z.example. 5302");
        assertThat(owners.owner(Z)).isEqualTo(b.catalog());
    }

    @Test
    void removalByANonOwnerChangesNothing() throws Exception {
        apply(a, "m.zones PTR z.example.\n");
        apply(b, "n.zones PTR z.example.\n");
        calls.clear();
        apply(b, "");
        assertThat(calls).isEmpty();
        assertThat(owners.owner(Z)).isEqualTo(a.catalog());
    }

    @Test
    void cooAddedAfterTheNewOwnerListsTheZoneMovesItAtOnce() throws Exception {
        apply(a, "m.zones PTR z.example.\n");
        apply(b, "n.zones PTR z.example.\n");
        calls.clear();
        apply(a, "m.zones PTR z.example.\ncoo.m.zones PTR b.catalog.\n");
        // §5.6: the zone is reset, i.e. removed with its data, then transferred from B's primaries
        assertThat(calls).containsExactly("remove z.example.", "add z.example. 5302");
        assertThat(owners.owner(Z)).isEqualTo(b.catalog());
        calls.clear();
        apply(a, ""); // the old owner cleans up (§5.5 step 3): not its zone any more
        apply(b, "n.zones PTR z.example.\n");
        assertThat(calls).containsExactly("add z.example. 5302");
    }

    @Test
    void cooBeforeTheNewOwnerListsTheZoneWaitsForIt() throws Exception {
        apply(a, "m.zones PTR z.example.\ncoo.m.zones PTR b.catalog.\n");
        assertThat(calls).containsExactly("add z.example. 5301");
        assertThat(owners.owner(Z)).isEqualTo(a.catalog());
        calls.clear();
        apply(b, "n.zones PTR z.example.\n");
        assertThat(calls).containsExactly("remove z.example.", "add z.example. 5302");
        assertThat(owners.owner(Z)).isEqualTo(b.catalog());
        calls.clear();
        apply(b, ""); // the new owner drops it: removed, not handed back to A (A's listing gives it away)
        assertThat(calls).containsExactly("remove z.example.");
        assertThat(owners.owner(Z)).isNull();
    }

    @Test
    void cooNamingAnUnknownOrTheSameCatalogChangesNothing() throws Exception {
        apply(a, "m.zones PTR z.example.\ncoo.m.zones PTR elsewhere.catalog.\n"
                + "o.zones PTR o.example.\ncoo.o.zones PTR a.catalog.\n");
        apply(b, "n.zones PTR z.example.\nq.zones PTR o.example.\n");
        assertThat(calls).containsExactlyInAnyOrder("add z.example. 5301", "add o.example. 5301");
        assertThat(a.members()).containsExactlyInAnyOrder(Z, Name.fromString("o.example."));
    }

    @Test
    void groupsAreExposedForTheOwnersMembers() throws Exception {
        apply(a, "m.zones PTR z.example.\ngroup.m.zones TXT \"gold\"\nk.zones PTR k.example.\n");
        apply(b, "n.zones PTR z.example.\ngroup.n.zones TXT \"silver\"\n");
        assertThat(a.groups()).isEqualTo(Map.of(Z, "gold"));
        assertThat(b.groups()).isEmpty();
        assertThat(owners.group(Z)).isEqualTo("gold");
        apply(a, "m.zones PTR z.example.\ncoo.m.zones PTR b.catalog.\n");
        assertThat(owners.group(Z)).isEqualTo("silver");
        assertThat(owners.group(Name.fromString("k.example."))).isNull();
    }

    @Test
    void aMalformedMemberIsIgnoredAndTheRestApplied() throws Exception {
        apply(a, "m.zones PTR z.example.\ngroup.m.zones A 192.0.2.1\nk.zones PTR k.example.\n");
        assertThat(calls).containsExactly("add k.example. 5301");
        assertThat(owners.owner(Z)).isNull();
    }

    @Test
    void aZoneFromTheNodeConfigIsNeverTouchedByACatalog() throws Exception {
        owners.configured(Z);
        apply(a, "m.zones PTR z.example.\nk.zones PTR k.example.\n");
        apply(a, "k.zones PTR k.example.\n");
        assertThat(calls).containsExactly("add k.example. 5301", "add k.example. 5301");
        assertThat(a.members()).containsExactly(Name.fromString("k.example."));
    }
}
