package net.nsglobal.dns.zone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One RRset of a compiled zone (RFC 2181 §5) with the RRSIGs that cover it: a view over the zone's
 * {@link ZoneTable}, whose records are made as dnsjava objects when first asked for (the slow path of a lookup,
 * whose encoded result the answer cache keeps; transfers and persistence).
 */
public final class RecordSet {
    private final ZoneTable table;
    private final int set;
    private final ZoneNode node;
    private List<Record> rrs;
    private List<RRSIGRecord> sigs;

    RecordSet(ZoneTable table, int set, ZoneNode node) {
        this.table = table;
        this.set = set;
        this.node = node;
    }

    public int getType() { return table.setType[set]; }
    public int size() { return table.setData[set]; }
    public Record first() { return rrs().get(0); }
    public boolean signed() { return table.setRrs[set + 1] - table.setRrs[set] > table.setData[set]; }

    public List<Record> rrs() {
        List<Record> r = rrs;
        if (r == null) {
            int from = table.setRrs[set];
            int type = getType();
            List<Record> out = new ArrayList<>(size());
            for (int i = from, end = from + size(); i < end; i++) out.add(table.record(node.name(), type, i));
            rrs = r = Collections.unmodifiableList(out);
        }
        return r;
    }

    public List<RRSIGRecord> sigs() {
        List<RRSIGRecord> s = sigs;
        if (s == null) {
            int from = table.setRrs[set] + size();
            int end = table.setRrs[set + 1];
            List<RRSIGRecord> out = new ArrayList<>(end - from);
            for (int i = from; i < end; i++) out.add((RRSIGRecord) table.record(node.name(), Type.RRSIG, i));
            sigs = s = Collections.unmodifiableList(out);
        }
        return s;
    }
}
