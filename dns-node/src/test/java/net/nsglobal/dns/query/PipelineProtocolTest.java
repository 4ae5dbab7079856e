package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static net.nsglobal.dns.query.Fixtures.query;
import static net.nsglobal.dns.query.Fixtures.raw;
import static net.nsglobal.dns.query.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Header sanity, opcodes, EDNS (RFC 6891), NSID (RFC 5001), CHAOS identity (RFC 4892), truncation, transfers. */
class PipelineProtocolTest {
    private final Pipeline pipeline =
            Pipeline.standard(Fixtures.store(), new Identity("fra1", "fra1.example", null), null, null);

    @Test
    void responsesToResponsesAndRuntsAreDropped() {
        byte[] q = query("www.plain.test.", Type.A);
        q[2] |= (byte) 0x80; // QR=1
        assertThat(raw(pipeline, q, Transport.UDP)).isNull();
        assertThat(raw(pipeline, new byte[11], Transport.UDP)).isNull();
    }

    @Test
    void unknownOpcodeIsNotimpAndNotifyWithoutHandlerToo() {
        byte[] q = query("www.plain.test.", Type.A);
        q[2] = (byte) ((q[2] & 0x87) | (Opcode.UPDATE << 3));
        assertThat(run(pipeline, q, Transport.UDP).getRcode()).isEqualTo(Rcode.NOTIMP);
        q[2] = (byte) ((q[2] & 0x87) | (Opcode.NOTIFY << 3));
        assertThat(run(pipeline, q, Transport.UDP).getRcode()).isEqualTo(Rcode.NOTIMP);
        Stage notify = ctx -> ctx.respond(new byte[] {0, 0, (byte) 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0);
        Pipeline withNotify = Pipeline.standard(Fixtures.store(), Identity.of("x"), notify, null);
        assertThat(raw(withNotify, q, Transport.UDP)).hasSize(12);
    }

    @Test
    void malformedIsFormerr() {
        byte[] q = query("www.plain.test.", Type.A);
        byte[] truncated = Arrays.copyOf(q, 20);
        Message m = run(pipeline, truncated, Transport.UDP);
        assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(m.getHeader().getID()).isEqualTo(4242);
        byte[] trailing = Arrays.copyOf(q, q.length + 3);
        assertThat(run(pipeline, trailing, Transport.UDP).getRcode()).isEqualTo(Rcode.FORMERR);
        byte[] noQuestion = Arrays.copyOf(q, 12);
        noQuestion[5] = 0;
        noQuestion[11] = 0;
        assertThat(run(pipeline, noQuestion, Transport.UDP).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void queryWithAnswerOrAuthorityRecordsIsFormerr() throws Exception {
        Message an = Message.newQuery(Record.newRecord(Name.fromConstantString("www.plain.test."), Type.A, DClass.IN));
        an.addRecord(Record.newRecord(Name.fromConstantString("www.plain.test."), Type.A, DClass.IN, 0,
                new byte[] {1, 2, 3, 4}), Section.ANSWER);
        Message ns = Message.newQuery(Record.newRecord(Name.fromConstantString("www.plain.test."), Type.A, DClass.IN));
        ns.addRecord(new org.xbill.DNS.NSRecord(Name.fromConstantString("plain.test."), DClass.IN, 0,
                Name.fromConstantString("ns1.plain.test.")), Section.AUTHORITY);
        for (Message q : new Message[] {an, ns}) {
            for (Transport t : Transport.values()) {
                Message m = run(pipeline, q.toWire(), t);
                assertThat(m.getRcode()).as("%s over %s", q.getSection(Section.ANSWER).isEmpty() ? "NSCOUNT 1"
                        : "ANCOUNT 1", t).isEqualTo(Rcode.FORMERR);
                assertThat(m.getQuestion().getName()).isEqualTo(Name.fromConstantString("www.plain.test."));
                assertThat(m.getSectionArray(Section.ANSWER)).isEmpty();
            }
        }
        // RFC 1995 §3: an IXFR request carries the client's SOA in the authority section (refused here: no handler)
        Message ixfr = Message.newQuery(Record.newRecord(Name.fromConstantString("plain.test."), Type.IXFR, DClass.IN));
        ixfr.addRecord(Record.fromString(Name.fromConstantString("plain.test."), Type.SOA, DClass.IN, 0,
                "ns1.plain.test. host.plain.test. 1 7200 3600 1209600 300", Name.root), Section.AUTHORITY);
        assertThat(run(pipeline, ixfr.toWire(), Transport.TCP).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void compressionPointerChainsAreFormerr() {
        for (var c : net.nsglobal.dns.wire.HostileQueries.all().entrySet()) {
            byte[] w = c.getValue();
            QueryContext ctx = new QueryContext(w, w.length, Transport.TCP, null, null);
            assertThat(pipeline.process(ctx)).as(c.getKey()).isEqualTo(Verdict.RESPOND);
            assertThat(ctx.rcode()).as(c.getKey()).isEqualTo(Rcode.FORMERR);
            assertThat(ctx.parsed().nameSteps).as(c.getKey())
                    .isLessThanOrEqualTo(net.nsglobal.dns.wire.QueryParser.MAX_NAME_STEPS + 1);
        }
    }

    @Test
    void twoOptRecordsAreFormerr() {
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("www.plain.test."), Type.A, DClass.IN));
        q.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        byte[] one = q.toWire();
        // append a second OPT by hand and bump ARCOUNT
        byte[] opt = {0, 0, 41, 4, (byte) 0xD0, 0, 0, 0, 0, 0, 0};
        byte[] two = Arrays.copyOf(one, one.length + opt.length);
        System.arraycopy(opt, 0, two, one.length, opt.length);
        two[11] = 2;
        assertThat(run(pipeline, two, Transport.UDP).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void ednsVersionAboveZeroIsBadvers() {
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("www.plain.test."), Type.A, DClass.IN));
        q.addRecord(new OPTRecord(1232, 0, 1), Section.ADDITIONAL);
        Message m = run(pipeline, q.toWire(), Transport.UDP);
        assertThat(m.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(m.getOPT().getVersion()).isZero();
    }

    @Test
    void ednsAdvertises1232AndEchoesDo() {
        Message m = run(pipeline, query("www.plain.test.", Type.A, DClass.IN, 4096, true, false), Transport.UDP);
        assertThat(m.getOPT().getPayloadSize()).isEqualTo(1232);
        assertThat(m.getOPT().getFlags() & Flags.DO).isNotZero();
        Message noEdns = run(pipeline, query("www.plain.test.", Type.A, DClass.IN, 0, false, false), Transport.UDP);
        assertThat(noEdns.getOPT()).isNull();
    }

    @Test
    void unknownEdnsOptionsAreIgnored() {
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("www.plain.test."), Type.A, DClass.IN));
        q.addRecord(new OPTRecord(1232, 0, 0, 0, new GenericEDNSOption(65001, new byte[] {1, 2})), Section.ADDITIONAL);
        Message m = run(pipeline, q.toWire(), Transport.UDP);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getSection(Section.ANSWER)).hasSize(1);
        assertThat(m.getOPT().getOptions()).isEmpty();
    }

    @Test
    void nsidOnlyWhenAsked() {
        Message asked = run(pipeline, query("www.plain.test.", Type.A, DClass.IN, 1232, false, true), Transport.UDP);
        EDNSOption nsid = asked.getOPT().getOptions(EDNSOption.Code.NSID).get(0);
        byte[] w = nsid.toWire(); // code, length, data (RFC 5001 §2.3)
        assertThat(new String(w, 4, w.length - 4, StandardCharsets.UTF_8)).isEqualTo("fra1");
        Message refused = run(pipeline, query("www.other.", Type.A, DClass.IN, 1232, false, true), Transport.UDP);
        assertThat(refused.getOPT().getOptions(EDNSOption.Code.NSID)).hasSize(1);
        Message notAsked = run(pipeline, query("www.plain.test.", Type.A), Transport.UDP);
        assertThat(notAsked.getOPT().getOptions()).isEmpty();
    }

    @Test
    void chaosIdentity() {
        Message host = run(pipeline, query("hostname.bind.", Type.TXT, DClass.CH, 0, false, false), Transport.UDP);
        assertThat(((TXTRecord) host.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("fra1.example");
        assertThat(host.getHeader().getFlag(Flags.AA)).isFalse();
        Message id = run(pipeline, query("ID.SERVER.", Type.TXT, DClass.CH, 0, false, false), Transport.UDP);
        assertThat(((TXTRecord) id.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("fra1.example");
        assertThat(run(pipeline, query("version.bind.", Type.TXT, DClass.CH, 0, false, false), Transport.UDP)
                .getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(run(pipeline, query("foo.bind.", Type.TXT, DClass.CH, 0, false, false), Transport.UDP)
                .getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(run(pipeline, query("hostname.bind.", Type.A, DClass.CH, 0, false, false), Transport.UDP)
                .getRcode()).isEqualTo(Rcode.REFUSED);
        Pipeline versioned = Pipeline.standard(Fixtures.store(), new Identity("a", "b", "NS-Global 1"), null, null);
        Message v = run(versioned, query("version.server.", Type.TXT, DClass.CH, 0, false, false), Transport.UDP);
        assertThat(((TXTRecord) v.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("NS-Global 1");
    }

    @Test
    void truncationKeepsOnlyHeaderQuestionAndOpt() {
        Message udp = run(pipeline, query("big.plain.test.", Type.TXT), Transport.UDP);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ANSWER)).isEmpty();
        assertThat(udp.getOPT()).isNotNull();
        Message small = run(pipeline, query("bigr.plain.test.", Type.A, DClass.IN, 0, false, false), Transport.UDP);
        assertThat(small.getHeader().getFlag(Flags.TC)).isTrue();
        Message tcp = run(pipeline, query("big.plain.test.", Type.TXT), Transport.TCP);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(60);
        Message fits = run(pipeline, query("bigr.plain.test.", Type.A), Transport.UDP);
        assertThat(fits.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(fits.getSection(Section.ANSWER)).hasSize(60);
    }

    @Test
    void zoneTransfersWithoutHandler() {
        assertThat(run(pipeline, query("plain.test.", Type.AXFR), Transport.UDP).getRcode()).isEqualTo(Rcode.NOTIMP);
        assertThat(run(pipeline, query("plain.test.", Type.AXFR), Transport.TCP).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(run(pipeline, query("plain.test.", Type.IXFR), Transport.TCP).getRcode()).isEqualTo(Rcode.REFUSED);
        Stage xfr = ctx -> ctx.streamed(Rcode.NOERROR);
        Pipeline withXfr = Pipeline.standard(Fixtures.store(), Identity.of("x"), null, xfr);
        QueryContext ctx = new QueryContext(query("plain.test.", Type.AXFR), query("plain.test.", Type.AXFR).length,
                Transport.TCP, null, null);
        assertThat(withXfr.process(ctx)).isEqualTo(Verdict.RESPOND);
        assertThat(ctx.response()).isNull();
    }

    @Test
    void contextExposesParsedFields() {
        byte[] q = query("WWW.plain.test.", Type.AAAA, DClass.IN, 1400, true, true);
        QueryContext ctx = new QueryContext(q, q.length, Transport.UDP, null, null);
        pipeline.process(ctx);
        assertThat(ctx.id()).isEqualTo(4242);
        assertThat(ctx.qname().toString()).isEqualTo("WWW.plain.test.");
        assertThat(ctx.qtype()).isEqualTo(Type.AAAA);
        assertThat(ctx.qclass()).isEqualTo(DClass.IN);
        assertThat(ctx.hasEdns()).isTrue();
        assertThat(ctx.udpPayload()).isEqualTo(1400);
        assertThat(ctx.dnssecOk()).isTrue();
        assertThat(ctx.nsidRequested()).isTrue();
        assertThat(ctx.zone().origin()).isEqualTo(Name.fromConstantString("plain.test."));
        assertThat(ctx.rcode()).isEqualTo(Rcode.NOERROR);
    }
}
