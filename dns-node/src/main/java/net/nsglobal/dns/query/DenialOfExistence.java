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

    /**
     * NXDOMAIN: RFC 4035 §3.1.3.2 (NSEC covering the name and the wildcard) / RFC 5155 §7.2.2 (closest encloser
     * proof and the NSEC3 covering the wildcard at the closest provable encloser).
     */
    static void nameError(Zone zone, Name qname, ZoneNode encloser, Answer a) {
        if (zone.nsec3Signed()) {
            Name cpe = closestProvableEncloser(zone, encloser.name());
            closestEncloserProof(zone, qname, cpe, a);
            Name wild = wildcardOf(cpe);
            if (wild != null) nsec3Cover(zone, wild, a);
        } else if (zone.nsecSigned()) {
            nsec(zone.nsecCovering(qname), a);
            Name wild = wildcardOf(encloser.name());
            if (wild != null) nsec(zone.nsecCovering(wild), a);
        }
    }

    /**
     * NODATA at an existing node: its NSEC (RFC 4035 §3.1.3.1) — for an empty non-terminal, which has none, the
     * name-error style proof — or its NSEC3 (RFC 5155 §7.2.3); a delegation without NSEC3 (opt-out, §7.2.4/§7.2.7)
     * gets the closest provable encloser proof instead.
     */
    static void noData(Zone zone, ZoneNode node, Answer a) {
        noData(zone, node, node.name(), node, a);
    }

    /**
     * NODATA at {@code node}, which answers {@code qname} (itself, or a wildcard for a query name that is a wildcard
     * name); {@code closest} is the closest encloser of {@code qname}.
     */
    static void noData(Zone zone, ZoneNode node, Name qname, ZoneNode closest, Answer a) {
        if (zone.nsec3Signed()) {
            ZoneNode match = zone.nsec3Matching(hash(zone, node.name()));
            if (match != null) {
                nsec3(match, a);
            } else if (node.delegation()) {
                Name cpe = closestProvableEncloser(zone, new Name(node.name(), 1));
                closestEncloserProof(zone, node.name(), cpe, a);
            }
        } else if (zone.nsecSigned()) {
            if (node.has(Type.NSEC)) {
                nsec(node, a);
            } else {
                // Empty non-terminal: it has no NSEC, so the NSEC covering it proves it owns no RRset (RFC 4035
                // §3.1.3.2). The name exists, so no wildcard denial is needed — and Knot sends none, which shows when
                // a child label sorts before "*" and the wildcard falls under another NSEC. Only a wildcard-named
                // query answered at a wildcard ENT (closest != node) also gets the wildcard's covering NSEC.
                nsec(zone.nsecCovering(qname), a);
                Name wild = closest == node ? null : wildcardOf(closest.name());
                if (wild != null && zone.node(wild) == null) nsec(zone.nsecCovering(wild), a);
            }
        }
    }

    /** Wildcard answer: proof that the query name itself does not exist (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6). */
    static void wildcardAnswer(Zone zone, Name qname, ZoneNode wild, ZoneNode encloser, int qtype, Answer a) {
        if (zone.nsec3Signed()) {
            Name cpe = closestProvableEncloser(zone, encloser.name());
            nsec3Cover(zone, nextCloser(qname, cpe), a);
        } else if (zone.nsecSigned()) {
            ZoneNode cover = zone.nsecCovering(qname);
            // The wildcard's own NSEC as proof would repeat an NSEC answer (Knot leaves it out).
            if (!(qtype == Type.NSEC && cover == wild)) nsec(cover, a);
        }
    }

    /** Wildcard NODATA: RFC 4035 §3.1.3.4 / RFC 5155 §7.2.5. */
    static void wildcardNoData(Zone zone, Name qname, ZoneNode wild, ZoneNode encloser, Answer a) {
        if (zone.nsec3Signed()) {
            ZoneNode match = zone.nsec3Matching(hash(zone, wild.name()));
            if (match != null) nsec3(match, a);
            closestEncloserProof(zone, qname, closestProvableEncloser(zone, encloser.name()), a);
        } else if (zone.nsecSigned()) {
            // An empty non-terminal wildcard (RFC 4592 §2.2.2) has no NSEC of its own: the covering one suffices.
            if (wild.has(Type.NSEC)) nsec(wild, a);
            nsec(zone.nsecCovering(qname), a);
        }
    }

    /** Referral to an unsigned delegation (RFC 4035 §3.1.4.1, RFC 5155 §7.2.7 with opt-out). */
    static void noDs(Zone zone, ZoneNode cut, Answer a) {
        noData(zone, cut, a);
    }

    /** The NSEC3 matching the closest provable encloser and the one covering the next closer name (§7.2.1). */
    private static void closestEncloserProof(Zone zone, Name qname, Name cpe, Answer a) {
        ZoneNode match = zone.nsec3Matching(hash(zone, cpe));
        if (match != null) nsec3(match, a);
        if (qname.labels() > cpe.labels()) nsec3Cover(zone, nextCloser(qname, cpe), a);
    }

    /** The name itself or its nearest ancestor that has an NSEC3 (opt-out leaves some out), at most the apex. */
    private static Name closestProvableEncloser(Zone zone, Name name) {
        Name n = name;
        while (n.labels() > zone.origin().labels() && zone.nsec3Matching(hash(zone, n)) == null) n = new Name(n, 1);
        return n;
    }

    private static Name nextCloser(Name qname, Name encloser) {
        return new Name(qname, qname.labels() - encloser.labels() - 1);
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
