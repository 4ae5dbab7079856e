package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.Node;
import org.junit.jupiter.api.Test;

/**
 * Change of ownership over the wire: real {@link Node}s serve catalog A and catalog B (one producer) and two versions
 * of the member zone (A's primary: serial 100, "from A"; B's primary: serial 7, "from B"). The consumer is the
 * node-side catalog code with one {@link CatalogOwners}, pulling both catalogs and every member it is told to add by
 * real AXFR from the primaries the catalogs name. Without coo the member stays with A (B's listing is ignored);
 * once A says {@code coo PTR B}, the consumer holds B's version, although its serial is lower (a reset, not a
 * refresh), and A dropping the member afterwards changes nothing.
 */
class CooTransferTest extends CooNodes {
    @Test
    void memberMovesFromCatalogAToCatalogBOnlyWithCoo() throws Exception {
        Node pa = primary("pa", Map.of("member.example.", member(100, "from A")));
        Node pb = primary("pb", Map.of("member.example.", member(7, "from B")));
        String catA = catalog("cat-a.example.", 1, listing("a1", tcp(pa)));
        String catB = catalog("cat-b.example.", 1, listing("b1", tcp(pb)));
        Node cats = primary("cats", Map.of("cat-a.example.", catA, "cat-b.example.", catB));

        CatalogOwners owners = new CatalogOwners();
        CatalogConsumer a = new CatalogConsumer(CAT_A, List.of(tcp(cats)), null, n -> null, sink, owners, LOOPBACK);
        CatalogConsumer b = new CatalogConsumer(CAT_B, List.of(tcp(cats)), null, n -> null, sink, owners, LOOPBACK);
        a.apply(axfr(CAT_A, tcp(cats)));
        b.apply(axfr(CAT_B, tcp(cats)));
        // RFC 9432 §5.2: without coo, B's listing of a zone A owns is ignored
        assertThat(owners.owner(MEMBER)).isEqualTo(CAT_A);
        assertThat(held.get(MEMBER).serial()).isEqualTo(100);
        assertThat(text(held.get(MEMBER))).isEqualTo("from A");

        // §5.5: A hands the member to B
        Files.writeString(dir.resolve("cats/cat-a.example.zone"), catalog("cat-a.example.", 2, listing("a1", tcp(pa))
                + "coo.a1.zones PTR cat-b.example.\n"));
        assertThat(cats.reloadZones()).isEmpty();
        a.apply(axfr(CAT_A, tcp(cats)));
        assertThat(owners.owner(MEMBER)).isEqualTo(CAT_B);
        assertThat(held.get(MEMBER).serial()).isEqualTo(7); // reset: B's lower serial, not A's copy kept
        assertThat(text(held.get(MEMBER))).isEqualTo("from B");

        // §5.5 step 3: A removes the member; B keeps it
        Files.writeString(dir.resolve("cats/cat-a.example.zone"), catalog("cat-a.example.", 3, ""));
        assertThat(cats.reloadZones()).isEmpty();
        a.apply(axfr(CAT_A, tcp(cats)));
        b.apply(axfr(CAT_B, tcp(cats)));
        assertThat(text(held.get(MEMBER))).isEqualTo("from B");
        assertThat(b.members()).containsExactly(MEMBER);
        assertThat(a.members()).isEmpty();
    }
}
