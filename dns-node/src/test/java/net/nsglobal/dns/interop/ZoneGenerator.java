package net.nsglobal.dns.interop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of zone files exercising the RFC 1034 §4.3.2 algorithm and its updates: exact matches, CNAME and
 * DNAME (RFC 6672) chains, wildcards (RFC 4592, including {@code *.} below empty non-terminals), delegations with
 * in- and out-of-bailiwick name servers (signed with DS, unsigned without), MX/SRV/NS targets for additional
 * section processing, and RRsets too large for 512 and for 1232 bytes (RFC 6891 §6.2.5 truncation).
 *
 * <p>The same seed gives the same zone text; the zone is written unsigned and signed afterwards by {@link ZoneSigner}.
 * Every generated zone has the same skeleton (so each query kind has a target in every zone) plus a seeded random
 * part (hosts, TTLs, RRset sizes) so different seeds cover different shapes.
 */
final class ZoneGenerator {
    /** A generated zone: its text and the names a query generator should aim at. */
    record GeneratedZone(String origin, String text, List<String> names, List<String> delegations,
                         List<String> wildcardParents, List<String> dnames, String randomRoot) { }

    /** Labels of the random subtree: few, so names collide into ENTs, wildcards and asterisk labels. */
    static final String[] RANDOM_LABELS = {"a", "b", "c", "d", "*"};

    private final Random random;

    ZoneGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param apexWildcard whether {@code *.<origin>} exists; it turns most NXDOMAINs into wildcard answers, so only
     *                     some zones get it
     */
    GeneratedZone generate(String origin, boolean apexWildcard) {
        return generate(origin, apexWildcard, List.of());
    }

