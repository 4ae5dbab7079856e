package net.nsglobal.dns.query;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.zone.RecordSet;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneNode;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;

/**
 * Additional section processing for SVCB (type 64) and HTTPS (type 65) answers, RFC 9460 §4.2: an authoritative
 * server SHOULD return the A, AAAA and SVCB records of every TargetName that is in the zone, preferring A and AAAA
 * when not everything fits. The TargetName "." stands for the owner name in ServiceMode (§2.5) and for "no service"
 * in AliasMode. For an AliasMode record the target's own RRset of the same type follows the addresses, and the
 * addresses of that RRset's ServiceMode targets come before it, so a client gets the whole chain in one reply
 * (§4.1). Knot 3.2 does the same except for "." in ServiceMode; the differential test accepts that difference.
 */
final class ServiceBindingAdditional {
    private ServiceBindingAdditional() {}

    /**
     * Adds to {@code a}'s additional section the records for the SVCB or HTTPS RRset {@code set} answered as
     * {@code owner} (the query name, which differs from the record owner for a wildcard).
     */
    static void add(Zone zone, RecordSet set, Name owner, boolean dnssec, Answer a) {
        List<RecordSet> aliasTargets = new ArrayList<>();
        for (Record r : set.rrs()) {
            SVCBBase b = (SVCBBase) r;
            Name target = effectiveTarget(b, owner);
            if (target == null) continue;
            Resolver.glue(zone, target, a, dnssec);
            if (b.getSvcPriority() == 0 && target.subdomain(zone.origin()) && !Resolver.isBelowCut(zone, target)) {
                ZoneNode n = zone.node(target);
                RecordSet next = n == null ? null : n.get(set.getType());
                if (next != null && next != set) aliasTargets.add(next);
            }
        }
        for (RecordSet next : aliasTargets) {
            for (Record r : next.rrs()) {
                SVCBBase b = (SVCBBase) r;
                Name target = b.getSvcPriority() == 0 ? null : effectiveTarget(b, r.getName());
                if (target != null) Resolver.glue(zone, target, a, dnssec);
            }
        }
        // SVCB/HTTPS RRsets last: the addresses are preferred when the reply is short of room (§4.2).
        for (RecordSet next : aliasTargets) a.addOnce(a.additional, next, dnssec);
    }

    /** The TargetName, with "." meaning the owner in ServiceMode and nothing in AliasMode (RFC 9460 §2.5). */
    private static Name effectiveTarget(SVCBBase r, Name owner) {
        Name t = r.getTargetName();
        if (!t.equals(Name.root)) return t;
        return r.getSvcPriority() == 0 ? null : owner;
    }
}
