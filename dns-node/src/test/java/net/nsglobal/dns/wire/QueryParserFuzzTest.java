package net.nsglobal.dns.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.config.Identity;
import net.nsglobal.dns.query.Transport;
import net.nsglobal.dns.query.Verdict;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Parser fuzz: 1,000,000 seeded random and mutated real queries — truncated, bit-flipped, with bad label pointers,
 * compression loops and pointer chains ({@link HostileQueries}), bad counts, oversized — through
 * {@link Pipeline#process}. Nothing may escape, every answer must be a parsable DNS message with the query's ID, no
 * message may cost more parsing than {@link QueryParser#MAX_NAME_STEPS}, and afterwards a normal query still gets
 * the right answer. The seed is fixed so a failure is reproducible.
 */
class QueryParserFuzzTest {
    private static final Name ORIGIN = Name.fromConstantString("fuzz.test.");

    @Test
    void millionMalformedQueriesThroughThePipeline() throws Exception {
        ZoneStore store = new ZoneStore();
        store.put(zone());
        Pipeline pipeline = Pipeline.standard(store, new Identity("nsid", "host", "v"), null, null);
        List<byte[]> seeds = seeds();
        SplittableRandom rnd = new SplittableRandom(20261127L);
        ParsedQuery scratch = new ParsedQuery();
        net.nsglobal.dns.zone.NameKey probe = new net.nsglobal.dns.zone.NameKey();
        byte[] out = new byte[65535];
        int answered = 0;
        for (int i = 0; i < 1_000_000; i++) {
            byte[] q = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            QueryContext ctx = new QueryContext(q, q.length, (i & 1) == 0 ? Transport.UDP : Transport.TCP, null, null,
                    scratch, probe, out);
            Verdict v = pipeline.process(ctx);
            assertThat(scratch.nameSteps).isLessThanOrEqualTo(QueryParser.MAX_NAME_STEPS + 1);
            if (v == Verdict.RESPOND) {
                answered++;
                if (i % 97 == 0) { // parse a sample of responses fully (dnsjava is slow)
                    assertThat(ctx.responseLength()).isBetween(12, 65535);
                    Message m = new Message(Arrays.copyOf(ctx.response(), ctx.responseLength()));
                    assertThat(m.getHeader().getID()).isEqualTo(((q[0] & 0xFF) << 8) | (q[1] & 0xFF));
                    assertThat(m.getHeader().getFlag(Flags.QR)).isTrue();
                }
            }
        }
        assertThat(answered).isGreaterThan(100_000);
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("www.fuzz.test."), Type.A, DClass.IN));
        byte[] w = q.toWire();
        QueryContext ctx = new QueryContext(w, w.length, Transport.UDP, null, null);
        assertThat(pipeline.process(ctx)).isEqualTo(Verdict.RESPOND);
        Message m = new Message(Arrays.copyOf(ctx.response(), ctx.responseLength()));
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.1");
    }

    private static Zone zone() throws Exception {
        List<Record> rs = new ArrayList<>();
        rs.add(new SOARecord(ORIGIN, DClass.IN, 3600, Name.fromConstantString("ns.fuzz.test."),
                Name.fromConstantString("h.fuzz.test."), 1, 2, 3, 4, 5));
        rs.add(new NSRecord(ORIGIN, DClass.IN, 3600, Name.fromConstantString("ns.fuzz.test.")));
        rs.add(new ARecord(Name.fromConstantString("ns.fuzz.test."), DClass.IN, 3600,
                java.net.InetAddress.getByName("192.0.2.53")));
        rs.add(new ARecord(Name.fromConstantString("www.fuzz.test."), DClass.IN, 3600,
                java.net.InetAddress.getByName("192.0.2.1")));
        rs.add(new ARecord(Name.fromConstantString("*.w.fuzz.test."), DClass.IN, 3600,
                java.net.InetAddress.getByName("192.0.2.2")));
        rs.add(new CNAMERecord(Name.fromConstantString("loop1.fuzz.test."), DClass.IN, 3600,
                Name.fromConstantString("loop2.fuzz.test.")));
        rs.add(new CNAMERecord(Name.fromConstantString("loop2.fuzz.test."), DClass.IN, 3600,
                Name.fromConstantString("loop1.fuzz.test.")));
        return Zone.compile(ORIGIN, rs);
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        String[] names = {"www.fuzz.test.", "a.w.fuzz.test.", "loop1.fuzz.test.", "nope.fuzz.test.", "fuzz.test.",
                "example.org.", "hostname.bind."};
        int[] types = {Type.A, Type.AAAA, Type.ANY, Type.NS, Type.SOA, Type.TXT, Type.AXFR, Type.IXFR};
        for (String n : names) {
            for (int t : types) {
                Message q = Message.newQuery(Record.newRecord(Name.fromConstantString(n), t,
                        n.endsWith("bind.") ? DClass.CH : DClass.IN));
                seeds.add(q.toWire());
                q.addRecord(new OPTRecord(1232, 0, 0, Flags.DO,
                        new GenericEDNSOption(EDNSOption.Code.NSID, new byte[0])), Section.ADDITIONAL);
                seeds.add(q.toWire());
            }
        }
        // A query with a compressed name in the additional section, to mutate pointers.
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("www.fuzz.test."), Type.A, DClass.IN));
        q.addRecord(Record.newRecord(Name.fromConstantString("x.www.fuzz.test."), Type.A, DClass.IN, 0,
                new byte[] {1, 2, 3, 4}), Section.ADDITIONAL);
        seeds.add(q.toWire());
        // Compression abuse (pointer chains, loops, forward pointers, pointers in the question), to mutate further.
        seeds.add(HostileQueries.pointerChain("www.fuzz.test.", 200, 50, 0, false));
        seeds.add(HostileQueries.pointerChain("www.fuzz.test.", 12, 3, 4, true));
        seeds.add(HostileQueries.nestedPointers(QueryParser.MAX_POINTER_HOPS));
        for (byte[] hostile : HostileQueries.all().values()) if (hostile.length < 2048) seeds.add(hostile);
        return seeds;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        switch (rnd.nextInt(10)) {
            case 0: { // pure noise
                byte[] b = new byte[rnd.nextInt(600)];
                for (int i = 0; i < b.length; i++) b[i] = (byte) rnd.nextInt(256);
                return b;
            }
            case 1: // truncated
                return Arrays.copyOf(seed, rnd.nextInt(seed.length + 1));
            case 2: { // bad counts
                byte[] b = seed.clone();
                b[4 + rnd.nextInt(8)] = (byte) rnd.nextInt(256);
                return b;
            }
            case 3: { // compression pointer somewhere, possibly looping or forward
                byte[] b = seed.clone();
                int at = 12 + rnd.nextInt(Math.max(1, b.length - 13));
                if (at + 1 < b.length) {
                    b[at] = (byte) (0xC0 | rnd.nextInt(4));
                    b[at + 1] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            case 4: { // oversized: garbage appended, up to 64 KiB
                byte[] b = Arrays.copyOf(seed, seed.length + rnd.nextInt(65535 - seed.length));
                for (int i = seed.length; i < b.length; i += 1 + rnd.nextInt(64)) b[i] = (byte) rnd.nextInt(256);
                return b;
            }
            case 5: { // label length byte changed
                byte[] b = seed.clone();
                b[12 + rnd.nextInt(Math.min(8, b.length - 12))] = (byte) rnd.nextInt(256);
                return b;
            }
            case 6: { // header flags (QR, opcode, ...)
                byte[] b = seed.clone();
                b[2] = (byte) rnd.nextInt(256);
                b[3] = (byte) rnd.nextInt(256);
                return b;
            }
            default: { // a few random bit flips anywhere
                byte[] b = seed.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                return b;
            }
        }
    }
}
