package net.nsglobal.dns.query;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.zone.RecordSet;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneNode;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * The authoritative lookup of RFC 1034 §4.3.2 over one compiled {@link Zone}, Knot-style: zone cuts give referrals
 * (AA=0), DNAME (RFC 6672 §3.1) synthesizes a CNAME with the DNAME's TTL, CNAME chains are followed while they
 * stay in the zone, wildcards follow RFC 4592 (closest encloser; an empty non-terminal blocks them), negative
 * answers carry the SOA with TTL min(SOA TTL, MINIMUM) (RFC 2308 §3), and with DO=1 every RecordSet brings its RRSIGs
 * and negative or wildcard answers bring their NSEC/NSEC3 proofs ({@link DenialOfExistence}).
 */
final class Resolver {
    /**
     * How many names of a CNAME/DNAME chain are looked up: Knot puts at most 5 CNAMEs in the answer and then stops,
     * NOERROR, without looking up the last target.
     */
    private static final int MAX_CHAIN = 5;

    private Resolver() {}

    static Answer resolve(Zone zone, Name qname, int qtype, boolean dnssec) {
        Answer a = new Answer();
        a.rcode = Rcode.NOERROR;
        List<Name> visited = new ArrayList<>();
        Name name = qname;
        for (int step = 0; step < MAX_CHAIN && name != null; step++) {
            if (visited.contains(name)) break; // CNAME loop: stop with what we have
            visited.add(name);
            name = lookup(zone, name, qtype, dnssec, a, step == 0);
        }
        return a;
    }

    /** Answers one name into {@code a}; returns the next name of a CNAME/DNAME chain to follow, or null. */
    private static Name lookup(Zone zone, Name name, int qtype, boolean dnssec, Answer a, boolean first) {
        if (!name.subdomain(zone.origin())) return null;
        int originLabels = zone.origin().labels();
        ZoneNode encloser = zone.apex();
        // Walk down from the apex: a zone cut or a DNAME above the name decides before the name itself.
        for (int labels = originLabels; labels <= name.labels(); labels++) {
            ZoneNode node = labels == originLabels ? encloser : zone.node(new Name(name, name.labels() - labels));
            if (node == null) break;
            encloser = node;
            boolean exact = labels == name.labels();
            if (node.delegation() && !(exact && qtype == Type.DS)) {
                referral(zone, node, dnssec, a, first);
                return null;
            }
            if (!exact) {
                RecordSet dname = node.get(Type.DNAME);
                if (dname != null) return synthesizeFromDname(node, dname, name, qtype, dnssec, a);
            }
        }
        if (encloser.name().equals(name)) {
            return answerFromNode(zone, encloser, name, qtype, dnssec, a, null);
        }
        // Not found: RFC 4592 §3.3.1 — the source of synthesis is "*." + closest encloser.
        Name wildName;
        try {
            wildName = Name.concatenate(Name.fromConstantString("*"), encloser.name());
        } catch (NameTooLongException e) {
            wildName = null;
        }
        ZoneNode wild = wildName == null ? null : zone.node(wildName);
        if (wild != null) {
            return answerFromNode(zone, wild, name, qtype, dnssec, a, encloser);
        }
        a.rcode = Rcode.NXDOMAIN; // RFC 6604 §2.1: the rcode describes the last name of a chain
        negativeSoa(zone, dnssec, a);
        if (dnssec) DenialOfExistence.nameError(zone, name, encloser, a);
        return null;
    }

    /**
     * Answers from an existing node, or from a wildcard node when {@code wildcardEncloser} is set (then owners are
     * rewritten to {@code name}, RFC 4592 §3.3.1, and DO=1 adds the proof that {@code name} itself does not exist).
     */
    private static Name answerFromNode(Zone zone, ZoneNode node, Name name, int qtype, boolean dnssec, Answer a,
                                       ZoneNode wildcardEncloser) {
        // Synthesized also when the query name starts with "*" ("*.x.w" answered by "*.w", RFC 4592 §2.1.1): the
        // validator still needs the proof that the query name does not exist. Knot 3.2 sends none there.
        boolean synthesized = wildcardEncloser != null;
        RecordSet cname = node.get(Type.CNAME);
        // Knot: a CNAME is followed unless the CNAME itself, ANY (RFC 8482: one RecordSet, the CNAME), the node's
        // own NSEC or its signatures were asked for.
        if (cname != null && qtype != Type.CNAME && qtype != Type.ANY && qtype != Type.NSEC && qtype != Type.RRSIG) {
            owned(a, cname, name, dnssec);
            if (synthesized && dnssec) DenialOfExistence.wildcardAnswer(zone, name, wildcardEncloser, a);
            return ((CNAMERecord) cname.first()).getTarget();
        }
        if (qtype == Type.RRSIG || (qtype == Type.ANY && node.anyAnswersSignatures())) {
            // Knot keeps a node's signatures as one RRSIG RecordSet, ordered by type among the others: an RRSIG
            // query gets the signatures of the node's first signed RecordSet, ANY gets all of them when RRSIG is the
            // node's first type. No CNAME following.
            List<Record> sigs = new ArrayList<>();
            for (RecordSet s : node.rrsets()) {
                for (RRSIGRecord r : s.sigs()) sigs.add(synthOwner(r, name));
                if (qtype == Type.RRSIG && !sigs.isEmpty()) break;
            }
            if (!sigs.isEmpty()) {
                a.answer.add(sigs, null);
                if (synthesized && dnssec) DenialOfExistence.wildcardAnswer(zone, name, wildcardEncloser, a);
                return null;
            }
        }
        RecordSet set = qtype == Type.ANY ? node.firstForAny() : node.get(qtype);
        if (set != null) {
            owned(a, set, name, dnssec);
            additional(zone, set, name, dnssec, a);
            if (synthesized && dnssec) DenialOfExistence.wildcardAnswer(zone, name, wildcardEncloser, a);
            return null;
        }
        // NODATA (RFC 2308 §2.2): NOERROR, SOA in authority.
        negativeSoa(zone, dnssec, a);
        if (dnssec) {
            if (synthesized) DenialOfExistence.wildcardNoData(zone, name, node, wildcardEncloser, a);
            else DenialOfExistence.noData(zone, node, a);
        }
        return null;
    }

