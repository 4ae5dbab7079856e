package net.nsglobal.dns.query;

import java.util.Locale;
import net.nsglobal.dns.zone.RecordSet;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneNode;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * Authenticated denial of existence for pre-signed zones: the NSEC proofs of RFC 4035 §3.1.3 and the NSEC3 proofs
 * of RFC 5155 §7.2 (closest encloser, next closer name, wildcard; opt-out for insecure delegations, §7.2.7).
 * Unsigned zones get nothing.
 */
final class DenialOfExistence {
    private static final base32 B32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

    private DenialOfExistence() {}

    /** NXDOMAIN: RFC 4035 §3.1.3.2 (NSEC covering the name and the wildcard) / RFC 5155 §7.2.2. */
    static void nameError(Zone zone, Name qname, ZoneNode encloser, Answer a) {
        Name wild = wildcardOf(encloser.name());
        if (zone.nsec3Signed()) {
            closestEncloserProof(zone, qname, encloser.name(), a);
            if (wild != null) nsec3Cover(zone, wild, a);
        } else if (zone.nsecSigned()) {
            nsec(zone.nsecCovering(qname), a);
            if (wild != null) nsec(zone.nsecCovering(wild), a);
        }
    }

    /** NODATA at an existing node: RFC 4035 §3.1.3.1 / RFC 5155 §7.2.3 (and §7.2.4 when the node has no NSEC3). */
    static void noData(Zone zone, ZoneNode node, Answer a) {
        if (zone.nsec3Signed()) {
            ZoneNode match = zone.nsec3Matching(hash(zone, node.name()));
            if (match != null) nsec3(match, a);
            else closestProvableEncloser(zone, node.name(), a);
        } else if (zone.nsecSigned()) {
            ZoneNode own = node.has(Type.NSEC) ? node : zone.nsecCovering(node.name());
            nsec(own, a);
        }
    }

    /** Wildcard answer: proof that the query name itself does not exist (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6). */
    static void wildcardAnswer(Zone zone, Name qname, ZoneNode wild, ZoneNode encloser, int qtype, Answer a) {
        if (zone.nsec3Signed()) {
            Name nextCloser = new Name(qname, qname.labels() - encloser.name().labels() - 1);
            nsec3Cover(zone, nextCloser, a);
        } else if (zone.nsecSigned()) {
            ZoneNode cover = zone.nsecCovering(qname);
            // The wildcard's own NSEC as proof would repeat an NSEC answer (Knot leaves it out).
            if (!(qtype == Type.NSEC && cover == wild)) nsec(cover, a);
        }
    }

    /** Wildcard NODATA: RFC 4035 §3.1.3.4 / RFC 5155 §7.2.5. */
    static void wildcardNoData(Zone zone, Name qname, ZoneNode wild, ZoneNode encloser, Answer a) {
        if (zone.nsec3Signed()) {
            closestEncloserProof(zone, qname, encloser.name(), a);
            ZoneNode match = zone.nsec3Matching(hash(zone, wild.name()));
            if (match != null) nsec3(match, a);
        } else if (zone.nsecSigned()) {
            nsec(zone.nsecCovering(qname), a);
            nsec(wild.has(Type.NSEC) ? wild : zone.nsecCovering(wild.name()), a);
        }
    }

    /** Referral to an unsigned delegation (RFC 4035 §3.1.4.1, RFC 5155 §7.2.7 with opt-out). */
    static void noDs(Zone zone, ZoneNode cut, Answer a) {
        noData(zone, cut, a);
    }

    private static void closestEncloserProof(Zone zone, Name qname, Name encloser, Answer a) {
        ZoneNode match = zone.nsec3Matching(hash(zone, encloser));
        if (match != null) nsec3(match, a);
        if (qname.labels() > encloser.labels()) {
            Name nextCloser = new Name(qname, qname.labels() - encloser.labels() - 1);
            nsec3Cover(zone, nextCloser, a);
        }
    }

    /** RFC 5155 §7.2.4/§7.2.7: no NSEC3 for the name (opt-out) — prove the closest provable encloser instead. */
    private static void closestProvableEncloser(Zone zone, Name name, Answer a) {
        Name n = name;
        while (n.labels() > zone.origin().labels()) {
            Name parent = new Name(n, 1);
            ZoneNode match = zone.nsec3Matching(hash(zone, parent));
            if (match != null) {
                nsec3(match, a);
                nsec3Cover(zone, n, a);
                return;
            }
            n = parent;
        }
    }

    private static void nsec3Cover(Zone zone, Name name, Answer a) {
        String h = hash(zone, name);
        ZoneNode m = zone.nsec3Matching(h);
        nsec3(m != null ? m : zone.nsec3Covering(h), a);
    }

    private static void nsec(ZoneNode n, Answer a) {
        if (n == null) return;
        RecordSet s = n.get(Type.NSEC);
        if (s != null) a.addOnce(a.authority, s, true);
    }

    private static void nsec3(ZoneNode n, Answer a) {
        if (n == null) return;
        RecordSet s = n.get(Type.NSEC3);
        if (s != null) a.addOnce(a.authority, s, true);
    }

    private static Name wildcardOf(Name encloser) {
        try {
            return Name.concatenate(Name.fromConstantString("*"), encloser);
        } catch (NameTooLongException e) {
            return null;
        }
    }

    /** RFC 5155 §5: the hashed owner label, base32hex lowercase. */
    static String hash(Zone zone, Name name) {
        NSEC3PARAMRecord p = zone.nsec3Param();
        try {
            byte[] h = p.hashName(name);
            return B32HEX.toString(h).toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "";
        }
    }
}
