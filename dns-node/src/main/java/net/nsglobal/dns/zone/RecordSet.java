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
            rrs = Arrays.copyOf(rrs, rrs.length + 1);
            rrs[rrs.length - 1] = r;
        }
    }

    public int getType() { return type; }
    public int size() { return rrs.length; }
    public Record first() { return rrs[0]; }
    public List<Record> rrs() { return Arrays.asList(rrs); }
    public List<RRSIGRecord> sigs() { return Arrays.asList(sigs); }
    public boolean signed() { return sigs.length > 0; }
}
