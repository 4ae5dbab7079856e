package net.nsglobal.dns.interop;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Compares two replies to the same query: rcode (extended included), AA and TC, presence of OPT, and each section
 * (answer, authority, additional minus OPT) as a set of RRs keyed by lowercased owner, type, class, TTL and
 * canonical rdata (RFC 4034 §6.2). When either reply is truncated only flags, rcode and whether the answer section is
 * empty are compared: what fits before TC=1 legitimately varies (RFC 2181 §9, RFC 6891 §7).
 */
final class ReplyComparator {
    private ReplyComparator() { }

    static List<Difference> compare(TestQuery q, Probe.Reply reference, Probe.Reply candidate) {
        List<Difference> out = new ArrayList<>();
        Message r = reference.message();
        Message c = candidate.message();
        if (r == null || c == null) {
            if (r != c) {
                out.add(new Difference(q, "no-reply", "reference: " + describe(reference) + " | candidate: "
                        + describe(candidate), r, c));
            }
            return out;
        }
        if (r.getRcode() != c.getRcode()) {
            out.add(new Difference(q, "rcode", Rcode.string(r.getRcode()) + " vs " + Rcode.string(c.getRcode()), r, c));
        }
        for (int flag : new int[] {Flags.AA, Flags.TC}) {
            if (r.getHeader().getFlag(flag) != c.getHeader().getFlag(flag)) {
                out.add(new Difference(q, "flags", Flags.string(flag) + " " + r.getHeader().getFlag(flag) + " vs "
                        + c.getHeader().getFlag(flag), r, c));
            }
        }
        if ((r.getOPT() == null) != (c.getOPT() == null)) {
            out.add(new Difference(q, "opt", "OPT " + (r.getOPT() != null) + " vs " + (c.getOPT() != null), r, c));
        }
        boolean truncated = r.getHeader().getFlag(Flags.TC) || c.getHeader().getFlag(Flags.TC);
        if (truncated) {
            boolean re = r.getSection(Section.ANSWER).isEmpty();
            boolean ce = c.getSection(Section.ANSWER).isEmpty();
            if (re != ce) out.add(new Difference(q, "answer", "truncated; answer empty " + re + " vs " + ce, r, c));
            return out;
        }
        section(q, r, c, Section.ANSWER, "answer", out);
        section(q, r, c, Section.AUTHORITY, "authority", out);
        section(q, r, c, Section.ADDITIONAL, "additional", out);
        return out;
    }

    private static void section(TestQuery q, Message r, Message c, int section, String kind, List<Difference> out) {
        Map<String, Record> rs = rrSet(r, section);
        Map<String, Record> cs = rrSet(c, section);
        if (rs.keySet().equals(cs.keySet())) return;
        StringBuilder d = new StringBuilder();
        for (Map.Entry<String, Record> e : rs.entrySet()) {
            if (!cs.containsKey(e.getKey())) d.append("\n      only reference: ").append(e.getValue());
        }
        for (Map.Entry<String, Record> e : cs.entrySet()) {
            if (!rs.containsKey(e.getKey())) d.append("\n      only candidate: ").append(e.getValue());
        }
        out.add(new Difference(q, kind, d.toString(), r, c));
    }

    /** The section as a sorted set of RR keys (OPT excluded). */
    static Map<String, Record> rrSet(Message m, int section) {
        Map<String, Record> set = new TreeMap<>();
        for (Record rec : m.getSection(section)) {
            if (rec.getType() == Type.OPT) continue;
            set.put(key(rec), rec);
        }
        return set;
    }

    static String key(Record rec) {
        return rec.getName().toString().toLowerCase() + " " + rec.getTTL() + " " + rec.getDClass() + " "
                + Type.string(rec.getType()) + " " + HexFormat.of().formatHex(rec.rdataToWireCanonical());
    }

    private static String describe(Probe.Reply reply) {
        return reply.message() != null ? "reply" : reply.failure();
    }
}
