package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.nsglobal.dns.catalog.CatalogOwners.Decision;
import net.nsglobal.dns.catalog.CatalogOwners.Drop;
import net.nsglobal.dns.catalog.CatalogOwners.Take;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * The ownership decisions alone, on plain values: which member zones a catalog version takes and drops (RFC 9432
 * §5.2 name clash, §5.3 removal, §5.4 new unique id, §5.5 change of ownership), with no consumer and no zone data.
 */
class CatalogOwnersTest {
    static final Name A = Name.fromConstantString("a.catalog.");
    static final Name B = Name.fromConstantString("b.catalog.");
    static final Name Z = Name.fromConstantString("z.example.");

    final CatalogOwners owners = new CatalogOwners();

    CatalogOwnersTest() {
        owners.register(A);
        owners.register(B);
    }

    static Catalog.Member member(String id, Name coo) {
        return new Catalog.Member(Z, id, List.of(), null, coo, null);
    }

    static Map<Name, Catalog.Member> listing(Catalog.Member... ms) {
        Map<Name, Catalog.Member> out = new java.util.LinkedHashMap<>();
        for (Catalog.Member m : ms) out.put(m.zone(), m);
        return out;
    }

    @Test
    void aNewMemberIsTakenAndAnUnlistedOneDropped() {
        Catalog.Member m = member("1", null);
        assertThat(owners.update(A, listing(m))).isEqualTo(new Decision(List.of(new Take(A, m)), 1, 0));
        assertThat(owners.update(A, listing())).isEqualTo(new Decision(List.of(new Drop(A, Z)), 0, 1));
        assertThat(owners.owner(Z)).isNull();
    }

    @Test
    void aClashIsIgnoredAndTheOwnersRemovalHandsTheZoneOn() {
        Catalog.Member inA = member("1", null);
        Catalog.Member inB = member("2", null);
        owners.update(A, listing(inA));
        assertThat(owners.update(B, listing(inB)).changes()).isEmpty(); // §5.2: A keeps it
        // §5.3: A's removal drops A's copy first, then B takes the zone from its own listing.
        assertThat(owners.update(A, listing()).changes()).containsExactly(new Drop(A, Z), new Take(B, inB));
        assertThat(owners.owner(Z)).isEqualTo(B);
    }

    @Test
    void aNewUniqueIdIsAResetAndAConfiguredZoneIsNeverTaken() {
        owners.update(A, listing(member("1", null)));
        Catalog.Member again = member("2", null);
        assertThat(owners.update(A, listing(again)).changes()).containsExactly(new Drop(A, Z), new Take(A, again));

        CatalogOwners other = new CatalogOwners();
        other.register(A);
        other.configured(Z);
        assertThat(other.update(A, listing(member("1", null))).changes()).isEmpty();
    }

    @Test
    void cooMovesTheZoneInEitherOrder() {
        Catalog.Member inB = member("2", null);
        owners.update(A, listing(member("1", null)));
        owners.update(B, listing(inB));
        assertThat(owners.update(A, listing(member("1", B))))
                .isEqualTo(new Decision(List.of(new Drop(A, Z), new Take(B, inB)), 0, 1));
        assertThat(owners.owner(Z)).isEqualTo(B);

        CatalogOwners later = new CatalogOwners();
        later.register(A);
        later.register(B);
        later.update(A, listing(member("1", B)));
        assertThat(later.update(B, listing(inB)))
                .isEqualTo(new Decision(List.of(new Drop(A, Z), new Take(B, inB)), 1, 0));
    }
}
