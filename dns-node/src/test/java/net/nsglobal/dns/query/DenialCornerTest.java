package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static net.nsglobal.dns.query.Fixtures.query;
import static net.nsglobal.dns.query.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.nsglobal.dns.interop.ZoneSigner;
import net.nsglobal.dns.zone.ZoneFileLoader;
import net.nsglobal.dns.zone.ZoneStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Denial-of-existence proofs around empty non-terminals and wildcards, on zones signed at test time by BIND's
 * dnssec-signzone (NSEC, NSEC3, NSEC3 with opt-out): each proof must name every record a validator needs (RFC 4035
 * §3.1.3, RFC 5155 §7.2, RFC 4592 §2.2.2). The differential test checks the same corners with delv.
 */
@Timeout(120)
class DenialCornerTest {
    /** {@code *.sub} is an empty non-terminal wildcard (only {@code host.*.sub} exists); {@code ent4} exists only
     * above an insecure delegation; {@code *.w} is an ordinary wildcard. */
    static final String ZONE = """
            @ 300 SOA ns1 host 1 3600 900 604800 300
            @ 300 NS ns1
            ns1 300 A 192.0.2.1
            host.*.sub 300 A 192.0.2.2
            *.w 300 A 192.0.2.3
            d.ent4 300 NS ns.outside.example.
            """;

    @TempDir
    static Path dir;
    static Pipeline pipeline;

    @BeforeAll
    static void sign() throws Exception {
        ZoneStore store = new ZoneStore();
        for (var z : List.of(new Object[] {"n.corner.", ZoneSigner.Denial.NSEC},
                new Object[] {"n3.corner.", ZoneSigner.Denial.NSEC3},
                new Object[] {"o3.corner.", ZoneSigner.Denial.NSEC3_OPT_OUT})) {
            String origin = (String) z[0];
            Path file = ZoneSigner.write(dir, origin, "$ORIGIN " + origin + "\n" + ZONE, (ZoneSigner.Denial) z[1]);
            store.put(ZoneFileLoader.load(Name.fromConstantString(origin), file));
        }
        pipeline = Pipeline.standard(store, Identity.of("t"), null, null);
    }

    private static Message ask(String name, int type) {
        return run(pipeline, query(name, type, DClass.IN, 4096, true, false), Transport.TCP);
    }

    /** "owner→next" of each NSEC in the authority section, relative names. */
    private static List<String> nsecs(Message m, String origin) {
        Name o = Name.fromConstantString(origin);
        return m.getSection(Section.AUTHORITY).stream().filter(r -> r instanceof NSECRecord)
                .map(r -> r.getName().relativize(o) + "→" + ((NSECRecord) r).getNext().relativize(o))
                .sorted().collect(Collectors.toList());
    }

    private static long nsec3s(Message m) {
        return m.getSection(Section.AUTHORITY).stream().filter(r -> r instanceof NSEC3Record).count();
    }

    @Test
    void wildcardNoDataAtAnEmptyNonTerminalWildcardCoversTheWildcardToo() {
        // sub.host.sub: closest encloser "sub", source of synthesis "*.sub", an empty non-terminal: NODATA. The
        // validator needs the NSEC covering the query name and the one covering "*.sub" (RFC 4035 §3.1.3.4).
        Message m = ask("sub.host.sub.n.corner.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(nsecs(m, "n.corner.")).containsExactly("host.*.sub→*.w", "ns1→host.*.sub");
    }

    @Test
    void nsec3WildcardNoDataAtAnEmptyNonTerminalWildcard() {
        // RFC 5155 §7.2.5: NSEC3s matching the closest encloser "sub" and the wildcard "*.sub", covering "host.sub".
        Message m = ask("sub.host.sub.n3.corner.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nsec3s(m)).isEqualTo(3);
    }

    @Test
    void queryNameStartingWithAsteriskGetsTheExpansionProof() {
        // "*.zz.w" is an ordinary name answered from "*.w" (RFC 4592 §2.1.1): the NSEC covering it (RFC 4035
        // §3.1.3.3), exactly as for "a.zz.w".
        Message m = ask("*.zz.w.n.corner.", Type.A);
        assertThat(m.getSection(Section.ANSWER)).isNotEmpty();
        assertThat(nsecs(m, "n.corner.")).containsExactly("*.w→@");
        assertThat(nsec3s(ask("*.zz.w.n3.corner.", Type.A))).isEqualTo(1);
    }

    @Test
    void nodataAtAnEmptyNonTerminalWithoutNsec3GetsTheClosestEncloserProof() {
        // With opt-out "ent4" (above the insecure delegation d.ent4 only) has no NSEC3 (RFC 5155 §7.1): the closest
        // provable encloser (the apex) and the opt-out NSEC3 covering "ent4" prove the NODATA (§7.2.4).
        Message m = ask("ent4.o3.corner.", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nsec3s(m)).isEqualTo(2);
    }
}
