package net.nsglobal.dns.catalog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/**
 * A parsed catalog zone (RFC 9432, version 2 only, §4.2): its member zones, each with its unique id (§4.3) and the
 * primaries given by BIND-style custom properties (§4.4.2 "ext"):
 *
 * <pre>
 *   version.CAT                              TXT "2"
 *   ID.zones.CAT                             PTR member.example.
 *   primaries.ext.ID.zones.CAT               A / AAAA            ; port 53 unless primaries-port says otherwise
 *   LABEL.primaries.ext.ID.zones.CAT         A / AAAA + TXT "key-name"   ; BIND: address paired with a TSIG key
 *   primaries-port.ext.ID.zones.CAT          TXT "5300"          ; NS-Global extension (BIND has no port here)
 * </pre>
 *
 * Members without primaries use the catalog's defaults (the collector, for an edge; BIND's default-primaries).
 */
public record Catalog(Name origin, Map<Name, Member> members) {
    /** One member zone. {@code primaries} empty = use the catalog's defaults; {@code keyName} null = none. */
    public record Member(Name zone, String id, List<InetSocketAddress> primaries, Name keyName) {}

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
        for (Map.Entry<Name, PTRRecord> e : idToMember.entrySet()) {
            Name member = e.getValue().getTarget();
            if (members.containsKey(member)) continue; // RFC 9432 §4.3: a zone listed twice; keep the first
            String id = e.getKey().getLabelString(0);
            members.put(member, member(member, id, e.getKey(), ext.getOrDefault(e.getKey(), List.of())));
        }
        return new Parsed.Ok(new Catalog(origin, Map.copyOf(members)));
    }

    private static Member member(Name zone, String id, Name idOwner, List<Record> props) {
        Name primariesExt = Name.fromConstantString("primaries.ext.");
        Name portExt = Name.fromConstantString("primaries-port.ext.");
        int port = 53;
        List<Map.Entry<Name, InetAddress>> addrs = new ArrayList<>(); // (label or primaries.ext, address)
        Map<Name, Name> keys = new HashMap<>();
        for (Record r : props) {
            Name rel = relative(r.getName(), idOwner);
            if (rel.equals(portExt) && r instanceof TXTRecord t) {
                try {
                    port = Integer.parseInt(String.join("", t.getStrings()).trim());
                } catch (NumberFormatException ignored) {
                    // malformed: keep 53
                }
            } else if (rel.subdomain(primariesExt)) {
                InetAddress a = r instanceof ARecord ar ? ar.getAddress()
                        : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                if (a != null) addrs.add(Map.entry(rel, bare(a)));
                if (r instanceof TXTRecord t && !rel.equals(primariesExt)) {
                    try {
                        keys.put(rel, Name.fromString(String.join("", t.getStrings()), Name.root));
                    } catch (org.xbill.DNS.TextParseException ignored) {
                        // malformed key name: unsigned
                    }
                }
            }
        }
        List<InetSocketAddress> primaries = new ArrayList<>();
        Name key = null;
        for (Map.Entry<Name, InetAddress> a : addrs) {
            primaries.add(new InetSocketAddress(a.getValue(), port));
            if (key == null) key = keys.get(a.getKey());
        }
        return new Member(zone, id, primaries, key);
    }

    /** The address without the record's owner name attached as its "host name" (clearer logs). */
    private static InetAddress bare(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (java.net.UnknownHostException e) {
            return a;
        }
    }

    /** {@code name} relative to {@code owner}, as an absolute name from the root (e.g. {@code primaries.ext.}). */
    private static Name relative(Name name, Name owner) {
        int keep = name.labels() - owner.labels();
        try {
            return Name.fromString(prefix(name, keep));
        } catch (org.xbill.DNS.TextParseException e) {
            return Name.root;
        }
    }

    private static String prefix(Name name, int labels) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < labels; i++) b.append(name.getLabelString(i)).append('.');
        return b.length() == 0 ? "." : b.toString();
    }
}
