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
 *
 * <p>Every proof is assembled from two questions a validator asks about a name: "does it not exist?" (an NSEC or
 * NSEC3 covering it) and "does it own no RRset of this type?" (the NSEC or NSEC3 matching it). An existing name may
 * have no NSEC or NSEC3 of its own: an empty non-terminal has no NSEC (RFC 4035 §2.3 puts NSECs only at names with
 * data), and with opt-out an empty non-terminal above insecure delegations only has no NSEC3 (RFC 5155 §7.1). Then
 * the "no RRset" proof is the covering NSEC (its next name, a descendant, shows the name is an empty non-terminal)
 * or the closest provable encloser proof (§7.2.4). Asking "does the node have an NSEC?" instead of "which record
 * proves this name?" is how proofs around empty non-terminal wildcards (RFC 4592 §2.2.2) lose a record. A query
 * name answered from a wildcard needs the wildcard proofs whether or not its own first label is "*" (RFC 4592 §2.1.1:
 * an asterisk label in the query name is an ordinary label).
 */
final class DenialOfExistence {
    private static final base32 B32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

    private DenialOfExistence() {}

    /**
     * NXDOMAIN: RFC 4035 §3.1.3.2 (NSEC covering the name and the wildcard at the closest encloser) / RFC 5155 §7.2.2
     * (closest encloser proof and the NSEC3 covering the wildcard at the closest provable encloser).
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
     * NODATA at an existing node (RFC 4035 §3.1.3.1, RFC 5155 §7.2.3): the record proving it owns no such RRset; a
     * delegation without NSEC3 (opt-out, §7.2.4/§7.2.7) or an empty non-terminal without one gets the closest
     * provable encloser proof instead.
     */
    static void noData(Zone zone, ZoneNode node, Answer a) {
        noRRset(zone, node, a);
    }

    /** Wildcard answer: proof that the query name itself does not exist (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6). */
    static void wildcardAnswer(Zone zone, Name qname, ZoneNode encloser, Answer a) {
        if (zone.nsec3Signed()) {
            Name cpe = closestProvableEncloser(zone, encloser.name());
            nsec3Cover(zone, nextCloser(qname, cpe), a);
        } else if (zone.nsecSigned()) {
            // Also for qtype NSEC, where the answer holds the wildcard's NSEC under the query name: Knot then
            // leaves out the proof, and a validator rejects the expansion.
            nsec(zone.nsecCovering(qname), a);
        }
    }

    /**
     * Wildcard NODATA (RFC 4035 §3.1.3.4 / RFC 5155 §7.2.5): the query name does not exist (NSEC covering it; NSEC3
     * closest encloser proof) and the wildcard owns no RRset of the type — proven by its own NSEC/NSEC3 or, for an
     * empty non-terminal wildcard (RFC 4592 §2.2.2), by the record covering it.
     */
    static void wildcardNoData(Zone zone, Name qname, ZoneNode wild, ZoneNode encloser, Answer a) {
        if (zone.nsec3Signed()) {
            noRRset(zone, wild, a);
            closestEncloserProof(zone, qname, closestProvableEncloser(zone, encloser.name()), a);
        } else if (zone.nsecSigned()) {
            nsec(zone.nsecCovering(qname), a);
            noRRset(zone, wild, a);
        }
    }

    /** Referral to an unsigned delegation (RFC 4035 §3.1.4.1, RFC 5155 §7.2.7 with opt-out). */
    static void noDs(Zone zone, ZoneNode cut, Answer a) {
        noData(zone, cut, a);
    }

    /** The proof that the existing {@code node} owns no RRset of the queried type (see the class comment). */
    private static void noRRset(Zone zone, ZoneNode node, Answer a) {
        if (zone.nsec3Signed()) {
            ZoneNode match = zone.nsec3Matching(hash(zone, node.name()));
            if (match != null) {
                nsec3(match, a);
            } else if (node.name().labels() > zone.origin().labels()) {
                Name cpe = closestProvableEncloser(zone, new Name(node.name(), 1));
                closestEncloserProof(zone, node.name(), cpe, a);
            }
        } else if (zone.nsecSigned()) {
            nsec(node.has(Type.NSEC) ? node : zone.nsecCovering(node.name()), a);
        }
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
