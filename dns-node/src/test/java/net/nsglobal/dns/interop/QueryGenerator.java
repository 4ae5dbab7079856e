package net.nsglobal.dns.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xbill.DNS.Type;

/**
 * Seeded generator of {@link TestQuery}s over generated zones: existing names, non-existent names beside and below
 * existing ones, wildcard matches, names at and below delegations and DNAMEs, names outside every zone; every qtype
 * present in the zones plus absent ones; random qname case (RFC 4343); with and without EDNS, DO=0/1, payload
 * 512/1232/4096; UDP and TCP.
 */
final class QueryGenerator {
    static final int[] QTYPES = {
        Type.A, Type.AAAA, Type.MX, Type.TXT, Type.NS, Type.SOA, Type.DS, Type.DNSKEY, Type.NSEC, Type.NSEC3PARAM,
        Type.RRSIG, Type.ANY, Type.CNAME, Type.SRV, Type.DNAME, Type.CAA, Type.PTR, Type.HINFO, Type.NSEC3,
        0 /* reserved, RFC 6895 §3.1 */, Type.MAILB, 128 /* unassigned */, Type.SVCB, Type.HTTPS,
    };
    /** Weighted towards the types that carry data in the generated zones. */
    private static final int[] COMMON = {Type.A, Type.A, Type.A, Type.AAAA, Type.AAAA, Type.MX, Type.TXT, Type.NS,
        Type.SOA, Type.DS, Type.SRV, Type.CNAME};

    private final Random random;
    private final List<ZoneGenerator.GeneratedZone> zones;

    QueryGenerator(long seed, List<ZoneGenerator.GeneratedZone> zones) {
        this.random = new Random(seed);
        this.zones = zones;
    }

    List<TestQuery> generate(int count) {
        List<TestQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String qname = randomCase(qname());
            int qtype = random.nextInt(3) == 0 ? QTYPES[random.nextInt(QTYPES.length)]
                    : COMMON[random.nextInt(COMMON.length)];
            int bufsize = random.nextInt(4) == 0 ? 0 : new int[] {512, 1232, 4096}[random.nextInt(3)];
            boolean dnssecOk = bufsize > 0 && random.nextBoolean();
            boolean tcp = random.nextInt(10) < 3;
            int ednsVersion = bufsize > 0 && random.nextInt(100) == 0 ? 1 : 0;
            out.add(new TestQuery(i, qname, qtype, bufsize, dnssecOk, tcp, ednsVersion));
        }
        return out;
    }

    private String qname() {
        ZoneGenerator.GeneratedZone zone = zones.get(random.nextInt(zones.size()));
        int kind = random.nextInt(100);
        if (kind < 35) return any(zone.names());
        if (kind < 45) return label() + "." + parent(any(zone.names()), zone.origin());
        if (kind < 55) return label() + "." + any(zone.names());
        if (kind < 67) {
            String w = any(zone.wildcardParents());
            // Sometimes a first label "*": an ordinary label in a query name (RFC 4592 §2.1.1), still expanded.
            String star = random.nextInt(8) == 0 ? "*." : "";
            return star + (random.nextInt(4) == 0 ? label() + "." : "") + label() + "." + w;
        }
        if (kind < 79) {
            String d = any(zone.delegations());
            return switch (random.nextInt(4)) {
                case 0 -> d;
                case 1 -> "ns." + d;
                default -> label() + "." + d;
            };
        }
        if (kind < 86) {
            String d = any(zone.dnames());
            return switch (random.nextInt(5)) {
                case 0 -> d;
                case 1 -> "h." + d;
                case 2 -> "x.y." + d;
                case 3 -> "y." + d;
                default -> label() + "." + d;
            };
        }
        if (kind < 98) {
            if (random.nextBoolean()) return label() + "." + zone.origin();
            // The random subtree: 1–4 labels of the same small alphabet, plus one it never uses.
            StringBuilder n = new StringBuilder();
            int depth = 1 + random.nextInt(4);
            for (int i = 0; i < depth; i++) {
                n.append(random.nextInt(6) == 0 ? "e" : ZoneGenerator.RANDOM_LABELS[
                        random.nextInt(ZoneGenerator.RANDOM_LABELS.length)]).append('.');
            }
            return n + zone.randomRoot();
        }
        // Outside every hosted zone (RFC 1034 §4.3.2 step 2: not authoritative → REFUSED in practice).
        return label() + ".elsewhere.example.";
    }

    private String any(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private static String parent(String name, String origin) {
        if (name.equalsIgnoreCase(origin)) return origin;
        return name.substring(name.indexOf('.') + 1);
    }

    private String label() {
        String[] common = {"www", "mail", "x", "nope", "a", "h1", "foo", "ns"};
        if (random.nextInt(3) == 0) return common[random.nextInt(common.length)];
        StringBuilder s = new StringBuilder();
        int len = 1 + random.nextInt(10);
        for (int i = 0; i < len; i++) s.append((char) ('a' + random.nextInt(26)));
        return s.toString();
    }

    private String randomCase(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (char c : name.toCharArray()) s.append(random.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
        return s.toString();
    }
}
