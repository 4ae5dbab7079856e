package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** The compact zone table serves data exactly as loaded: names' case, RFC 2181 §5 sets, canonical NSEC order. */
@Timeout(30)
class ZoneTableTest {
    private static final Name ORIGIN = Name.fromConstantString("example.");

    private static Name n(String s) { return Name.fromConstantString(s); }

    private static Zone zone(List<Record> rrs) throws Exception {
        List<Record> all = new ArrayList<>();
        all.add(new SOARecord(ORIGIN, DClass.IN, 3600, n("ns.example."), n("hm.example."), 1, 3600, 600, 86400, 300));
        all.addAll(rrs);
        return Zone.compile(ORIGIN, all);
    }

    @Test
    void ownerAndRdataNamesKeepTheirCaseAndDuplicatesDifferingInCaseAreOne() throws Exception {
        Zone z = zone(List.of(
                new NSRecord(n("Sub.Example."), DClass.IN, 300, n("NS1.Other.")),
                new NSRecord(n("sub.example."), DClass.IN, 300, n("ns1.other.")),   // the same RR (RFC 2181 §5)
                new NSRecord(n("SUB.example."), DClass.IN, 300, n("ns2.other."))));
        ZoneNode node = z.node(n("sUB.eXAMPLE."));
        assertThat(node).isNotNull();
        assertThat(node.name().toString()).isEqualTo("Sub.Example.");
        assertThat(node.delegation()).isTrue();
        assertThat(node.get(Type.NS).rrs()).extracting(r -> ((NSRecord) r).getTarget().toString())
                .containsExactly("NS1.Other.", "ns2.other.");
        assertThat(z.records()).hasSize(3);
        assertThat(z.node(n("example."))).isNotNull();
        assertThat(z.node(n("other.example."))).isNull();
    }

    @Test
    void emptyNonTerminalsExistBetweenTheApexAndAName() throws Exception {
        Zone z = zone(List.of(new NSRecord(n("a.b.C.example."), DClass.IN, 300, n("ns.other."))));
        assertThat(z.node(n("c.example.")).emptyNonTerminal()).isTrue();
        assertThat(z.node(n("B.c.example.")).emptyNonTerminal()).isTrue();
        assertThat(z.node(n("a.b.c.example.")).emptyNonTerminal()).isFalse();
        assertThat(z.node(n("x.c.example."))).isNull();
    }

    /** RFC 4034 §6.1's example, in canonical order; each name is its own NSEC owner. */
    private static final String[] CANONICAL = {"example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.",
        "zABC.a.EXAMPLE.", "z.example.", "\\001.z.example.", "*.z.example.", "\\200.z.example."};

    @Test
    void theNsecChainIsInCanonicalOrder() throws Exception {
        List<Record> rrs = new ArrayList<>();
        for (int i = CANONICAL.length - 1; i >= 0; i--) {
            Name next = n(CANONICAL[(i + 1) % CANONICAL.length]);
            rrs.add(new NSECRecord(n(CANONICAL[i]), DClass.IN, 300, next, new int[] {Type.NSEC}));
        }
        Zone z = zone(rrs);
        assertThat(z.nsecSigned()).isTrue();
        for (String owner : CANONICAL) {
            assertThat(z.nsecCovering(n(owner)).name()).isEqualTo(n(owner));
        }
        assertThat(z.nsecCovering(n("b.a.example.")).name()).isEqualTo(n("a.example."));
        assertThat(z.nsecCovering(n("zz.a.example.")).name()).isEqualTo(n("zABC.a.EXAMPLE."));
        assertThat(z.nsecCovering(n("zzz.example.")).name()).isEqualTo(n("\\200.z.example."));
    }
}
