package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Knot 3.2 leaves records out of some denial-of-existence proofs around wildcards: the NSEC or NSEC3 covering a
 * wildcard that is an empty non-terminal ({@code *.b.r} existing only because {@code a.*.b.r} does; RFC 4035
 * §3.1.3.4, RFC 4592 §2.2.2), the closest encloser proof of a wildcard NODATA answer (RFC 5155 §7.2.5), and every
 * proof for a query name whose first label is "*" answered from a wildcard ({@code *.x.wild} from {@code *.wild};
 * RFC 4592 §2.1.1 makes that label ordinary). dns-node includes them. A real validator is the judge: delv must
 * rate dns-node's answer strictly better than Knot's (bogus → insecure or secure, insecure → secure).
 *
 * <p>Accepted only when, in the complete (TCP) replies: rcode and answer are the same for Knot and dns-node; dns-node's
 * authority section holds all of Knot's plus only NSEC/NSEC3 records and their RRSIGs; and delv rates dns-node's
 * answer to the question strictly better than Knot's. A TC difference over UDP is accepted when those TCP replies pass that
 * check (the complete proof being larger, it may not fit where Knot's incomplete one does).
 */
final class IncompleteKnotDenial implements Allowance {
    private final InetSocketAddress knot;
    private final InetSocketAddress candidate;
    private final Validator validator;
    private final List<SignedSample.SignedZone> zones;

    IncompleteKnotDenial(InetSocketAddress knot, InetSocketAddress candidate, Validator validator,
                         List<SignedSample.SignedZone> zones) {
        this.knot = knot;
        this.candidate = candidate;
        this.validator = validator;
        this.zones = zones;
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
        if (k == null || c == null) return false;
        if (k.getRcode() != c.getRcode()) return false;
        if (k.getHeader().getFlag(Flags.TC) || c.getHeader().getFlag(Flags.TC)) return false;
        if (!ReplyComparator.rrSet(k, Section.ANSWER).keySet().equals(ReplyComparator.rrSet(c, Section.ANSWER).keySet())) {
            return false;
        }
        Map<String, Record> ka = ReplyComparator.rrSet(k, Section.AUTHORITY);
        Map<String, Record> ca = ReplyComparator.rrSet(c, Section.AUTHORITY);
        if (!ca.keySet().containsAll(ka.keySet())) return false;
        Set<String> extra = new HashSet<>(ca.keySet());
        extra.removeAll(ka.keySet());
        if (extra.isEmpty()) return tc || truncatedAnswer; // identical complete replies: only the UDP size differed
        for (String key : extra) {
            Record r = ca.get(key);
            int covered = r instanceof RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
            if (covered != Type.NSEC && covered != Type.NSEC3) return false;
        }
        SignedSample.SignedZone zone = SignedSample.zoneOf(q.qname(), zones);
        if (zone == null) return false;
        // A validator does not check an answer to qtype RRSIG (RRSIGs are not signed, RFC 4035 §2.2); its proof is
        // the one sent with the covered type, so that question is validated instead.
        int qtype = q.qtype();
        if (qtype == Type.RRSIG) {
            qtype = c.getSection(Section.ANSWER).stream().filter(r -> r instanceof RRSIGRecord)
                    .mapToInt(r -> ((RRSIGRecord) r).getTypeCovered()).findFirst().orElse(Type.RRSIG);
        }
        Validator.Verdict theirs = validator.validate(knot, zone.root(), q.qname(), qtype).verdict();
        Validator.Verdict ours = validator.validate(candidate, zone.root(), q.qname(), qtype).verdict();
        boolean better = ours != Validator.Verdict.BOGUS && theirs.compareTo(ours) > 0;
        if (!better) {
            System.out.println("[differential] " + name() + " does not excuse " + q.describe() + ": delv says knot "
                    + theirs + ", " + "candidate " + ours);
        }
        return better;
    }
}
