package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static net.nsglobal.dns.query.Fixtures.query;
import static net.nsglobal.dns.query.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.nsglobal.dns.zone.ZoneStore;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 1034 §4.3.2 answer semantics through the whole pipeline, on an unsigned zone (answers as Knot 3.2 gives). */
class PipelineAnswerTest {
    private final ZoneStore store = Fixtures.store();
    private final Pipeline pipeline = Pipeline.standard(store, new Identity("fra1", "fra1.host", null), null, null);

    private Message ask(String name, int type) {
        return run(pipeline, query(name, type), Transport.UDP);
    }

    private static List<String> types(Message m, int section) {
        return m.getSection(section).stream().map(r -> Type.string(r.getType())).collect(Collectors.toList());
    }

    @Test
    void exactMatchIsAuthoritative() {
        Message m = ask("www.plain.test.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getHeader().getID()).isEqualTo(4242);
        assertThat(m.getSection(Section.ANSWER)).hasSize(1);
        assertThat(m.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.10");
        assertThat(m.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void questionCaseIsPreservedAndCacheHitsPatchIdAndCase() {
        ask("www.plain.test.", Type.A);
        Message m = ask("WwW.PLAIN.test.", Type.A);
        assertThat(m.getQuestion().getName().toString()).isEqualTo("WwW.PLAIN.test.");
        assertThat(m.getSection(Section.ANSWER)).hasSize(1);
        assertThat(m.getHeader().getID()).isEqualTo(4242);
        assertThat(m.getHeader().getFlag(Flags.RD)).isTrue();
    }

    @Test
    void cnameChainIsFollowedInsideTheZone() {
        Message m = ask("cn2.plain.test.", Type.A);
        assertThat(types(m, Section.ANSWER)).containsExactly("CNAME", "CNAME", "A");
    }

    @Test
    void cnameToMissingNameIsNxdomainWithTheCname() {
        Message m = ask("cnx.plain.test.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(types(m, Section.ANSWER)).containsExactly("CNAME");
        assertThat(types(m, Section.AUTHORITY)).containsExactly("SOA");
    }

    @Test
    void cnameOutOfZoneStops() {
        Message m = ask("ext.plain.test.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(types(m, Section.ANSWER)).containsExactly("CNAME");
    }

    @Test
    void dnameSynthesizesCnameWithDnameTtl() {
        Message m = ask("x.d.plain.test.", Type.A);
        assertThat(types(m, Section.ANSWER)).containsExactly("DNAME", "CNAME");
        Record c = m.getSection(Section.ANSWER).get(1);
        assertThat(((CNAMERecord) c).getTarget()).isEqualTo(Name.fromConstantString("x.example.net."));
        assertThat(c.getTTL()).isEqualTo(m.getSection(Section.ANSWER).get(0).getTTL());
    }

    @Test
    void wildcardSynthesisAndWildcardNoData() {
        Message m = ask("a.wild.plain.test.", Type.A);
        assertThat(m.getSection(Section.ANSWER).get(0).getName()).isEqualTo(Name.fromConstantString("a.wild.plain.test."));
        Message nodata = ask("a.wild.plain.test.", Type.MX);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
        assertThat(types(nodata, Section.AUTHORITY)).containsExactly("SOA");
    }

    @Test
    void emptyNonTerminalIsNoDataAndWildcardBelowItApplies() {
        Message ent = ask("b.plain.test.", Type.A);
        assertThat(ent.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(ent.getSection(Section.ANSWER)).isEmpty();
        assertThat(types(ask("x.c.b.plain.test.", Type.A), Section.ANSWER)).containsExactly("A");
        // c.plain.test is an ENT (a.b.c exists), so no wildcard above it may answer x.c
        Message underEnt = ask("zz.c.plain.test.", Type.A);
        assertThat(underEnt.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void nxdomainCarriesSoaWithNegativeTtl() {
        Message m = ask("nope.plain.test.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        Record soa = m.getSection(Section.AUTHORITY).get(0);
        assertThat(soa.getType()).isEqualTo(Type.SOA);
        assertThat(soa.getTTL()).isEqualTo(300); // min(3600, MINIMUM 300), RFC 2308 §5
    }

    @Test
    void noDataIsNoerrorWithSoa() {
        Message m = ask("www.plain.test.", Type.TXT);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(types(m, Section.AUTHORITY)).containsExactly("SOA");
    }

    @Test
    void delegationGivesReferralWithGlue() {
        Message m = ask("x.sub.plain.test.", Type.MX);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(types(m, Section.ANSWER)).isEmpty();
        assertThat(types(m, Section.AUTHORITY)).containsExactly("NS", "NS");
        assertThat(m.getSection(Section.ADDITIONAL).stream().filter(r -> r.getType() == Type.A)).hasSize(1);
    }

    @Test
    void dsAtDelegationIsAnsweredByTheParent() {
        Message m = ask("sec.plain.test.", Type.DS);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(types(m, Section.ANSWER)).containsExactly("DS");
        Message none = ask("sub.plain.test.", Type.DS);
        assertThat(none.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(types(none, Section.AUTHORITY)).containsExactly("SOA");
    }

    @Test
    void additionalSectionForNsMxSrvTargets() {
        assertThat(types(ask("plain.test.", Type.NS), Section.ADDITIONAL)).contains("A", "AAAA");
        assertThat(types(ask("mx.plain.test.", Type.MX), Section.ADDITIONAL)).contains("A");
        assertThat(types(ask("srv.plain.test.", Type.SRV), Section.ADDITIONAL)).contains("A");
    }

    @Test
    void anyAnswersOneRrset() {
        Message m = ask("ns1.plain.test.", Type.ANY);
        assertThat(types(m, Section.ANSWER)).containsExactly("A");
        assertThat(types(ask("cn.plain.test.", Type.ANY), Section.ANSWER)).containsExactly("CNAME");
    }

    @Test
    void outsideHostedZonesIsRefused() {
        Message m = ask("www.example.org.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getQuestion().getName()).isEqualTo(Name.fromConstantString("www.example.org."));
    }

    @Test
    void expiredZoneIsServfail() {
        var z = store.get(Name.fromConstantString("plain.test."));
        store.put(z.asExpired(true));
        assertThat(ask("www.plain.test.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
        store.put(z.asExpired(false));
        assertThat(ask("www.plain.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void classOtherThanInIsRefused() {
        Message m = run(pipeline, query("www.plain.test.", Type.A, DClass.HS, 1232, false, false), Transport.UDP);
        assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void cnameChainStopsAfterFiveLinksAsKnot() throws Exception {
        Name origin = Name.fromConstantString("chain.test.");
        List<Record> rs = new java.util.ArrayList<>();
        rs.add(new org.xbill.DNS.SOARecord(origin, DClass.IN, 300, origin, origin, 1, 2, 3, 4, 60));
        for (int i = 0; i < 8; i++) {
            rs.add(new CNAMERecord(Name.fromConstantString("c" + i + ".chain.test."), DClass.IN, 300,
                    Name.fromConstantString("c" + (i + 1) + ".chain.test.")));
        }
        rs.add(new org.xbill.DNS.ARecord(Name.fromConstantString("c8.chain.test."), DClass.IN, 300,
                java.net.InetAddress.getByName("192.0.2.8")));
        ZoneStore s = new ZoneStore();
        s.put(net.nsglobal.dns.zone.Zone.compile(origin, rs));
        Pipeline p = Pipeline.standard(s, Identity.of("x"), null, null);
        Message m = run(p, query("c0.chain.test.", Type.A), Transport.UDP);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(types(m, Section.ANSWER)).containsExactly("CNAME", "CNAME", "CNAME", "CNAME", "CNAME");
        assertThat(m.getSection(Section.AUTHORITY)).isEmpty();
        Message shortChain = run(p, query("c4.chain.test.", Type.A), Transport.UDP);
        assertThat(types(shortChain, Section.ANSWER)).containsExactly("CNAME", "CNAME", "CNAME", "CNAME", "A");
    }
}
