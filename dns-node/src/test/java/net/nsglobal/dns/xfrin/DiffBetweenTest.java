package net.nsglobal.dns.xfrin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * {@link Diff#between} works on the zones' compiled bytes; its result must be exactly what comparing every record
 * of both versions with dnsjava's {@code Record.equals} gives ({@link #reference}, the previous implementation):
 * checked on seeded random pairs of versions of a plain, an NSEC-signed and an NSEC3-signed zone, mutated by owner
 * adds and removes, RDATA changes, TTL-only changes, case changes in owners and in names inside RDATA, duplicates,
 * reordering, and changes to RRSIGs and to the NSEC3 chain.
 */
@Timeout(120)
class DiffBetweenTest {
    private static final int SEEDS = 60;
    private static final Map<String, Zone> BASES = new TreeMap<>();

    /** The algorithm {@link Diff#between} replaced: every record of both versions in a hash set. */
    static Diff reference(Zone from, Zone to) {
        Set<Record> a = new HashSet<>(from.records());
        Set<Record> b = new HashSet<>(to.records());
        List<Record> deleted = new ArrayList<>();
        for (Record r : from.records()) if (r.getType() != Type.SOA && !b.contains(r)) deleted.add(r);
        List<Record> added = new ArrayList<>();
        for (Record r : to.records()) if (r.getType() != Type.SOA && !a.contains(r)) added.add(r);
        return new Diff(from.soa(), to.soa(), deleted, added);
    }

    static Stream<Arguments> pairs() {
        return Stream.of("plain", "n.test.signed", "n3.test.signed")
                .flatMap(base -> IntStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(base, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("pairs")
    void sameResultAsComparingEveryRecord(String base, int seed) throws Exception {
        Zone zone = base(base);
        Random rnd = new Random(seed * 31L + base.hashCode());
        Zone from = Zone.compile(zone.origin(), mutate(zone, rnd, 1));
        Zone to = Zone.compile(zone.origin(), mutate(zone, rnd, 2));

        assertSame(Diff.between(from, to), reference(from, to));
        assertSame(Diff.between(to, from), reference(to, from));
        assertThat(Diff.between(from, from).deleted()).isEmpty();
    }

    @Test
    void caseAndTtlOnlyChangesAreNoDifference() throws Exception {
        Zone zone = base("n3.test.signed");
        List<Record> changed = new ArrayList<>();
        Random rnd = new Random(1);
        for (Record r : zone.records()) {
            Record x = r.getType() == Type.SOA ? r : recaseOwner(recaseRdata(r, rnd), rnd);
            changed.add(withTtl(x, x.getTTL() + 1));
        }
        Zone to = Zone.compile(zone.origin(), changed);

        Diff d = Diff.between(zone, to);

        assertThat(d.deleted()).isEmpty();
        assertThat(d.added()).isEmpty();
    }

    @Test
    void aRemovedNsec3OwnerIsDeleted() throws Exception {
        Zone zone = base("n3.test.signed");
        List<Record> rest = new ArrayList<>();
        List<Record> gone = new ArrayList<>();
        Name owner = null;
        for (Record r : zone.records()) {
            if (owner == null && r.getType() == Type.NSEC3) owner = r.getName();
        }
        for (Record r : zone.records()) (r.getName().equals(owner) ? gone : rest).add(r);
        Zone to = Zone.compile(zone.origin(), rest);

        Diff d = Diff.between(zone, to);

        assertThat(gone).hasSizeGreaterThan(1); // the NSEC3 and its RRSIG
        assertThat(strings(d.deleted())).containsExactlyElementsOf(strings(gone));
        assertThat(d.added()).isEmpty();
    }

    private static void assertSame(Diff actual, Diff expected) {
        assertThat(strings(actual.deleted())).containsExactlyElementsOf(strings(expected.deleted()));
        assertThat(strings(actual.added())).containsExactlyElementsOf(strings(expected.added()));
        assertThat(actual.from()).isEqualTo(expected.from());
        assertThat(actual.to()).isEqualTo(expected.to());
    }

    /** toString shows what equals ignores: TTL, and the case of the owner and of names in RDATA. */
    private static List<String> strings(List<Record> records) {
        return records.stream().map(Record::toString).toList();
    }

    private static synchronized Zone base(String name) throws Exception {
        Zone z = BASES.get(name);
        if (z == null) {
            z = name.equals("plain") ? plain() : ZoneFileLoader.load(
                    Name.fromConstantString(name.substring(0, name.indexOf(".signed")) + "."), resource(name));
            BASES.put(name, z);
        }
        return z;
    }

    /** An unsigned zone with mixed-case names, CNAME and MX targets, and an RRset too big to scan. */
    private static Zone plain() throws Exception {
        Name origin = Name.fromConstantString("Plain.Test.");
        List<Record> rs = new ArrayList<>();
        rs.add(new SOARecord(origin, DClass.IN, 3600, Name.fromConstantString("ns1.plain.test."),
                Name.fromConstantString("hostmaster.plain.test."), 1, 3600, 900, 604800, 300));
        rs.add(new NSRecord(origin, DClass.IN, 3600, Name.fromConstantString("NS1.plain.test.")));
        for (int i = 0; i < 60; i++) {
            Name h = Name.fromConstantString((i % 3 == 0 ? "H" : "h") + i + ".plain.test.");
            rs.add(new ARecord(h, DClass.IN, 3600, InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) i})));
            if (i % 4 == 0) rs.add(new MXRecord(h, DClass.IN, 3600, 10, Name.fromConstantString("Mail.plain.test.")));
            if (i % 5 == 0) rs.add(new TXTRecord(h, DClass.IN, 3600, "host " + i));
            if (i % 7 == 0) {
                rs.add(new CNAMERecord(Name.fromConstantString("c" + i + ".sub.plain.test."), DClass.IN, 3600,
                        Name.fromConstantString("H" + i + ".Plain.test.")));
            }
        }
        Name big = Name.fromConstantString("big.plain.test.");
        for (int i = 0; i < 45; i++) {
            rs.add(new ARecord(big, DClass.IN, 300, InetAddress.getByAddress(new byte[] {10, 1, 0, (byte) i})));
        }
        return Zone.compile(origin, rs);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(DiffBetweenTest.class.getResource("/net/nsglobal/dns/query/" + name).toURI());
    }

    /** A version of {@code zone}: a few random changes of every kind, the SOA serial set to {@code serial}. */
    private static List<Record> mutate(Zone zone, Random rnd, long serial) throws Exception {
        List<Record> rs = new ArrayList<>();
        List<Name> owners = new ArrayList<>();
        for (Record r : zone.records()) {
            if (r instanceof SOARecord s) {
                rs.add(new SOARecord(s.getName(), DClass.IN, s.getTTL(), s.getHost(), s.getAdmin(), serial,
                        s.getRefresh(), s.getRetry(), s.getExpire(), s.getMinimum()));
                continue;
            }
            rs.add(r);
            if (owners.isEmpty() || !owners.get(owners.size() - 1).equals(r.getName())) owners.add(r.getName());
        }
        Name origin = zone.origin();
        int changes = 1 + rnd.nextInt(8);
        for (int c = 0; c < changes; c++) {
            int i = 1 + rnd.nextInt(rs.size() - 1); // never the SOA
            Record r = rs.get(i);
            switch (rnd.nextInt(11)) {
                case 0 -> { // an owner removed, with everything at it (an NSEC3 owner included)
                    Name gone = owners.get(rnd.nextInt(owners.size()));
                    if (!gone.equals(origin)) rs.removeIf(x -> x.getName().equals(gone));
                }
                case 1 -> rs.add(new ARecord(Name.fromConstantString("new" + rnd.nextInt(5) + "." + origin),
                        DClass.IN, 60, InetAddress.getByAddress(new byte[] {10, 9, 9, (byte) rnd.nextInt(3)})));
                case 2 -> rs.set(i, changedRdata(r, rnd));
                case 3 -> rs.set(i, withTtl(r, r.getTTL() + 1 + rnd.nextInt(100)));
                case 4 -> rs.set(i, recaseOwner(r, rnd));
                case 5 -> rs.set(i, recaseRdata(r, rnd));
                case 6 -> rs.add(rnd.nextBoolean() ? r : recaseRdata(r, rnd)); // a duplicate (RFC 2181 §5)
                case 7 -> Collections.shuffle(rs.subList(1, rs.size()), rnd); // RRs of a set in another order
                case 8 -> rs.remove(i);
                case 9 -> rs.add(new MXRecord(r.getName(), DClass.IN, 300, rnd.nextInt(3),
                        Name.fromConstantString((rnd.nextBoolean() ? "MAIL." : "mail.") + origin)));
                default -> { // an NSEC3 owner gets other data, or loses its NSEC3 and so leaves the chain
                    Record n3 = rs.stream().filter(x -> x.getType() == Type.NSEC3).skip(rnd.nextInt(4)).findFirst()
                            .orElse(null);
                    if (n3 == null) break;
                    if (rnd.nextBoolean()) rs.remove(n3);
                    rs.add(new TXTRecord(n3.getName(), DClass.IN, 300, "beside the NSEC3"));
                }
            }
        }
        return rs;
    }

    /** The same record with different RDATA (a type whose RDATA stays valid with its last octet changed). */
    private static Record changedRdata(Record r, Random rnd) {
        int t = r.getType();
        if (t != Type.A && t != Type.AAAA && t != Type.TXT && t != Type.RRSIG && t != Type.DNSKEY && t != Type.DS) {
            return new TXTRecord(r.getName(), DClass.IN, r.getTTL(), "was " + Type.string(t));
        }
        byte[] rdata = r.rdataToWireCanonical();
        rdata[rdata.length - 1] ^= (byte) (1 + rnd.nextInt(15));
        return Record.newRecord(r.getName(), t, DClass.IN, r.getTTL(), rdata);
    }

    private static Record withTtl(Record r, long ttl) {
        return Record.newRecord(r.getName(), r.getType(), DClass.IN, ttl, rdata(r));
    }

    /** The RDATA as the record holds it (names in their case: not the canonical form). */
    private static byte[] rdata(Record r) {
        byte[] wire = r.toWire(org.xbill.DNS.Section.ANSWER);
        return java.util.Arrays.copyOfRange(wire, r.getName().length() + 10, wire.length);
    }

    private static Record recaseOwner(Record r, Random rnd) {
        return r.withName(recase(r.getName(), rnd));
    }

    /** The same record with the names in its RDATA in another case (equal to it, RFC 4034 §6.2; not for NSEC). */
    private static Record recaseRdata(Record r, Random rnd) {
        if (r instanceof CNAMERecord c) return new CNAMERecord(c.getName(), DClass.IN, c.getTTL(), recase(c.getTarget(), rnd));
        if (r instanceof MXRecord m) {
            return new MXRecord(m.getName(), DClass.IN, m.getTTL(), m.getPriority(), recase(m.getTarget(), rnd));
        }
        if (r instanceof NSRecord n) return new NSRecord(n.getName(), DClass.IN, n.getTTL(), recase(n.getTarget(), rnd));
        if (r instanceof NSECRecord n) {
            return new NSECRecord(n.getName(), DClass.IN, n.getTTL(), recase(n.getNext(), rnd), n.getTypes());
        }
        if (r instanceof RRSIGRecord s) {
            return new RRSIGRecord(s.getName(), DClass.IN, s.getTTL(), s.getTypeCovered(), s.getAlgorithm(),
                    s.getOrigTTL(), s.getExpire(), s.getTimeSigned(), s.getFootprint(), recase(s.getSigner(), rnd),
                    s.getSignature());
        }
        return r;
    }

    private static Name recase(Name n, Random rnd) {
        char[] s = n.toString().toCharArray();
        for (int i = 0; i < s.length; i++) {
            if (Character.isLetter(s[i]) && rnd.nextInt(3) == 0) {
                s[i] = Character.isUpperCase(s[i]) ? Character.toLowerCase(s[i]) : Character.toUpperCase(s[i]);
            }
        }
        return Name.fromConstantString(new String(s));
    }
}