    /**
     * @param children labels of child zones hosted on the same server: each gets a signed delegation (NS, glue, DS)
     *                 here, so DS queries at the cut must be answered from this parent (RFC 4035 §3.1.4.1)
     */
    GeneratedZone generate(String origin, boolean apexWildcard, List<String> children) {
        if (!origin.endsWith(".")) throw new IllegalArgumentException("origin must be absolute: " + origin);
        StringBuilder z = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        List<String> delegations = new ArrayList<>();
        List<String> wildcards = new ArrayList<>();
        List<String> dnames = new ArrayList<>();
        int soaTtl = pick(300, 3600, 86400);
        int minimum = pick(60, 300, 7200);
        z.append("$ORIGIN ").append(origin).append('\n');
        z.append("$TTL ").append(pick(300, 3600)).append('\n');
        // Apex: SOA minimum and SOA TTL differ so the RFC 2308 §5 negative TTL (min of both) is exercised.
        rr(z, "@", soaTtl, "SOA", "ns1 hostmaster " + (1000 + random.nextInt(100000)) + " 3600 900 604800 " + minimum);
        rr(z, "@", 3600, "NS", "ns1");
        rr(z, "@", 3600, "NS", "ns2");
        rr(z, "@", 3600, "NS", "ns.outside.example.");
        rr(z, "@", 3600, "MX", "10 mail");
        rr(z, "@", 3600, "MX", "20 mx.outside.example.");
        rr(z, "@", 600, "TXT", "\"v=spf1 -all\"");
        rr(z, "@", 600, "A", ipv4());
        rr(z, "@", 600, "AAAA", ipv6());
        names.add("@");
        for (String ns : List.of("ns1", "ns2", "mail")) {
            rr(z, ns, 3600, "A", ipv4());
            rr(z, ns, 3600, "AAAA", ipv6());
            names.add(ns);
        }
        // Hosts with a seeded mix of types.
        int hosts = 8 + random.nextInt(12);
        for (int i = 0; i < hosts; i++) {
            String h = "h" + i;
            names.add(h);
            int ttl = pick(60, 300, 3600);
            if (random.nextInt(4) != 0) rr(z, h, ttl, "A", ipv4());
            if (random.nextInt(3) == 0) rr(z, h, ttl, "A", ipv4());
            if (random.nextInt(2) == 0) rr(z, h, ttl, "AAAA", ipv6());
            if (random.nextInt(4) == 0) rr(z, h, ttl, "TXT", "\"host " + i + "\"");
            if (random.nextInt(5) == 0) rr(z, h, ttl, "MX", "5 h" + random.nextInt(hosts));
            if (random.nextInt(6) == 0) rr(z, h, ttl, "CAA", "0 issue \"ca.example\"");
        }
        rr(z, "www", 300, "CNAME", "h0");
        names.add("www");
        // Empty non-terminals: a.b.c exists, so b.c and c are ENTs (RFC 4592 §2.2.2).
        rr(z, "a.b.c", 300, "A", ipv4());
        rr(z, "a.b.c", 300, "TXT", "\"deep\"");
        names.add("a.b.c");
        names.add("b.c");
        names.add("c");
        // Wildcards: a plain one, one with several types, one below an ENT, one owning a CNAME, one owning an MX.
        rr(z, "*.wild", 300, "A", ipv4());
        rr(z, "*.wild", 300, "TXT", "\"wildcard\"");
        rr(z, "*.wild", 300, "MX", "10 mail");
        rr(z, "explicit.wild", 300, "A", ipv4());
        names.add("wild");
        names.add("explicit.wild");
        wildcards.add("wild");
        rr(z, "*.sub.ent", 300, "AAAA", ipv6());
        rr(z, "*.sub.ent", 300, "SRV", "0 5 443 h1");
        names.add("sub.ent");
        names.add("ent");
        wildcards.add("sub.ent");
        rr(z, "*.cw", 300, "CNAME", "h1");
        wildcards.add("cw");
        names.add("cw");
        if (apexWildcard) {
            rr(z, "*", 120, "TXT", "\"apex wildcard\"");
            wildcards.add("@");
        }
        // CNAME chains: in-zone, to out-of-zone, to a wildcard, to a non-existent name, into a delegation.
        rr(z, "c1", 300, "CNAME", "c2");
        rr(z, "c2", 300, "CNAME", "c3");
        rr(z, "c3", 300, "CNAME", "h" + random.nextInt(hosts));
        rr(z, "cext", 300, "CNAME", "www.outside.example.");
        rr(z, "cwild", 300, "CNAME", "match.wild");
        rr(z, "cnx", 300, "CNAME", "nothere");
        rr(z, "cdeleg", 300, "CNAME", "host.deleg1");
        rr(z, "cdname", 300, "CNAME", "h.dn");
        names.addAll(List.of("c1", "c2", "c3", "cext", "cwild", "cnx", "cdeleg", "cdname"));
        // A CNAME loop, a chain longer than servers follow (Knot stops after a fixed count), a CNAME to the apex.
        rr(z, "loop1", 300, "CNAME", "loop2");
        rr(z, "loop2", 300, "CNAME", "loop1");
        for (int i = 0; i < 12; i++) rr(z, "long" + i, 300, "CNAME", i == 11 ? "h0" : "long" + (i + 1));
        rr(z, "capex", 300, "CNAME", "@");
        names.addAll(List.of("loop1", "loop2", "long0", "long5", "capex"));
        // DNAME: to an in-zone subtree, a chain of two, and out of zone.
        rr(z, "target", 300, "A", ipv4());
        rr(z, "h.target", 300, "A", ipv4());
        rr(z, "h.target", 300, "AAAA", ipv6());
        rr(z, "x.y.target", 300, "TXT", "\"deep target\"");
        rr(z, "dn", 300, "DNAME", "target");
        rr(z, "dn2", 300, "DNAME", "dn");
        rr(z, "dnext", 300, "DNAME", "outside.example.");
        names.addAll(List.of("target", "h.target", "x.y.target", "y.target", "dn", "dn2", "dnext"));
        dnames.addAll(List.of("dn", "dn2", "dnext"));
        // Delegations: in-bailiwick glue with DS; sibling (in-zone, out of the child) name server without DS;
        // out-of-zone name server with DS; mixed without DS.
        rr(z, "deleg1", 3600, "NS", "ns.deleg1");
        rr(z, "deleg1", 3600, "NS", "ns2.deleg1");
        rr(z, "ns.deleg1", 3600, "A", ipv4());
        rr(z, "ns.deleg1", 3600, "AAAA", ipv6());
        rr(z, "ns2.deleg1", 3600, "A", ipv4());
        rr(z, "deleg1", 3600, "DS", ds());
        rr(z, "deleg2", 3600, "NS", "ns1");
        rr(z, "deleg2", 3600, "NS", "ns.deleg1");
        rr(z, "deleg3", 3600, "NS", "ns.outside.example.");
        rr(z, "deleg3", 3600, "DS", ds());
        rr(z, "deleg4", 3600, "NS", "ns.deleg4");
        rr(z, "deleg4", 3600, "NS", "ns.outside.example.");
        rr(z, "ns.deleg4", 3600, "A", ipv4());
        int extraDelegations = 1 + random.nextInt(4);
        for (int i = 0; i < extraDelegations; i++) {
            String d = "zd" + i;
            rr(z, d, 3600, "NS", "ns.outside.example.");
            if (random.nextBoolean()) rr(z, d, 3600, "DS", ds());
            delegations.add(d);
        }
        // Denial corners (RFC 4592 §2.2.2, RFC 5155 §7.1): host.*.ew makes "ew" and the wildcard "*.ew" empty
        // non-terminals; z.*.q.ewq puts an empty non-terminal wildcard below the empty non-terminal q.ewq, itself below
        // the wildcard *.ewq; "oe" exists only above an insecure delegation, so opt-out leaves it without NSEC3.
        rr(z, "host.*.ew", 300, "A", "192.0.2.77");
        rr(z, "*.ewq", 300, "TXT", "\"ewq\"");
        rr(z, "z.*.q.ewq", 300, "A", "192.0.2.78");
        rr(z, "d.oe", 3600, "NS", "ns.outside.example.");
        names.addAll(List.of("ew", "*.ew", "host.*.ew", "ewq", "*.ewq", "q.ewq", "*.q.ewq", "z.*.q.ewq", "oe"));
        wildcards.addAll(List.of("ew", "ewq", "q.ewq"));
        delegations.add("d.oe");
        // Service bindings (RFC 9460): ServiceMode with TargetName "." and with an in-zone target, AliasMode to an
        // in-zone name, a target out of zone — additional section processing, §4.2.
        rr(z, "svc", 300, "A", "192.0.2.80");
        rr(z, "svc", 300, "AAAA", "2001:db8::80");
        rr(z, "svc", 300, "HTTPS", "1 . alpn=h2");
        rr(z, "_dns.svc", 300, "SVCB", "1 ns1 alpn=dot port=853");
        rr(z, "alias", 300, "HTTPS", "0 svc");
        rr(z, "svcout", 300, "HTTPS", "1 svc.outside.example. alpn=h2");
        names.addAll(List.of("svc", "_dns.svc", "alias", "svcout"));
        for (String child : children) {
            rr(z, child, 3600, "NS", "ns1." + child);
            rr(z, child, 3600, "NS", "ns2." + child);
            rr(z, "ns1." + child, 3600, "A", ipv4());
            rr(z, "ns2." + child, 3600, "A", ipv4());
            rr(z, child, 3600, "DS", ds());
            delegations.add(child);
        }
        delegations.addAll(List.of("deleg1", "deleg2", "deleg3", "deleg4"));
        names.addAll(delegations);
        // Additional section processing: SRV and MX targets in zone and out.
        rr(z, "_sip._tcp", 300, "SRV", "0 5 5060 h0");
        rr(z, "_sip._tcp", 300, "SRV", "10 5 5060 sipx.outside.example.");
        rr(z, "_ldap._tcp", 300, "SRV", "0 0 389 ns1");
        rr(z, "mxhost", 300, "MX", "10 mail");
        rr(z, "mxhost", 300, "MX", "20 h1");
        rr(z, "mxhost", 300, "MX", "30 ns.deleg1");
        names.addAll(List.of("_sip._tcp", "_tcp", "_ldap._tcp", "mxhost"));
        // Large RRsets: over 512 bytes, and over 1232 bytes (and so over 512 too).
        int txt512 = 3 + random.nextInt(2);
        for (int i = 0; i < txt512; i++) rr(z, "big512", 300, "TXT", "\"" + filler(150, i) + "\"");
        int txt1232 = 6 + random.nextInt(3);
        for (int i = 0; i < txt1232; i++) rr(z, "big1232", 300, "TXT", "\"" + filler(220, i) + "\"");
        int manyA = 30 + random.nextInt(10);
        for (int i = 0; i < manyA; i++) rr(z, "manya", 300, "A", "10.1." + (i / 200) + "." + (i % 200 + 1));
        int manyAaaa = 45 + random.nextInt(10);
        for (int i = 0; i < manyAaaa; i++) rr(z, "manyaaaa", 300, "AAAA", "2001:db8:1::" + Integer.toHexString(i + 1));
        names.addAll(List.of("big512", "big1232", "manya", "manyaaaa"));
        // Label bytes outside A-Z/a-z: only ASCII letters compare case-insensitively (RFC 4343 §3), so "@x" must
        // not match "`x", byte 0xC1 not 0xE1, "_sip" not DEL+"sip" (a lowercasing by OR 0x20 would confuse them);
        // a dot inside a label and a space are ordinary bytes. ("[" is left out: dnssec-signzone writes it
        // unescaped in NSEC next names and Knot's zone parser rejects that.)
        for (String owner : List.of("\\064x.esc", "\\193x.esc", "a\\.b.esc", "\\032sp.esc")) {
            rr(z, owner, 300, "A", ipv4());
            names.add(owner);
        }
        names.addAll(List.of("\\096x.esc", "\\225x.esc", "a.b.esc", "esc", "\\127sip._tcp"));
        // An RRset whose RRs have different TTLs (RFC 2181 §5.2 forbids it, zone files still contain it).
        rr(z, "mixttl", 300, "A", ipv4());
        rr(z, "mixttl", 600, "A", ipv4());
        names.add("mixttl");
        randomSubtree(z, names, wildcards);
        List<String> absolute = new ArrayList<>();
        for (String n : names) absolute.add(n.equals("@") ? origin : n + "." + origin);
        return new GeneratedZone(origin, z.toString(), absolute, abs(delegations, origin), abs(wildcards, origin),
                abs(dnames, origin), "r." + origin);
    }

