package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A named difference between Knot's reply and dns-node's that the differential test accepts. Every allowance is
 * documented in docs/differential.md with the RFC section that justifies it; nothing else is excused.
 */
interface Allowance {
    String name();

    boolean excuses(Difference d);

    /** All allowances in force; delv is the judge of {@link IncompleteKnotDenial}. */
    static List<Allowance> all(InetSocketAddress knot, InetSocketAddress candidate, Validator validator,
                               List<SignedSample.SignedZone> zones) {
        return List.of(new Rfc8482Any(), new SizeBoundary(), new IncompleteKnotDenial(knot, candidate, validator, zones),
                new SvcbAdditional());
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

    /**
     * A reply within {@value #MARGIN} bytes of the UDP size limit: whether the last RRset (or an additional RRSIG)
     * still fits depends on how well each server compresses names (RFC 1035 §4.1.4 makes compression optional) and
     * on how it estimates sizes. So at the boundary one server may set TC where the other fits the whole answer
     * (RFC 2181 §9: TC means "retry over TCP", the full answer is the same), or leave out an additional RRset or
     * RRSIG the other fits (RFC 1034 §4.3.2 step 6 and RFC 4035 §3.1.1 make the additional section best effort).
     * Accepted only over UDP, only for TC or for additional sections of which one contains the other, and only when
     * the larger reply is within the margin of the limit (the query's payload size clamped to 512…1232, the
     * servers' default maximum).
     */
    final class SizeBoundary implements Allowance {
        static final int MARGIN = 64;

        @Override
        public String name() { return "UDP-SIZE-BOUNDARY"; }

        @Override
        public boolean excuses(Difference d) {
            TestQuery q = d.query();
            if (q.tcp() || d.reference() == null || d.candidate() == null) return false;
            int limit = q.bufsize() == 0 ? 512 : Math.min(1232, Math.max(512, q.bufsize()));
            int larger = Math.max(d.reference().numBytes(), d.candidate().numBytes());
            if (larger < limit - MARGIN) return false;
            return switch (d.kind()) {
                case "flags" -> d.detail().startsWith("tc ");
                case "answer" -> d.detail().startsWith("truncated");
                case "additional" -> {
                    Map<String, Record> r = ReplyComparator.rrSet(d.reference(), Section.ADDITIONAL);
                    Map<String, Record> c = ReplyComparator.rrSet(d.candidate(), Section.ADDITIONAL);
                    yield r.keySet().containsAll(c.keySet()) || c.keySet().containsAll(r.keySet());
                }
                default -> false;
            };
        }
    }

    /**
     * RFC 9460 §4.2: an authoritative server SHOULD put the A, AAAA and SVCB records of in-zone TargetNames of an
     * SVCB or HTTPS answer in the additional section. Knot 3.2 does it for explicit TargetNames but not for "." (in
     * ServiceMode the owner, §2.5), where dns-node adds the owner's A and AAAA; and with DO Knot adds the NSEC/NSEC3
     * proving that a ServiceMode target has no SVCB RRset, which dns-node leaves out (clients never ask for SVCB
     * at a ServiceMode target, §3, so the proof serves nothing and only takes room from addresses). Accepted only
     * for SVCB/HTTPS questions and the additional section, when Knot's extra records are only NSEC/NSEC3 (and their
     * RRSIGs) and dns-node's extra records are only A, AAAA, SVCB or HTTPS records (or their RRSIGs) owned by the
     * effective TargetName of an SVCB/HTTPS record in dns-node's answer or additional section.
     */
    final class SvcbAdditional implements Allowance {
        @Override
        public String name() { return "RFC9460-SVCB-ADDITIONAL"; }

        @Override
        public boolean excuses(Difference d) {
            if (!d.kind().equals("additional") || d.reference() == null || d.candidate() == null) return false;
            int qtype = d.query().qtype();
            if (qtype != Type.SVCB && qtype != Type.HTTPS) return false;
            Map<String, Record> knot = ReplyComparator.rrSet(d.reference(), Section.ADDITIONAL);
            Map<String, Record> node = ReplyComparator.rrSet(d.candidate(), Section.ADDITIONAL);
            for (Map.Entry<String, Record> e : knot.entrySet()) {
                if (node.containsKey(e.getKey())) continue;
                Record r = e.getValue();
                int type = r instanceof org.xbill.DNS.RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
                if (type != Type.NSEC && type != Type.NSEC3) return false;
            }
            java.util.Set<org.xbill.DNS.Name> targets = new java.util.HashSet<>();
            for (int section : new int[] {Section.ANSWER, Section.ADDITIONAL}) {
                for (Record r : d.candidate().getSection(section)) {
                    if (!(r instanceof org.xbill.DNS.SVCBBase b)) continue;
                    org.xbill.DNS.Name t = b.getTargetName();
                    if (!t.equals(org.xbill.DNS.Name.root)) targets.add(t);
                    else if (b.getSvcPriority() != 0) targets.add(r.getName());
                }
            }
            if (targets.isEmpty()) return false;
            // Knot's extras, if any, are only the denial records checked above.
            for (Map.Entry<String, Record> e : node.entrySet()) {
                if (knot.containsKey(e.getKey())) continue;
                Record r = e.getValue();
                int type = r instanceof org.xbill.DNS.RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
                boolean kind = type == Type.A || type == Type.AAAA || type == Type.SVCB || type == Type.HTTPS;
                if (!kind || !targets.contains(r.getName())) return false;
            }
            return true;
        }
    }
}
