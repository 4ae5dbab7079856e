package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** RFC 9432 v2 parsing with BIND-style primaries, and the fleet catalog round trip. */
class CatalogTest {
    static Zone zone(String origin, String text) throws Exception {
        List<Record> rs = new ArrayList<>();
        try (Master m = new Master(new java.io.ByteArrayInputStream(text.getBytes()), Name.fromString(origin))) {
            for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) rs.add(r);
        }
        return Zone.compile(Name.fromString(origin), rs);
    }

    static final String HEAD = "$TTL 0\n@ SOA invalid. invalid. 1 60 60 2419200 0\n@ NS invalid.\n";

    @Test
    void membersWithPrimariesPortsAndKeys() throws Exception {
        Zone z = zone("cat.example.", HEAD + "version TXT \"2\"\n"
                + "id1.zones PTR one.example.\n"
                + "primaries.ext.id1.zones A 192.0.2.1\n"
                + "primaries.ext.id1.zones AAAA 2001:db8::1\n"
                + "primaries-port.ext.id1.zones TXT \"5300\"\n"
                + "id2.zones PTR two.example.\n"
                + "p1.primaries.ext.id2.zones A 198.51.100.7\n"
                + "p1.primaries.ext.id2.zones TXT \"customer-key\"\n"
                + "id3.zones PTR three.example.\n"
                + "id4.zones PTR one.example.\n");
        Catalog c = ((Catalog.Parsed.Ok) Catalog.parse(z)).catalog();
        assertThat(c.members()).hasSize(3);
        Catalog.Member one = c.members().get(Name.fromString("one.example."));
        assertThat(one.id()).isEqualTo("id1");
        assertThat(one.primaries()).extracting(a -> a.getAddress().getHostAddress() + "#" + a.getPort())
                .containsExactlyInAnyOrder("192.0.2.1#5300", "2001:db8:0:0:0:0:0:1#5300");
        Catalog.Member two = c.members().get(Name.fromString("two.example."));
        assertThat(two.primaries()).extracting(a -> a.getAddress().getHostAddress() + "#" + a.getPort())
                .containsExactly("198.51.100.7#53");
        assertThat(two.keyName()).isEqualTo(Name.fromString("customer-key."));
        assertThat(c.members().get(Name.fromString("three.example.")).primaries()).isEmpty();
    }

    @Test
    void otherVersionsAreRejected() throws Exception {
        Zone v1 = zone("cat.example.", HEAD + "version TXT \"1\"\nid1.zones PTR one.example.\n");
        assertThat(Catalog.parse(v1)).isInstanceOf(Catalog.Parsed.Invalid.class);
        Zone none = zone("cat.example.", HEAD + "id1.zones PTR one.example.\n");
        assertThat(Catalog.parse(none)).isInstanceOf(Catalog.Parsed.Invalid.class);
    }

    @Test
    void fleetCatalogParsesBackToItsMembers() throws Exception {
        Set<Name> members = Set.of(Name.fromString("a.example."), Name.fromString("b.example."));
        Zone z = FleetCatalog.build(Name.fromString("fleet.catalog."), 7, members);
        Catalog c = ((Catalog.Parsed.Ok) Catalog.parse(z)).catalog();
        assertThat(c.members().keySet()).isEqualTo(members);
        assertThat(c.members().values()).allMatch(m -> m.primaries().isEmpty());
        assertThat(FleetCatalog.id(Name.fromString("A.example."))).isEqualTo(FleetCatalog.id(Name.fromString("a.example.")));
    }

    @Test
    void nextSerialFollowsRfc1982() {
        assertThat(FleetCatalog.nextSerial(0xffffffffL)).isNotEqualTo(0xffffffffL);
        long s = FleetCatalog.nextSerial(5);
        assertThat(org.xbill.DNS.Serial.compare(s, 5)).isPositive();
    }

}
