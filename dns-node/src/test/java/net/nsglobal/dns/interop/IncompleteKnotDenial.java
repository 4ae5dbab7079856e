package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Knot 3.2 leaves records out of some denial-of-existence proofs around wildcards whose source of synthesis is an
 * empty non-terminal ({@code *.b.r} existing only because {@code a.*.b.r} does) or whose closest encloser is one:
 * the NSEC covering the wildcard (RFC 4035 §3.1.3.2, §3.1.3.4) or the closest encloser proof of a wildcard NODATA
 * answer (RFC 5155 §7.2.5). dns-node includes them, and so does NSD 4.6, which therefore serves as the tie-breaker.
 *
 * <p>Accepted only when, in the complete (TCP) replies: rcode and answer are the same for Knot and dns-node; dns-node's
 * authority section holds all of Knot's plus only NSEC/NSEC3 records and their RRSIGs; and NSD's authority section
 * is exactly dns-node's. A TC difference over UDP is accepted when those TCP replies pass that check (the complete
 * proof being larger, it may not fit where Knot's incomplete one does).
 */
final class IncompleteKnotDenial implements Allowance {
    private final InetSocketAddress knot;
    private final InetSocketAddress candidate;
    private final InetSocketAddress nsd;

    IncompleteKnotDenial(InetSocketAddress knot, InetSocketAddress candidate, InetSocketAddress nsd) {
        this.knot = knot;
        this.candidate = candidate;
        this.nsd = nsd;
    }

    @Override
    public String name() { return "KNOT-INCOMPLETE-WILDCARD-DENIAL"; }

    @Override
    public boolean excuses(Difference d) {
        if (!d.query().dnssecOk()) return false;
        boolean tc = d.kind().equals("flags") && d.detail().startsWith("tc ");
        boolean truncatedAnswer = d.kind().equals("answer") && d.detail().startsWith("truncated");
        if (!d.kind().equals("authority") && !tc && !truncatedAnswer) return false;
        TestQuery q = d.query();
        TestQuery overTcp = new TestQuery(q.index(), q.qname(), q.qtype(), q.bufsize(), true, true, q.ednsVersion());
        Message k = Probe.send(knot, overTcp).message();
        Message c = Probe.send(candidate, overTcp).message();
        Message n = Probe.send(nsd, overTcp).message();
        if (k == null || c == null || n == null) return false;
        if (k.getRcode() != c.getRcode() || n.getRcode() != c.getRcode()) return false;
        if (k.getHeader().getFlag(Flags.TC) || c.getHeader().getFlag(Flags.TC)) return false;
        if (!ReplyComparator.rrSet(k, Section.ANSWER).keySet().equals(ReplyComparator.rrSet(c, Section.ANSWER).keySet())) {
            return false;
        }
        Map<String, Record> ka = ReplyComparator.rrSet(k, Section.AUTHORITY);
        Map<String, Record> ca = ReplyComparator.rrSet(c, Section.AUTHORITY);
        Map<String, Record> na = ReplyComparator.rrSet(n, Section.AUTHORITY);
        if (!ca.keySet().containsAll(ka.keySet()) || !na.keySet().equals(ca.keySet())) return false;
        Set<String> extra = new HashSet<>(ca.keySet());
        extra.removeAll(ka.keySet());
        if (extra.isEmpty()) return tc || truncatedAnswer; // identical complete replies: only the UDP size differed
        for (String key : extra) {
            Record r = ca.get(key);
            int covered = r instanceof RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
            if (covered != Type.NSEC && covered != Type.NSEC3) return false;
        }
        return true;
    }
}
