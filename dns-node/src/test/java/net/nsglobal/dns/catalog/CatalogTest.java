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

    @Test
    void cooAndGroupAreReadPerMember() throws Exception {
        Zone z = zone("cat.example.", HEAD + "version TXT \"2\"\n"
                + "id1.zones PTR one.example.\n"
                + "coo.id1.zones PTR other.catalog.\n"
                + "group.id1.zones TXT \"gold\"\n"
                + "id2.zones PTR two.example.\n");
        Catalog c = ((Catalog.Parsed.Ok) Catalog.parse(z)).catalog();
        Catalog.Member one = c.members().get(Name.fromString("one.example."));
        assertThat(one.coo()).isEqualTo(Name.fromString("other.catalog."));
        assertThat(one.group()).isEqualTo("gold");
        Catalog.Member two = c.members().get(Name.fromString("two.example."));
        assertThat(two.coo()).isNull();
        assertThat(two.group()).isNull();
        assertThat(c.ignored()).isEmpty();
    }

    @Test
    void malformedPropertiesIgnoreTheirMemberOnly() throws Exception {
        Zone z = zone("cat.example.", HEAD + "version TXT \"2\"\n"
                + "ok.zones PTR fine.example.\n"
                + "a.zones PTR coo-txt.example.\ncoo.a.zones TXT \"other.catalog.\"\n"
                + "b.zones PTR group-a.example.\ngroup.b.zones A 192.0.2.1\n"
                + "c.zones PTR group-two-strings.example.\ngroup.c.zones TXT \"gold\" \"silver\"\n"
                + "d.zones PTR group-two-records.example.\ngroup.d.zones TXT \"gold\"\n"
                + "group.d.zones TXT \"silver\"\n"
                + "e.zones PTR group-empty.example.\ngroup.e.zones TXT \"\"\n"
                + "f.zones PTR port-word.example.\nprimaries.ext.f.zones A 192.0.2.1\n"
                + "primaries-port.ext.f.zones TXT \"fivethree\"\n"
                + "g.zones PTR port-big.example.\nprimaries.ext.g.zones A 192.0.2.1\n"
                + "primaries-port.ext.g.zones TXT \"70000\"\n"
                + "h.zones PTR bad-key.example.\np.primaries.ext.h.zones A 192.0.2.1\n"
                + "p.primaries.ext.h.zones TXT \"a..b\"\n"
                + "i.zones PTR fine.example.\n");
        Catalog c = ((Catalog.Parsed.Ok) Catalog.parse(z)).catalog();
        assertThat(c.members().keySet()).containsExactly(Name.fromString("fine.example."));
        assertThat(c.ignored()).hasSize(9);
        assertThat(String.join("\n", c.ignored()))
                .contains("member coo-txt.example. (a.zones.cat.example.) ignored: coo property is TXT, not PTR")
                .contains("member group-a.example. (b.zones.cat.example.) ignored: group property is A, not TXT")
                .contains("group-two-strings.example. (c.zones.cat.example.) ignored: group TXT must be one non-empty"
                        + " string, is \"gold\" \"silver\"")
                .contains("group-two-records.example. (d.zones.cat.example.) ignored: group has 2 TXT records")
                .contains("group-empty.example. (e.zones.cat.example.) ignored: group TXT must be one non-empty")
                .contains("port-word.example. (f.zones.cat.example.) ignored: primaries-port.ext \"fivethree\" is not")
                .contains("port-big.example. (g.zones.cat.example.) ignored: primaries-port.ext \"70000\" is not")
                .contains("bad-key.example. (h.zones.cat.example.) ignored: TSIG key name \"a..b\"")
                .containsPattern("member fine\\.example\\. \\((ok|i)\\.zones\\.cat\\.example\\.\\) ignored: listed twice"
                        + " in catalog cat\\.example\\.");
    }

    @Test
    void twoCooRecordsBreakTheWholeCatalog() throws Exception {
        Zone z = zone("cat.example.", HEAD + "version TXT \"2\"\n"
                + "id1.zones PTR one.example.\ncoo.id1.zones PTR b.catalog.\ncoo.id1.zones PTR c.catalog.\n"
                + "id2.zones PTR two.example.\n");
        assertThat(Catalog.parse(z)).isInstanceOfSatisfying(Catalog.Parsed.Invalid.class, inv ->
                assertThat(inv.reason()).isEqualTo("catalog cat.example.: member one.example. (id1.zones.cat.example.):"
                        + " coo has 2 PTR records; RFC 9432 §4.4.1 allows one"));
    }

    @Test
    void fleetCatalogCarriesGroups() throws Exception {
        Name a = Name.fromString("a.example.");
        Name b = Name.fromString("b.example.");
        Zone z = FleetCatalog.build(Name.fromString("fleet.catalog."), 7, Set.of(a, b), java.util.Map.of(a, "gold"));
        Catalog c = ((Catalog.Parsed.Ok) Catalog.parse(z)).catalog();
        assertThat(c.members().get(a).group()).isEqualTo("gold");
        assertThat(c.members().get(b).group()).isNull();
        assertThat(z.records()).anyMatch(r -> r.getName().toString().equals("group." + FleetCatalog.id(a)
                + ".zones.fleet.catalog.") && r.rdataToString().equals("\"gold\""));
    }

    /** Seeded random property records under member ids: parsing gives a verdict, never an exception. */
    @Test
    void randomPropertiesNeverCrashTheParser() throws Exception {
        java.util.Random rnd = new java.util.Random(9432);
        String[] owners = {"coo", "group", "primaries.ext", "p.primaries.ext", "primaries-port.ext", "ext", "x.coo",
            "coo.ext", "version"};
        String[] rdata = {"PTR b.catalog.", "PTR .", "TXT \"\"", "TXT \"gold\"", "TXT \"5300\"", "TXT \"-1\"",
            "TXT \"a\" \"b\"", "A 192.0.2.1", "AAAA ::1", "TXT \"k.\"", "TXT \"a..b\"", "MX 10 x.example.",
            "PTR one.example."};
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder(HEAD + "version TXT \"2\"\n");
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append("m").append(i).append(".zones PTR z").append(rnd.nextInt(3)).append(".example.\n");
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    b.append(owners[rnd.nextInt(owners.length)]).append(".m").append(i).append(".zones ")
                     .append(rdata[rnd.nextInt(rdata.length)]).append('\n');
                }
            }
            Catalog.Parsed p = Catalog.parse(zone("cat.example.", b.toString()));
            assertThat(p).as("round %d:\n%s", round, b).isNotNull();
            if (p instanceof Catalog.Parsed.Ok ok) {
                assertThat(ok.catalog().members().size() + ok.catalog().ignored().size()).isEqualTo(n);
            }
        }
    }
}
