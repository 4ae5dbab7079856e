package net.nsglobal.dns.catalog;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/**
 * A parsed catalog zone (RFC 9432, version 2 only, §4.2): its member zones, each with its unique id (§4.3), the
 * primaries given by BIND-style custom properties (§4.5 "ext"), and the {@code coo} (§4.4.1) and {@code group}
 * (§4.4.2) properties:
 *
 * <pre>
 *   version.CAT                              TXT "2"
 *   ID.zones.CAT                             PTR member.example.
 *   coo.ID.zones.CAT                         PTR other.catalog.  ; member moves to that catalog (§4.4.1, §5.5)
 *   group.ID.zones.CAT                       TXT "gold"          ; one group per member here (§4.4.2)
 *   primaries.ext.ID.zones.CAT               A / AAAA            ; port 53 unless primaries-port says otherwise
 *   LABEL.primaries.ext.ID.zones.CAT         A / AAAA + TXT "key-name"   ; BIND: address paired with a TSIG key
 *   primaries-port.ext.ID.zones.CAT          TXT "5300"          ; NS-Global extension (BIND has no port here)
 * </pre>
 *
 * Members without primaries use the catalog's defaults (the collector, for an edge; BIND's default-primaries). A member
 * whose properties are unusable is left out and the reason kept in {@link #ignored} (see {@link MemberProperties}).
 */
public record Catalog(Name origin, Map<Name, Member> members, List<String> ignored) {
    /**
     * One member zone. {@code primaries} empty = use the catalog's defaults; {@code keyName}, {@code coo} and
     * {@code group} null = none.
     */
    public record Member(Name zone, String id, List<InetSocketAddress> primaries, Name keyName, Name coo,
                         String group) {
        public Member {
            primaries = List.copyOf(primaries);
        }

        public Member(Name zone, String id, List<InetSocketAddress> primaries, Name keyName) {
            this(zone, id, primaries, keyName, null, null);
        }
    }

    public Catalog {
        members = Map.copyOf(members);
        ignored = List.copyOf(ignored);
    }

    /** The outcome of parsing: a catalog, or why the zone is not a usable version 2 catalog. */
    public sealed interface Parsed {
        record Ok(Catalog catalog) implements Parsed {}
        record Invalid(String reason) implements Parsed {}
    }

    public static Parsed parse(Zone zone) {
        Name origin = zone.origin();
        Name zonesApex;
        Name version;
        try {
            zonesApex = Name.concatenate(Name.fromConstantString("zones"), origin);
            version = Name.concatenate(Name.fromConstantString("version"), origin);
        } catch (org.xbill.DNS.NameTooLongException e) {
            return new Parsed.Invalid("catalog " + origin + ": name too long");
        }
        String ver = null;
        Map<Name, PTRRecord> idToMember = new LinkedHashMap<>();
        Map<Name, List<Record>> ext = new HashMap<>(); // by ID owner name
        for (Record r : zone.records()) {
            Name n = r.getName();
            if (n.equals(version) && r instanceof TXTRecord t) {
                ver = String.join("", t.getStrings());
            } else if (r instanceof PTRRecord p && n.labels() == zonesApex.labels() + 1 && n.subdomain(zonesApex)) {
                idToMember.put(n, p);
            } else if (n.subdomain(zonesApex) && n.labels() > zonesApex.labels() + 1) {
                Name idOwner = new Name(n, n.labels() - zonesApex.labels() - 1);
                ext.computeIfAbsent(idOwner, k -> new ArrayList<>()).add(r);
            }
        }
        if (!"2".equals(ver)) {
            return new Parsed.Invalid("catalog " + origin + ": version.TXT is " + (ver == null ? "missing" : "\"" + ver
                    + "\"") + ", only version 2 (RFC 9432 §4.2) is supported");
        }
        Map<Name, Member> members = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        java.util.Set<Name> seen = new java.util.HashSet<>();
        for (Map.Entry<Name, PTRRecord> e : idToMember.entrySet()) {
            Name member = e.getValue().getTarget();
            if (!seen.add(member)) {
                // RFC 9432 §4.3: a zone listed twice in one catalog; keep the first
                ignored.add("member " + member + " (" + e.getKey() + ") ignored: listed twice in catalog " + origin);
                continue;
            }
            String id = e.getKey().getLabelString(0);
            MemberProperties.Verdict v = MemberProperties.read(member, id, e.getKey(),
                    ext.getOrDefault(e.getKey(), List.of()));
            if (v instanceof MemberProperties.Verdict.Ok ok) {
                members.put(member, ok.member());
            } else if (v instanceof MemberProperties.Verdict.Ignored ig) {
                ignored.add(ig.reason());
            } else if (v instanceof MemberProperties.Verdict.Broken b) {
                return new Parsed.Invalid("catalog " + origin + ": " + b.reason());
            }
        }
        return new Parsed.Ok(new Catalog(origin, members, ignored));
    }
}