    /**
     * A seeded random subtree under {@code r}: names of 1–3 labels from {@link #RANDOM_LABELS}, each holding data
     * (A/AAAA/TXT/MX) or a CNAME (to a random name of the subtree, existing or not, or out of zone). This yields
     * ENTs, wildcards at several depths, asterisk labels that are not wildcards (RFC 4592 §2.1.1: {@code a.*.r})
     * and empty non-terminal wildcards (RFC 4592 §2.2.2) without hand-writing each case.
     */
    private void randomSubtree(StringBuilder z, Set<String> names, List<String> wildcards) {
        Set<String> owners = new LinkedHashSet<>();
        int count = 20 + random.nextInt(20);
        while (owners.size() < count) {
            StringBuilder n = new StringBuilder();
            int depth = 1 + random.nextInt(3);
            for (int i = 0; i < depth; i++) n.append(RANDOM_LABELS[random.nextInt(RANDOM_LABELS.length)]).append('.');
            owners.add(n + "r");
        }
        List<String> list = new ArrayList<>(owners);
        for (String owner : list) {
            names.add(owner);
            if (owner.startsWith("*.")) wildcards.add(owner.substring(2));
            // An asterisk label further down ("a.*.b.r") makes "*.b.r" an empty non-terminal wildcard.
            for (int at = owner.indexOf(".*.") + 1; at > 0; at = owner.indexOf(".*.", at) + 1) {
                wildcards.add(owner.substring(at + 2));
            }
            if (random.nextInt(5) == 0) {
                String target = switch (random.nextInt(4)) {
                    case 0 -> "zz.r";
                    case 1 -> "cname.outside.example.";
                    default -> list.get(random.nextInt(list.size()));
                };
                rr(z, owner, 300, "CNAME", target);
                continue;
            }
            int types = 1 + random.nextInt(2);
            for (int t = 0; t < types; t++) {
                switch (random.nextInt(4)) {
                    case 0 -> rr(z, owner, 300, "A", ipv4());
                    case 1 -> rr(z, owner, 300, "AAAA", ipv6());
                    case 2 -> rr(z, owner, 300, "TXT", "\"" + owner + "\"");
                    default -> rr(z, owner, 300, "MX", "10 " + list.get(random.nextInt(list.size())));
                }
            }
        }
    }

