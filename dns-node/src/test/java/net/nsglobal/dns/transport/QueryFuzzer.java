package net.nsglobal.dns.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.nsglobal.dns.wire.HostileQueries;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSIDOption;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Seeded generator of hostile DNS queries for the server fuzz test: real queries (as dig/kdig/resolvers send them,
 * with and without EDNS, DO, NSID, cookies) and mutations of them — truncated, bytes flipped, bad counts, compression
 * loops, label pointers past the end, pointer chains up to 64 KB, oversized, bogus OPT records, header bits set that
 * must not be, pure garbage.
 */
final class QueryFuzzer {
    private final Random rnd;
    private final List<byte[]> corpus = new ArrayList<>();
    private final String zoneName;

    QueryFuzzer(long seed, String zone) {
        this.rnd = new Random(seed);
        this.zoneName = zone;
        String[] names = {zone, "www." + zone, "ns1." + zone, "nx." + zone, "a.b.c.d." + zone, "big." + zone,
                "WwW." + zone.toUpperCase(), "*." + zone, "outside.example.net", ".", "version.bind", "hostname.bind"};
        int[] types = {Type.A, Type.AAAA, Type.SOA, Type.NS, Type.MX, Type.TXT, Type.ANY, Type.DS, Type.DNSKEY,
                Type.RRSIG, Type.NSEC, Type.NSEC3PARAM, Type.CNAME, Type.PTR, Type.CAA, Type.HTTPS, Type.AXFR, Type.IXFR, 65280};
        for (String n : names) {
            for (int t : types) {
                for (int variant = 0; variant < 4; variant++) {
                    try {
                        Message m = Message.newQuery(Record.newRecord(Name.fromString(n.endsWith(".") ? n : n + "."), t,
                                n.endsWith(".bind") ? DClass.CH : DClass.IN));
                        if (variant > 0) {
                            List<EDNSOption> opts = new ArrayList<>();
                            if (variant >= 2) opts.add(new NSIDOption(new byte[0]));
                            if (variant == 3) opts.add(new GenericEDNSOption(10, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
                            m.addRecord(new OPTRecord(variant == 1 ? 512 : 1232, 0, 0, variant >= 2 ? Flags.DO : 0, opts),
                                    Section.ADDITIONAL);
                        }
                        corpus.add(m.toWire());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /** A real query from the corpus (unmodified). */
    byte[] real() {
        return corpus.get(rnd.nextInt(corpus.size()));
    }

    /** One hostile message of at most {@code maxSize} bytes. */
    byte[] next(int maxSize) {
        byte[] q = real();
        if (rnd.nextInt(64) == 0) return pointerChain(maxSize);                      // rare: big, costly to build
        byte[] m = switch (rnd.nextInt(12)) {
            case 0 -> Arrays.copyOf(q, rnd.nextInt(q.length));                       // truncated anywhere
            case 1 -> flip(q, 1 + rnd.nextInt(4));                                    // random bit damage
            case 2 -> counts(q);                                                      // QD/AN/NS/AR lie
            case 3 -> compressionLoop(q);                                             // pointer to itself / A→B→A
            case 4 -> badPointer(q);                                                  // pointer past the end
            case 5 -> oversized(q, maxSize);                                          // big, with junk after
            case 6 -> garbage(rnd.nextInt(rnd.nextInt(10) == 0 ? Math.min(maxSize, 4096) : 64));
            case 7 -> header(q);                                                      // QR, opcodes, Z, TC
            case 8 -> badOpt(q);                                                      // two OPTs, bad versions/options
            case 9 -> longName();                                                     // >255-byte names, 64-byte labels
            default -> q;                                                             // well-formed
        };
        return m.length > maxSize ? Arrays.copyOf(m, maxSize) : m;
    }

    private byte[] flip(byte[] q, int n) {
        byte[] m = q.clone();
        for (int i = 0; i < n; i++) m[rnd.nextInt(m.length)] ^= (byte) (1 + rnd.nextInt(255));
        return m;
    }

    private byte[] counts(byte[] q) {
        byte[] m = q.clone();
        int which = 4 + 2 * rnd.nextInt(4);
        int v = switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 2 + rnd.nextInt(3);
            case 2 -> 0xffff;
            default -> rnd.nextInt(0x10000);
        };
        m[which] = (byte) (v >> 8);
        m[which + 1] = (byte) v;
        return m;
    }

    private byte[] compressionLoop(byte[] q) {
        byte[] m = Arrays.copyOf(q, Math.max(q.length, 20));
        switch (rnd.nextInt(3)) {
            case 0 -> { m[12] = (byte) 0xC0; m[13] = 12; }                                   // points at itself
            case 1 -> { m[12] = (byte) 0xC0; m[13] = 14; m[14] = (byte) 0xC0; m[15] = 12; }  // A → B → A
            default -> {                                                                     // label then back to start
                m[12] = 1; m[13] = 'a'; m[14] = (byte) 0xC0; m[15] = 12;
            }
        }
        return m;
    }

    /**
     * Owner names walking one chain of backward pointers ({@link HostileQueries#pointerChain}): up to 8,000 links and
     * as many records as fit, in the answer or additional section. Each must be answered FORMERR after bounded work.
     */
    private byte[] pointerChain(int maxSize) {
        int links = 1 + rnd.nextInt(8000);
        int room = Math.max(0, Math.min(maxSize, 65535) - (60 + 2 * links));
        int records = rnd.nextInt(room / 12 + 1);
        return HostileQueries.pointerChain(zoneName, links, records, 0, rnd.nextBoolean());
    }

    private byte[] badPointer(byte[] q) {
        byte[] m = q.clone();
        int at = 12 + rnd.nextInt(Math.max(1, m.length - 13));
        if (at + 1 >= m.length) return m;
        int target = rnd.nextBoolean() ? 0x3fff : m.length + rnd.nextInt(100);
        m[at] = (byte) (0xC0 | ((target >> 8) & 0x3f));
        m[at + 1] = (byte) target;
        return m;
    }

    private byte[] oversized(byte[] q, int maxSize) {
        int size = rnd.nextInt(50) == 0 ? maxSize : Math.min(maxSize, 513 + rnd.nextInt(4096));
        byte[] m = Arrays.copyOf(q, Math.max(q.length, size));
        for (int i = q.length; i < m.length; i++) m[i] = (byte) rnd.nextInt(256);
        if (rnd.nextBoolean()) { m[10] = (byte) 0xff; m[11] = (byte) 0xff; }   // "there are 65535 additional records"
        return m;
    }

    private byte[] garbage(int n) {
        byte[] m = new byte[n];
        rnd.nextBytes(m);
        if (n > 2 && rnd.nextBoolean()) m[2] &= 0x7f;  // QR=0 so it gets further than the first check
        return m;
    }

    private byte[] header(byte[] q) {
        byte[] m = q.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> m[2] |= (byte) 0x80;                                                  // QR=1: never answered
            case 1 -> m[2] = (byte) ((m[2] & 0x87) | (rnd.nextInt(16) << 3));               // any opcode
            case 2 -> m[3] |= (byte) 0x40;                                                  // Z bit
            default -> { m[2] |= 0x02; m[3] = (byte) rnd.nextInt(256); }                    // TC, random rcode
        }
        return m;
    }

    private byte[] badOpt(byte[] q) {
        try {
            Message m = new Message(q);
            switch (rnd.nextInt(3)) {
                case 0 -> {   // two OPT records: FORMERR (RFC 6891 §6.1.1)
                    m.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
                    byte[] one = m.toWire();
                    byte[] opt = new OPTRecord(4096, 0, 0).toWire(Section.ADDITIONAL);
                    byte[] out = Arrays.copyOf(one, one.length + opt.length);
                    System.arraycopy(opt, 0, out, one.length, opt.length);
                    int ar = ((out[10] & 0xff) << 8 | (out[11] & 0xff)) + 1;
                    out[10] = (byte) (ar >> 8);
                    out[11] = (byte) ar;
                    return out;
                }
                case 1 -> {   // EDNS version > 0: BADVERS
                    m.removeAllRecords(Section.ADDITIONAL);
                    m.addRecord(new OPTRecord(rnd.nextInt(0x10000), 0, 1 + rnd.nextInt(255)), Section.ADDITIONAL);
                    return m.toWire();
                }
                default -> {  // option length running past the end
                    byte[] w = q.clone();
                    if (w.length > 4) {
                        w[w.length - 1] = (byte) 0xff;
                        w[w.length - 2] = (byte) 0xff;
                    }
                    return w;
                }
            }
        } catch (IOException e) {
            return q;
        }
    }

    private byte[] longName() {
        byte[] m = new byte[12 + 300 + 4];
        m[0] = (byte) rnd.nextInt(256);
        m[5] = 1;   // QDCOUNT 1
        int p = 12;
        int labelLen = rnd.nextBoolean() ? 63 : 64;      // 64 is not a length (0x40 = extended label type)
        while (p + labelLen + 1 < 12 + 300) {
            m[p++] = (byte) labelLen;
            for (int i = 0; i < labelLen; i++) m[p++] = 'a';
        }
        m[p] = 0;
        m[p + 2] = 1;
        m[p + 4] = 1;
        return Arrays.copyOf(m, Math.min(m.length, p + 5));
    }

    /** A well-formed query with a distinctive id, used to check the server still answers. */
    static byte[] probe(String zone, int id) {
        try {
            Message m = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN));
            m.getHeader().setID(id);
            m.getHeader().setOpcode(Opcode.QUERY);
            return m.toWire();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
