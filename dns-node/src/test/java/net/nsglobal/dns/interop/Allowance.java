package net.nsglobal.dns.interop;

import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A named, RFC-justified difference between Knot's reply and dns-node's that the differential test accepts. Every
 * allowance here is documented in docs/differential.md with its RFC section; nothing else is excused.
 */
interface Allowance {
    String name();

    boolean excuses(Difference d);

    /** All allowances in force. */
    static List<Allowance> all() {
        return List.of(new Rfc8482Any());
    }

    /**
     * RFC 8482 §4.2: a server may answer ANY with a subset of the RRsets at the name (dns-node gives one RRset and
     * its signatures); Knot 3.2 returns them all. Accepted when dns-node's answer is a non-empty subset of Knot's,
     * whatever the other sections hold (they follow from the chosen RRset).
     */
    final class Rfc8482Any implements Allowance {
        @Override
        public String name() { return "RFC8482-ANY-SUBSET"; }

        @Override
        public boolean excuses(Difference d) {
            if (d.query().qtype() != Type.ANY || d.reference() == null || d.candidate() == null) return false;
            if (!d.kind().equals("answer") && !d.kind().equals("additional") && !d.kind().equals("authority")) {
                return false;
            }
            Map<String, Record> knot = ReplyComparator.rrSet(d.reference(), Section.ANSWER);
            Map<String, Record> node = ReplyComparator.rrSet(d.candidate(), Section.ANSWER);
            return !node.isEmpty() && knot.keySet().containsAll(node.keySet());
        }
    }
}