    /**
     * Questions ("name TYPE") at the denial and service-binding corners of the skeleton, validated in every run
     * whatever the sample: the closest encloser's wildcard an empty non-terminal (below a non-existent name, and
     * NODATA), a query name starting with "*" answered from a wildcard, an empty non-terminal wildcard below a
     * wildcard, an empty non-terminal above an insecure delegation and a name below it, a wildcard whose closest
     * encloser is an empty non-terminal, SVCB/HTTPS answers.
     */
    static List<String> cornerQuestions(String origin) {
        List<String> out = new ArrayList<>();
        for (String q : List.of("sub.host.ew A", "x.ew TXT", "*.ew A", "*.x.wild A", "*.x.wild AAAA", "x.y.q.ewq A",
                "x.y.q.ewq TXT", "oe A", "x.oe A", "x.sub.ent AAAA", "x.sub.ent TXT", "*.y.sub.ent TXT", "x.cw A",
                "*.x.cw A", "svc HTTPS", "alias HTTPS", "_dns.svc SVCB")) {
            String[] w = q.split(" ");
            out.add(w[0] + "." + origin + " " + w[1]);
        }
        return out;
    }

    private static List<String> abs(List<String> rel, String origin) {
        List<String> out = new ArrayList<>();
        for (String n : rel) out.add(n.equals("@") ? origin : n + "." + origin);
        return out;
    }

    private static void rr(StringBuilder z, String owner, int ttl, String type, String rdata) {
        z.append(owner).append('\t').append(ttl).append("\tIN\t").append(type).append('\t').append(rdata).append('\n');
    }

    private int pick(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String ipv4() {
        return "192.0.2." + (1 + random.nextInt(254));
    }

    private String ipv6() {
        return "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
    }

    private String ds() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 32; i++) hex.append(String.format("%02X", random.nextInt(256)));
        return (1 + random.nextInt(65534)) + " 13 2 " + hex;
    }

    private String filler(int length, int index) {
        StringBuilder s = new StringBuilder("part").append(index).append('-');
        while (s.length() < length) s.append((char) ('a' + random.nextInt(26)));
        return s.toString();
    }
}
