package net.nsglobal.dns.interop;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Chooses which questions of the differential run a real validator checks: a delv run costs a process, so not all
 * of them, but every proof shape. Each signed-zone question answered authoritatively is asked once more (TCP, DO)
 * and filed under its shape — denial kind of the zone, NXDOMAIN / NODATA / answer, wildcard expansion, a query name
 * starting with "*", a CNAME chain, DS, and how many NSEC/NSEC3 records the proof holds; the sample takes the shapes
 * round-robin, so rare corners are not crowded out by common ones. Fixed corner questions always come first.
 */
final class SignedSample {
    /** A signed zone of the run: its origin, denial kind and the trust anchor delv starts from. */
    record SignedZone(String origin, ZoneSigner.Denial denial, String root) { }

    /** One question to validate, with its shape and the zone it belongs to. */
    record Question(String qname, int qtype, String shape, SignedZone zone) { }

    /** Types delv can ask for as an ordinary question (meta types, ANY and RRSIG are left out). */
    private static final Set<Integer> TYPES = Set.of(Type.A, Type.AAAA, Type.MX, Type.TXT, Type.NS, Type.SOA,
            Type.DS, Type.DNSKEY, Type.SRV, Type.CNAME, Type.DNAME, Type.CAA, Type.PTR, Type.HINFO, Type.NSEC,
            Type.NSEC3PARAM, Type.SVCB, Type.HTTPS);

    private SignedSample() { }

    /**
     * Up to {@code budget} questions: {@code corners} first, then the run's queries by shape, round-robin. Questions
     * whose answer leaves the signed zones (a CNAME or DNAME out, a referral after a chain) are not validated: delv
     * would ask the test server for names it does not serve.
     */
    static List<Question> choose(List<TestQuery> queries, List<String> corners, InetSocketAddress server,
                                 List<SignedZone> zones, int budget) {
        Set<String> seen = new HashSet<>();
        List<Question> out = new ArrayList<>();
        for (String corner : corners) {
            String[] w = corner.split(" ");
            Question q = classify(new TestQuery(-1, w[0], Type.value(w[1]), 4096, true, true), server, zones);
            if (q != null && seen.add(key(q))) out.add(new Question(q.qname(), q.qtype(), "corner/" + q.shape(), q.zone()));
        }
        Map<String, List<Question>> byShape = new TreeMap<>();
        for (TestQuery t : queries) {
            if (!TYPES.contains(t.qtype())) continue;
            Question q = classify(t, server, zones);
            if (q != null && seen.add(key(q))) byShape.computeIfAbsent(q.shape(), k -> new ArrayList<>()).add(q);
        }
        for (int round = 0; out.size() < budget; round++) {
            boolean any = false;
            for (List<Question> l : byShape.values()) {
                if (round < l.size() && out.size() < budget) {
                    out.add(l.get(round));
                    any = true;
                }
            }
            if (!any) break;
        }
        return out;
    }

    /** How many questions of each shape a sample holds. */
    static Map<String, Integer> shapes(List<Question> sample) {
        Map<String, Integer> m = new TreeMap<>();
        for (Question q : sample) m.merge(q.shape(), 1, Integer::sum);
        return m;
    }

    private static String key(Question q) {
        return q.qname().toLowerCase(Locale.ROOT) + "/" + q.qtype();
    }

    private static Question classify(TestQuery t, InetSocketAddress server, List<SignedZone> zones) {
        SignedZone zone = zoneOf(t.qname(), zones);
        if (zone == null) return null;
        // The apex DS lives in a parent the test does not serve (except for a hosted child, whose root is the parent).
        if (t.qtype() == Type.DS && t.qname().equalsIgnoreCase(zone.root())) return null;
        Message m = Probe.send(server, new TestQuery(t.index(), t.qname(), t.qtype(), 4096, true, true)).message();
        if (m == null || !m.getHeader().getFlag(Flags.AA) || m.getHeader().getFlag(Flags.TC)) return null;
        if (m.getRcode() != Rcode.NOERROR && m.getRcode() != Rcode.NXDOMAIN) return null;
        List<Record> answer = m.getSection(Section.ANSWER);
        List<Record> authority = m.getSection(Section.AUTHORITY);
        boolean chain = false;
        boolean expanded = false;
        for (Record r : answer) {
            if (r instanceof CNAMERecord c) {
                chain = true;
                if (zoneOf(c.getTarget().toString(), zones) == null) return null;
            }
            if (r.getType() == Type.DNAME) chain = true;
            if (r instanceof RRSIGRecord s && s.getLabels() < plainLabels(r.getName())) expanded = true;
        }
        if (chain && (isLoop(answer) || authority.stream().anyMatch(r -> r.getType() == Type.NS))) return null;
        long proof = authority.stream().filter(r -> r instanceof NSECRecord || r instanceof NSEC3Record).count();
        String kind = m.getRcode() == Rcode.NXDOMAIN ? "nxdomain" : answer.isEmpty() ? "nodata" : "answer";
        boolean star = t.qname().startsWith("*.");
        String shape = zone.denial().name().toLowerCase(Locale.ROOT) + "/" + kind + (expanded ? "+wildcard" : "")
                + (star ? "+star" : "") + (chain ? "+chain" : "") + (t.qtype() == Type.DS ? "+ds" : "")
                + "/proof" + proof;
        return new Question(t.qname(), t.qtype(), shape, zone);
    }

    /** Labels of an owner name as an RRSIG counts them (RFC 4034 §3.1.3: no root, no leading "*"). */
    private static int plainLabels(Name n) {
        return n.labels() - 1 - (n.isWild() ? 1 : 0);
    }

    /** A CNAME chain that comes back to one of its owners (delv would follow it until it gives up). */
    private static boolean isLoop(List<Record> answer) {
        Map<Name, Name> links = new LinkedHashMap<>();
        for (Record r : answer) if (r instanceof CNAMERecord c) links.put(c.getName(), c.getTarget());
        for (Name target : links.values()) if (links.containsKey(target)) {
            Name n = target;
            for (int i = 0; i <= links.size(); i++) {
                n = links.get(n);
                if (n == null) break;
                if (n.equals(target)) return true;
            }
        }
        return false;
    }

    /** The most specific signed zone holding {@code qname}, or null (unsigned zone or outside every zone). */
    static SignedZone zoneOf(String qname, List<SignedZone> zones) {
        String n = qname.toLowerCase(Locale.ROOT);
        if (!n.endsWith(".")) n += ".";
        SignedZone best = null;
        for (SignedZone z : zones) {
            if ((n.equals(z.origin()) || n.endsWith("." + z.origin()))
                    && (best == null || z.origin().length() > best.origin().length())) best = z;
        }
        return best;
    }
}
