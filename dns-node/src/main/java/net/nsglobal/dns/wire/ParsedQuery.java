package net.nsglobal.dns.wire;

/**
 * The fields of one request that the answering stages need, parsed by hand from the raw bytes ({@link QueryParser})
 * without dnsjava and without allocation. Mutable and reusable; one instance belongs to one query on one thread.
 */
public final class ParsedQuery {
    /** Outcome of parsing (RFC 1035 §4.1): OK, or why the request cannot be answered normally. */
    public enum Status { OK, SHORT, MALFORMED_HEADER_ONLY, MALFORMED }

    public Status status = Status.SHORT;
    public int id;
    /** The 16-bit flags word of the header (QR, opcode, AA, TC, RD, RA, Z, AD, CD, rcode). */
    public int flags;
    public int qdcount, ancount, nscount, arcount;
    /** True when the question section was parsed (the question can be echoed). */
    public boolean questionParsed;
    /** Offset of the question name in the request (always 12) and its wire length including the root label. */
    public int qnameOffset = 12, qnameLength;
    /** Lowercased wire-format question name, {@link #qnameLength} bytes valid. */
    public final byte[] qnameLower = new byte[256];
    /** Offsets in {@link #qnameLower} where each label starts (the root label is not counted). */
    public final int[] labelOffsets = new int[128];
    public int labelCount;
    public int qtype, qclass;
    /** End of the question section in the request. */
    public int questionEnd;
    /** EDNS (RFC 6891): OPT present, how many, version, requestor's payload size, DO bit, NSID asked (RFC 5001). */
    public boolean edns;
    public int optCount;
    public int ednsVersion;
    public int udpPayload;
    public boolean dnssecOk;
    public boolean nsidRequested;
    /**
     * Parse work (see {@link QueryParser#MAX_NAME_STEPS}): labels and compression pointers read over all names, and
     * of them the pointers followed.
     */
    public int nameSteps, pointerHops;

    public int opcode() { return (flags >>> 11) & 0xF; }
    public boolean qr() { return (flags & 0x8000) != 0; }
    public boolean rd() { return (flags & 0x0100) != 0; }
    public boolean cd() { return (flags & 0x0010) != 0; }

    void reset() {
        status = Status.SHORT;
        id = flags = qdcount = ancount = nscount = arcount = 0;
        questionParsed = false;
        qnameLength = labelCount = qtype = qclass = questionEnd = 0;
        edns = false;
        optCount = ednsVersion = udpPayload = 0;
        dnssecOk = nsidRequested = false;
        nameSteps = pointerHops = 0;
    }

    /** Hash of the lowercased name suffix starting at label {@code fromLabel} (for zone lookup without allocation). */
    public int suffixHash(int fromLabel) {
        int start = fromLabel >= labelCount ? qnameLength - 1 : labelOffsets[fromLabel];
        return NameBytes.hash(qnameLower, start, qnameLength - start);
    }

    /** Offset in {@link #qnameLower} of the suffix starting at label {@code fromLabel} (labelCount = root). */
    public int suffixOffset(int fromLabel) {
        return fromLabel >= labelCount ? qnameLength - 1 : labelOffsets[fromLabel];
    }
}
