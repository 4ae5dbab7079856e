package net.nsglobal.dns.zone;

import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;

/**
 * One RRset of a compiled zone (RFC 2181 §5) with the RRSIGs that cover it. Two plain arrays instead of dnsjava's
 * RRset (two ArrayLists and their backing arrays): a zone holds millions of these, most with one record.
 */
public final class RecordSet {
    private static final Record[] NO_RECORDS = new Record[0];
    private static final RRSIGRecord[] NO_SIGS = new RRSIGRecord[0];

    private final int type;
    private Record[] rrs = NO_RECORDS;
    private RRSIGRecord[] sigs = NO_SIGS;

    RecordSet(int type) {
        this.type = type;
    }

    void add(Record r) {
        if (r instanceof RRSIGRecord sig && sig.getTypeCovered() == type && type != org.xbill.DNS.Type.RRSIG) {
            sigs = Arrays.copyOf(sigs, sigs.length + 1);
            sigs[sigs.length - 1] = sig;
        } else {
            for (Record x : rrs) if (x.equals(r)) return; // duplicate RR in the zone file: RFC 2181 §5 sets
            if (rrs.length > 0 && rrs[0].getTTL() != r.getTTL()) unifyTtl(r.getTTL());
            rrs = Arrays.copyOf(rrs, rrs.length + 1);
            rrs[rrs.length - 1] = r;
        }
    }

    /**
     * RFC 2181 §5.2: all RRs of an RRset carry one TTL, and a server must not send differing ones. A zone whose RRs
     * differ gets the TTL of the last RR read for the whole RRset, as Knot's zone loader does ("TTL mismatch, TTL
     * set to …"), so that both answer alike.
     */
    private void unifyTtl(long ttl) {
        for (int i = 0; i < rrs.length; i++) rrs[i] = withTtl(rrs[i], ttl);
    }

    /** The same RR with another TTL, rdata bytes (and their case) untouched. */
    private static Record withTtl(Record r, long ttl) {
        byte[] wire = r.toWire(org.xbill.DNS.Section.ANSWER);
        int at = r.getName().length() + 4; // owner, TYPE, CLASS, then the TTL (RFC 1035 §4.1.3)
        wire[at] = (byte) (ttl >>> 24);
        wire[at + 1] = (byte) (ttl >>> 16);
        wire[at + 2] = (byte) (ttl >>> 8);
        wire[at + 3] = (byte) ttl;
        try {
            return Record.fromWire(wire, org.xbill.DNS.Section.ANSWER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("re-reading an RR that was just written", e);
        }
    }

    public int getType() { return type; }
    public int size() { return rrs.length; }
    public Record first() { return rrs[0]; }
    public List<Record> rrs() { return Arrays.asList(rrs); }
    public List<RRSIGRecord> sigs() { return Arrays.asList(sigs); }
    public boolean signed() { return sigs.length > 0; }
}
