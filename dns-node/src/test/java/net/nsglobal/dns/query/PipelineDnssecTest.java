package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static net.nsglobal.dns.query.Fixtures.query;
import static net.nsglobal.dns.query.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Pre-signed zones: RRSIGs with DO=1, NSEC (RFC 4035 §3.1.3) and NSEC3 (RFC 5155 §7.2) proofs; none with DO=0. */
class PipelineDnssecTest {
    private final Pipeline pipeline = Pipeline.standard(Fixtures.store(), Identity.of("t"), null, null);

    private Message ask(String name, int type, boolean dnssecOk) {
        return run(pipeline, query(name, type, DClass.IN, 1232, dnssecOk, false), Transport.TCP);
    }

    private static List<String> types(Message m, int section) {
        return m.getSection(section).stream().map(r -> Type.string(r.getType())).sorted().collect(Collectors.toList());
    }

    @Test
    void rrsigsOnlyWithDo() {
        assertThat(types(ask("www.n.test.", Type.A, true), Section.ANSWER)).containsExactly("A", "RRSIG");
        assertThat(types(ask("www.n.test.", Type.A, false), Section.ANSWER)).containsExactly("A");
        Message neg = ask("nope.n.test.", Type.A, false);
        assertThat(types(neg, Section.AUTHORITY)).containsExactly("SOA");
        assertThat(neg.getOPT().getFlags() & Flags.DO).isZero();
    }

    @Test
    void nsecNxdomainProvesNameAndWildcard() {
        Message m = ask("nope.n.test.", Type.A, true);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(types(m, Section.AUTHORITY)).containsExactly("NSEC", "NSEC", "RRSIG", "RRSIG", "RRSIG", "SOA");
    }

    @Test
    void nsecNoDataShowsTheNodeNsec() {
        Message m = ask("www.n.test.", Type.TXT, true);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(types(m, Section.AUTHORITY)).containsExactly("NSEC", "RRSIG", "RRSIG", "SOA");
        assertThat(m.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NSEC).findFirst()
                .orElseThrow().getName().toString()).isEqualTo("www.n.test.");
    }

    @Test
    void nsecWildcardAnswerProvesQnameAbsent() {
        Message m = ask("a.wild.n.test.", Type.A, true);
        assertThat(types(m, Section.ANSWER)).containsExactly("A", "RRSIG");
        RRSIGRecord sig = (RRSIGRecord) m.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == Type.RRSIG).findFirst().orElseThrow();
        assertThat(sig.getLabels()).isEqualTo(3); // *.wild.n.test minus the "*": the wildcard's label count, RFC 4035 §5.3.2
        assertThat(types(m, Section.AUTHORITY)).containsExactly("NSEC", "RRSIG");
    }

    @Test
    void nsecWildcardNoData() {
        Message m = ask("a.wild.n.test.", Type.MX, true);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(types(m, Section.AUTHORITY)).contains("SOA", "NSEC");
    }

    @Test
    void delegationsWithAndWithoutDs() {
        Message unsigned = ask("x.sub.n.test.", Type.A, true);
        assertThat(unsigned.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(types(unsigned, Section.AUTHORITY)).containsExactly("NS", "NS", "NSEC", "RRSIG");
        Message signed = ask("x.sec.n.test.", Type.A, true);
        assertThat(types(signed, Section.AUTHORITY)).containsExactly("DS", "NS", "RRSIG");
    }

    @Test
    void nsec3NxdomainHasClosestEncloserNextCloserAndWildcard() {
        Message m = ask("nope.n3.test.", Type.A, true);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        long nsec3 = m.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NSEC3).count();
        assertThat(nsec3).isBetween(2L, 3L); // 3 unless two proofs coincide
        assertThat(types(m, Section.AUTHORITY)).contains("SOA", "RRSIG");
    }

    @Test
    void nsec3OptOutDelegation() {
        Message m = ask("x.sub.n3.test.", Type.A, true);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(types(m, Section.AUTHORITY)).contains("NS", "NSEC3");
    }

    @Test
    void nsec3NoData() {
        Message m = ask("www.n3.test.", Type.TXT, true);
        assertThat(types(m, Section.AUTHORITY)).containsExactly("NSEC3", "RRSIG", "RRSIG", "SOA");
    }

    @Test
    void nsec3OwnersAreNotNamesOfTheZone() {
        // RFC 5155 §7.2: hashed owners live in their own tree; asking for one is a name error (as Knot answers).
        Message m = ask("0MDJTV9807271TDB9SOHA6L06BQJ5AGI.n3.test.", Type.NSEC3, false);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void emptyNonTerminalNoDataIsProvedLikeANameError() {
        // x.ent is an ENT with a wildcard child: the NSEC covering x.ent proves it; *.x.ent exists, so no second
        // NSEC (RFC 4035 §3.1.3.2, as Knot answers).
        Message m = ask("x.ent.n.test.", Type.A, true);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(types(m, Section.AUTHORITY)).containsExactly("NSEC", "RRSIG", "RRSIG", "SOA");
        assertThat(m.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NSEC).findFirst()
                .orElseThrow().getName().toString()).isEqualTo("dd.n.test.");
    }

    @Test
    void wildcardQueryNameGetsTheExpansionProof() {
        // "*.y.x.ent" is answered from *.x.ent like any other name below x.ent (RFC 4592 §2.1.1: a "*" label in the
        // query name is an ordinary label), so it needs the same wildcard NODATA proof (RFC 5155 §7.2.5): NSEC3s
        // matching *.x.ent and the closest encloser x.ent, and covering the next closer y.x.ent. Knot 3.2 sends only
        // the first, which a validator rejects.
        Message m = ask("*.y.x.ent.n3.test.", Type.TXT, true);
        Message expanded = ask("a.y.x.ent.n3.test.", Type.TXT, true);
        assertThat(m.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NSEC3)).hasSize(3);
        assertThat(m.getSection(Section.AUTHORITY)).isEqualTo(expanded.getSection(Section.AUTHORITY));
    }
}
