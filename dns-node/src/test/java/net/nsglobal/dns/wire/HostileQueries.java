package net.nsglobal.dns.wire;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-built queries whose names abuse compression pointers (RFC 1035 §4.1.4), for the parser, pipeline and server
 * fuzz tests. bench/parse-cost.py builds the same pointer-chain query for the Knot comparison.
 */
public final class HostileQueries {
    private HostileQueries() {}

    private static final int TYPE_NULL = 10;

    /**
     * The pointer chain: after the question, one NULL record (root owner) whose RDATA holds the label "a", its root
     * and then {@code hops} two-byte pointers, each to the one before; then {@code records} NULL records with
     * {@code rdlen} zero bytes of RDATA, each owned by a pointer to the last link, so that every owner name walks the
     * whole chain. In the additional section, or in the answer section when {@code inAnswer}.
     */
    public static byte[] pointerChain(String qname, int hops, int records, int rdlen, boolean inAnswer) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        int count = records + 1;
        header(m, 0x4242, 1, inAnswer ? count : 0, 0, inAnswer ? 0 : count);
        question(m, qname, 6);
        int rdataAt = m.size() + 1 + 10;
        int rdataLength = 3 + 2 * hops;
        m.write(0);
        rrHeader(m, TYPE_NULL, rdataLength);
        m.write(1);
        m.write('a');
        m.write(0);
        int prev = rdataAt;
        for (int i = 0; i < hops; i++) {
            int here = m.size();
            pointer(m, prev);
            prev = here;
        }
        if (prev >= 0x4000) throw new IllegalArgumentException("chain must stay in the first 16 KB: " + hops + " hops");
        for (int i = 0; i < records; i++) {
            pointer(m, prev);
            rrHeader(m, TYPE_NULL, rdlen);
            for (int b = 0; b < rdlen; b++) m.write(0);
        }
        byte[] w = m.toByteArray();
        if (w.length > 65535) throw new IllegalArgumentException("message larger than 64 KB: " + w.length);
        return w;
    }

    /** The worst case the hop cap is for: 8,000 hops, 4,000 records with empty RDATA, all in the additional section (~64 KB). */
    public static byte[] pointerChain64k() {
        return pointerChain("parse.test.", 8000, 4000, 0, false);
    }

    /** A query with one additional record whose owner name is {@code owner} (raw wire bytes, maybe compressed). */
    public static byte[] withOwner(byte[] owner) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        header(m, 0x4243, 1, 0, 0, 1);
        question(m, "parse.test.", 1);
        m.writeBytes(owner);
        rrHeader(m, 1, 4);
        m.writeBytes(new byte[] {(byte) 192, 0, 2, 1});
        return m.toByteArray();
    }

    /**
     * A well-formed owner name of {@code hops} pointers (at least 2) and hops + 1 labels before the question's:
     * links "x" + pointer in one record's RDATA, the first pointing at the question name, each other at the link
     * before; the owner of a second record points at the last link. Every target lies below the one before.
     */
    public static byte[] nestedPointers(int hops) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        header(m, 0x4244, 1, 0, 0, 2);
        question(m, "parse.test.", 1);
        int rdataAt = m.size() + 1 + 10;
        int rdataLength = 2 + 4 * (hops - 1);
        m.write(0);
        rrHeader(m, TYPE_NULL, rdataLength);
        m.write(1);                                       // "x" + pointer to the question's name: link 0
        m.write('x');
        pointer(m, 12);
        int prev = rdataAt;
        for (int i = 2; i < hops; i++) {                  // "x" + pointer to the previous link
            int here = m.size();
            m.write(1);
            m.write('x');
            pointer(m, prev);
            prev = here;
        }
        m.write(0);                                       // pad to the declared RDATA length
        m.write(0);
        pointer(m, prev);                                 // owner: one more hop into the last link
        rrHeader(m, TYPE_NULL, 0);
        return m.toByteArray();
    }

    /** Every hostile case, by name: each must be FORMERR after a bounded amount of parsing. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("chain 8000 hops x 4000 records, additional", pointerChain64k());
        cases.put("chain 8000 hops x 3700 records, answer", pointerChain("parse.test.", 8000, 3700, 1, true));
        cases.put("chain of 16 links (17 pointers per name), one record", pointerChain("parse.test.", 16, 1, 4, false));
        cases.put("nested name, 17 pointers", nestedPointers(17));
        cases.put("5,900 root-owned records", manyRecords(5900));
        int ownerAt = 12 + "parse.test.".length() + 1 + 4;
        cases.put("pointer to itself", withOwner(new byte[] {(byte) (0xC0 | (ownerAt >> 8)), (byte) ownerAt}));
        cases.put("label then pointer back to the name", withOwner(new byte[] {1, 'a',
                (byte) (0xC0 | (ownerAt >> 8)), (byte) ownerAt}));
        cases.put("forward pointer", withOwner(new byte[] {(byte) 0xC0, (byte) (ownerAt + 2)}));
        cases.put("pointer past the end", withOwner(new byte[] {(byte) 0xFF, (byte) 0xFF}));
        cases.put("pointer loop A to B to A", loop());
        cases.put("looping pointer in the question", chainInQuestion());
        return cases;
    }

    /** {@code n} records owned by the root, 11 bytes each: only the per-message bound stops them. */
    public static byte[] manyRecords(int n) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        header(m, 0x4245, 1, 0, 0, n);
        question(m, "parse.test.", 1);
        for (int i = 0; i < n; i++) {
            m.write(0);
            rrHeader(m, TYPE_NULL, 0);
        }
        return m.toByteArray();
    }

    /** Owner 1: pointer to owner 2's position; owner 2 (the next record): pointer back to owner 1. */
    private static byte[] loop() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        header(m, 0x4246, 1, 0, 0, 2);
        question(m, "parse.test.", 1);
        int first = m.size();
        int second = first + 2 + 10;
        pointer(m, second);
        rrHeader(m, TYPE_NULL, 0);
        pointer(m, first);
        rrHeader(m, TYPE_NULL, 0);
        return m.toByteArray();
    }

    /** A question name "a" + pointer to itself (a.a.a.…): compression in a question, and a loop. */
    private static byte[] chainInQuestion() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        header(m, 0x4247, 1, 0, 0, 0);
        m.write(1);
        m.write('a');
        pointer(m, 12);
        u16(m, 1);
        u16(m, 1);
        return m.toByteArray();
    }

    private static void header(ByteArrayOutputStream m, int id, int qd, int an, int ns, int ar) {
        u16(m, id);
        u16(m, 0);
        u16(m, qd);
        u16(m, an);
        u16(m, ns);
        u16(m, ar);
    }

    private static void question(ByteArrayOutputStream m, String qname, int qtype) {
        for (String label : qname.replaceAll("\\.$", "").split("\\.")) {
            m.write(label.length());
            for (char c : label.toCharArray()) m.write(c);
        }
        m.write(0);
        u16(m, qtype);
        u16(m, 1);
    }

    private static void rrHeader(ByteArrayOutputStream m, int type, int rdlen) {
        u16(m, type);
        u16(m, 1);
        u16(m, 0);
        u16(m, 0);
        u16(m, rdlen);
    }

    private static void pointer(ByteArrayOutputStream m, int target) {
        u16(m, 0xC000 | target);
    }

    private static void u16(ByteArrayOutputStream m, int v) {
        m.write(v >> 8);
        m.write(v);
    }
}
