package net.nsglobal.dns.wire;

/**
 * Hand parser for requests (RFC 1035 §4.1, RFC 6891 §6): header, the question, and the OPT pseudo-RR, straight from
 * the datagram bytes. It never throws and never allocates: malformed input becomes a {@link ParsedQuery.Status}.
 *
 * <p>Rules, Knot-style: fewer than 12 bytes cannot be answered at all; the question name must be uncompressed
 * (pointers in a question are a FORMERR); OPT must be owned by the root and appear in the additional section;
 * record and option lengths must stay inside the message; trailing bytes after the last record are a FORMERR.
 *
 * <p>Names in the other sections may use compression pointers (RFC 1035 §4.1.4), followed as BIND's name parser
 * does: the first must point before the name's own start and each further one before the previous target (so no
 * loop and no forward pointer), at most {@link #MAX_POINTER_HOPS} of them per name. RFC 1035 bounds neither, and
 * without a bound a 64 KB message whose thousands of owner names each walk the same 8,000-pointer chain costs a
 * tenth of a second of CPU or more (Knot 3.2 follows every pointer too, about 0.2 s for such a query). Since the hop
 * cap alone still allows thousands of names of 16 hops each, the labels and pointers read over all names of one
 * message are also counted against {@link #MAX_NAME_STEPS}. Past either bound the message is malformed (FORMERR).
 */
public final class QueryParser {
    /** EDNS option code of NSID (RFC 5001 §2.3). */
    public static final int OPTION_NSID = 3;
    public static final int TYPE_OPT = 41;
    /** Compression pointers followed within one name (BIND 9's DNS_POINTER_MAXHOPS). */
    public static final int MAX_POINTER_HOPS = 16;
    /**
     * Labels and pointers read over all names of one message. A real request needs a few hundred at most: a question
     * of up to 127 labels, the root owner of OPT, a TSIG key name, the SOA of a NOTIFY (RFC 1996 §3.7) or of an IXFR
     * request (RFC 1995 §3). Thousands of records are no request to an authoritative server.
     */
    public static final int MAX_NAME_STEPS = 4096;

    private QueryParser() {}

    public static void parse(byte[] w, int len, ParsedQuery q) {
        q.reset();
        if (len < 12 || len > w.length) {
            q.status = ParsedQuery.Status.SHORT;
            return;
        }
        q.id = u16(w, 0);
        q.flags = u16(w, 2);
        q.qdcount = u16(w, 4);
        q.ancount = u16(w, 6);
        q.nscount = u16(w, 8);
        q.arcount = u16(w, 10);
        q.status = ParsedQuery.Status.MALFORMED_HEADER_ONLY;
        int pos = 12;
        if (q.qdcount >= 1) {
            int end = parseQuestionName(w, len, q);
            if (end < 0 || end + 4 > len) return;
            q.qtype = u16(w, end);
            q.qclass = u16(w, end + 2);
            pos = end + 4;
            q.questionEnd = pos;
            q.questionParsed = true;
            // Further questions (QDCOUNT > 1) are skipped here; the question stage refuses them (FORMERR).
            for (int i = 1; i < q.qdcount; i++) {
                pos = skipName(w, len, pos, q);
                if (pos < 0 || pos + 4 > len) { q.status = ParsedQuery.Status.MALFORMED; return; }
                pos += 4;
            }
        } else {
            q.questionEnd = 12;
        }
        q.status = ParsedQuery.Status.MALFORMED;
        int records = q.ancount + q.nscount + q.arcount;
        int additionalFrom = q.ancount + q.nscount;
        for (int i = 0; i < records; i++) {
            int nameStart = pos;
            pos = skipName(w, len, pos, q);
            if (pos < 0 || pos + 10 > len) return;
            int type = u16(w, pos);
            int rdlen = u16(w, pos + 8);
            int rdata = pos + 10;
            if (rdata + rdlen > len) return;
            if (type == TYPE_OPT) {
                if (i < additionalFrom || w[nameStart] != 0) return;
                q.optCount++;
                q.edns = true;
                q.udpPayload = u16(w, pos + 2);
                q.ednsVersion = w[pos + 5] & 0xFF;
                q.dnssecOk = (w[pos + 6] & 0x80) != 0;
                if (!parseOptions(w, rdata, rdlen, q)) return;
            }
            pos = rdata + rdlen;
        }
        if (pos != len) return;
        q.status = ParsedQuery.Status.OK;
    }

    private static boolean parseOptions(byte[] w, int off, int rdlen, ParsedQuery q) {
        int p = off, end = off + rdlen;
        while (p < end) {
            if (p + 4 > end) return false;
            int code = u16(w, p);
            int olen = u16(w, p + 2);
            p += 4;
            if (p + olen > end) return false;
            if (code == OPTION_NSID) q.nsidRequested = true;
            p += olen;
        }
        return true;
    }

    /** Parses the uncompressed question name into q.qnameLower; returns the offset after it, or -1. */
    private static int parseQuestionName(byte[] w, int len, ParsedQuery q) {
        int p = 12, out = 0, labels = 0;
        while (true) {
            if (p >= len) return -1;
            q.nameSteps++;
            int l = w[p] & 0xFF;
            if (l == 0) {
                q.qnameLower[out++] = 0;
                q.qnameLength = out;
                q.labelCount = labels;
                return p + 1;
            }
            if (l > 63) return -1; // compression pointer or reserved label type in the question
            if (p + 1 + l > len || out + 1 + l + 1 > 255) return -1;
            q.labelOffsets[labels++] = out;
            q.qnameLower[out++] = (byte) l;
            for (int i = 1; i <= l; i++) q.qnameLower[out++] = NameBytes.lower(w[p + i]);
            p += 1 + l;
        }
    }

    /**
     * Skips a possibly compressed name; returns the offset after it in the record stream, or -1 when malformed or
     * when it would exceed {@link #MAX_POINTER_HOPS} or the message's {@link #MAX_NAME_STEPS} (counted in q).
     */
    static int skipName(byte[] w, int len, int pos, ParsedQuery q) {
        int p = pos, total = 0, after = -1, hops = 0, below = pos;
        while (true) {
            if (p >= len || ++q.nameSteps > MAX_NAME_STEPS) return -1;
            int l = w[p] & 0xFF;
            if (l == 0) {
                return after >= 0 ? after : p + 1;
            }
            if ((l & 0xC0) == 0xC0) {
                if (p + 1 >= len) return -1;
                int target = ((l & 0x3F) << 8) | (w[p + 1] & 0xFF);
                // Strictly decreasing targets, all before the name: no loop, no forward or self pointer.
                if (target >= below || ++hops > MAX_POINTER_HOPS) return -1;
                q.pointerHops++;
                if (after < 0) after = p + 2;
                below = target;
                p = target;
                continue;
            }
            if (l > 63) return -1;
            total += l + 1;
            if (total > 254) return -1;
            p += 1 + l;
        }
    }

    static int u16(byte[] w, int p) {
        return ((w[p] & 0xFF) << 8) | (w[p + 1] & 0xFF);
    }
}