    private static Name synthesizeFromDname(ZoneNode node, RecordSet dname, Name name, int qtype, boolean dnssec, Answer a) {
        DNAMERecord d = (DNAMERecord) dname.first();
        a.add(a.answer, dname, dnssec);
        Name target;
        try {
            target = name.fromDNAME(d);
        } catch (NameTooLongException e) {
            a.rcode = Rcode.YXDOMAIN; // RFC 6672 §2.2
            return null;
        }
        List<Record> cname = new ArrayList<>(1);
        cname.add(new CNAMERecord(name, d.getDClass(), d.getTTL(), target));
        a.answer.add(cname, null);
        // A CNAME question is answered by the synthesized CNAME itself (Knot does not follow it then).
        return qtype == Type.CNAME ? null : target;
    }

    private static void referral(Zone zone, ZoneNode cut, boolean dnssec, Answer a, boolean first) {
        if (first) a.authoritative = false;
        RecordSet ns = cut.get(Type.NS);
        a.add(a.authority, ns, false);
        // Knot: the DS (or its denial) only when the zone is signed.
        if (dnssec && zone.signed()) {
            RecordSet ds = cut.get(Type.DS);
            if (ds != null) a.add(a.authority, ds, true);
            else DenialOfExistence.noDs(zone, cut, a);
        }
        for (Record r : ns.rrs()) glue(zone, ((NSRecord) r).getTarget(), a, dnssec);
    }

    /**
     * RFC 1034 §4.3.2 step 6 / Knot: A and AAAA of NS, MX and SRV targets that live in this zone; SVCB and HTTPS
     * targets per RFC 9460 §4.2 ({@link ServiceBindingAdditional}). {@code owner} is the answer's owner name.
     */
    private static void additional(Zone zone, RecordSet set, Name owner, boolean dnssec, Answer a) {
        int t = set.getType();
        if (t == Type.SVCB || t == Type.HTTPS) {
            ServiceBindingAdditional.add(zone, set, owner, dnssec, a);
            return;
        }
        if (t != Type.NS && t != Type.MX && t != Type.SRV) return;
        for (Record r : set.rrs()) {
            Name target = r instanceof NSRecord ns ? ns.getTarget()
                    : r instanceof MXRecord mx ? mx.getTarget()
                    : ((SRVRecord) r).getTarget();
            glue(zone, target, a, dnssec);
        }
    }

    /** A and AAAA of {@code target} when it is in this zone; signatures only for authoritative data (not glue). */
    static void glue(Zone zone, Name target, Answer a, boolean dnssec) {
        if (!target.subdomain(zone.origin())) return;
        ZoneNode n = zone.node(target);
        if (n == null) return;
        boolean occluded = isBelowCut(zone, target);
        for (int type : new int[] {Type.A, Type.AAAA}) {
            RecordSet s = n.get(type);
            if (s != null) a.addOnce(a.additional, s, dnssec && !occluded);
        }
    }

    static boolean isBelowCut(Zone zone, Name name) {
        int originLabels = zone.origin().labels();
        for (int labels = originLabels + 1; labels <= name.labels(); labels++) {
            ZoneNode n = zone.node(new Name(name, name.labels() - labels));
            if (n == null) return false;
            if (n.delegation()) return true;
        }
        return false;
    }

    static void negativeSoa(Zone zone, boolean dnssec, Answer a) {
        RecordSet soaSet = zone.apex().get(Type.SOA);
        SOARecord soa = zone.soa();
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        List<Record> u = new ArrayList<>(1);
        u.add(withTtl(soa, ttl));
        List<Record> sigs = new ArrayList<>();
        if (dnssec) for (RRSIGRecord s : soaSet.sigs()) sigs.add(withTtl(s, ttl));
        a.addOnce(a.authority, u, sigs);
    }

    private static Record withTtl(Record r, long ttl) {
        return Record.newRecord(r.getName(), r.getType(), r.getDClass(), ttl, r.rdataToWireCanonical());
    }

    /** The RecordSet (and its RRSIGs when DO=1) with owner {@code name} (differs from the node for wildcards). */
    private static void owned(Answer a, RecordSet set, Name name, boolean dnssec) {
        List<Record> u = new ArrayList<>(set.size());
        for (Record r : set.rrs()) u.add(synthOwner(r, name));
        List<Record> sigs = new ArrayList<>();
        if (dnssec) for (RRSIGRecord s : set.sigs()) sigs.add(synthOwner(s, name));
        a.answer.add(u, sigs);
    }

    private static Record synthOwner(Record r, Name name) {
        return r.getName().equals(name) ? r : r.withName(name);
    }
}
