package net.nsglobal.dns.catalog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * Reads the properties of one member zone (the records below {@code ID.zones.CAT}, RFC 9432 §4.4) into a
 * {@link Catalog.Member}. A property we implement but whose value is unusable makes the member <em>ignored</em> (the
 * verdict names the property and the value): serving the zone from a guessed primary, port or key, or in a guessed
 * group, would be worse than not serving it. Properties we do not know are skipped (§4.4: consumers ignore them).
 * One value makes the whole catalog broken: several PTRs in a {@code coo} RRset (§4.4.1).
 */
final class MemberProperties {
    private MemberProperties() {}

    /** What parsing one member's properties found. */
    sealed interface Verdict {
        record Ok(Catalog.Member member) implements Verdict {}
        /** The member is left out of the catalog; the rest of the catalog is used. */
        record Ignored(String reason) implements Verdict {}
        /** The catalog must not be processed at all (RFC 9432 §5.1: the previous version stays in use). */
        record Broken(String reason) implements Verdict {}
    }

    private static final Name COO = Name.fromConstantString("coo.");
    private static final Name GROUP = Name.fromConstantString("group.");
    private static final Name PRIMARIES = Name.fromConstantString("primaries.ext.");
    private static final Name PORT = Name.fromConstantString("primaries-port.ext.");

    /**
     * @param idOwner {@code ID.zones.CAT}
     * @param props   every record strictly below {@code idOwner}
     */
    static Verdict read(Name zone, String id, Name idOwner, List<Record> props) {
        String where = "member " + zone + " (" + idOwner + ")";
        int port = 53;
        List<Map.Entry<Name, InetAddress>> addrs = new ArrayList<>(); // (primaries.ext or LABEL.primaries.ext, address)
        Map<Name, Name> keys = new HashMap<>();
        List<Name> coo = new ArrayList<>();
        List<TXTRecord> groups = new ArrayList<>();
        for (Record r : props) {
            Name rel = relative(r.getName(), idOwner);
            if (rel.equals(COO)) {
                // §4.4.1: the value is the PTR's target, the catalog that is to own the member from now on.
                if (!(r instanceof PTRRecord p)) return ignored(where, "coo property is " + type(r) + ", not PTR");
                coo.add(p.getTarget());
            } else if (rel.equals(GROUP)) {
                if (!(r instanceof TXTRecord t)) return ignored(where, "group property is " + type(r) + ", not TXT");
                groups.add(t);
            } else if (rel.equals(PORT)) {
                if (!(r instanceof TXTRecord t)) continue;
                String v = String.join("", t.getStrings()).trim();
                port = parsePort(v);
                if (port < 0) return ignored(where, "primaries-port.ext \"" + v + "\" is not a port (1-65535)");
            } else if (rel.subdomain(PRIMARIES)) {
                InetAddress a = r instanceof ARecord ar ? ar.getAddress()
                        : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                if (a != null) addrs.add(Map.entry(rel, bare(a)));
                if (r instanceof TXTRecord t && !rel.equals(PRIMARIES)) {
                    String v = String.join("", t.getStrings());
                    try {
                        keys.put(rel, Name.fromString(v, Name.root));
                    } catch (TextParseException e) {
                        return ignored(where, "TSIG key name \"" + v + "\" at " + rel + " is not a domain name");
                    }
                }
            }
        }
        if (coo.size() > 1) {
            return new Verdict.Broken(where + ": coo has " + coo.size() + " PTR records; RFC 9432 §4.4.1 allows one");
        }
        String group = null;
        if (groups.size() > 1) return ignored(where, "group has " + groups.size() + " TXT records; one is supported");
        if (groups.size() == 1) {
            List<String> strings = groups.get(0).getStrings();
            if (strings.size() != 1 || strings.get(0).isEmpty()) {
                return ignored(where, "group TXT must be one non-empty string, is " + groups.get(0).rdataToString());
            }
            group = strings.get(0);
        }
        List<InetSocketAddress> primaries = new ArrayList<>();
        Name key = null;
        for (Map.Entry<Name, InetAddress> a : addrs) {
            primaries.add(new InetSocketAddress(a.getValue(), port));
            if (key == null) key = keys.get(a.getKey());
        }
        return new Verdict.Ok(new Catalog.Member(zone, id, primaries, key, coo.isEmpty() ? null : coo.get(0), group));
    }

    private static Verdict ignored(String where, String why) {
        return new Verdict.Ignored(where + " ignored: " + why);
    }

    private static String type(Record r) {
        return org.xbill.DNS.Type.string(r.getType());
    }

    /** 1-65535, or -1. */
    private static int parsePort(String v) {
        try {
            int p = Integer.parseInt(v);
            return p >= 1 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
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
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keep; i++) b.append(name.getLabelString(i)).append('.');
        try {
            return Name.fromString(b.length() == 0 ? "." : b.toString());
        } catch (TextParseException e) {
            return Name.root;
        }
    }
}
