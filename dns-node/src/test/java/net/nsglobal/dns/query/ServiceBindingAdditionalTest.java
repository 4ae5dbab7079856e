package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static net.nsglobal.dns.query.Fixtures.query;
import static net.nsglobal.dns.query.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.nsglobal.dns.interop.ZoneSigner;
import net.nsglobal.dns.zone.ZoneFileLoader;
import net.nsglobal.dns.zone.ZoneStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 9460 §4.2 additional section processing for SVCB and HTTPS answers, unsigned and signed (NSEC). */
@Timeout(120)
class ServiceBindingAdditionalTest {
    static final String ZONE = """
            @ 300 SOA ns1 host 1 3600 900 604800 300
            @ 300 NS ns1
            ns1 300 A 192.0.2.1
            svc 300 A 192.0.2.80
            svc 300 AAAA 2001:db8::80
            svc 300 HTTPS 1 . alpn=h2
            web 300 HTTPS 1 svc alpn=h3
            alias 300 HTTPS 0 svc
            gone 300 HTTPS 0 .
            gone 300 A 192.0.2.9
            out 300 HTTPS 1 svc.outside.example.
            _dns.svc 300 SVCB 1 ns1 alpn=dot
            chain 300 HTTPS 0 alias2
            alias2 300 HTTPS 1 ns1
            """;

    @TempDir
    static Path dir;
    static Pipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        ZoneStore store = new ZoneStore();
        for (var z : List.of(new Object[] {"u.svcb.", ZoneSigner.Denial.NONE},
                new Object[] {"s.svcb.", ZoneSigner.Denial.NSEC})) {
            String origin = (String) z[0];
            Path file = ZoneSigner.write(dir, origin, "$ORIGIN " + origin + "\n" + ZONE, (ZoneSigner.Denial) z[1]);
            store.put(ZoneFileLoader.load(Name.fromConstantString(origin), file));
        }
        pipeline = Pipeline.standard(store, Identity.of("t"), null, null);
    }

    /** The additional section as "owner TYPE" in order, relative to the zone, RRSIGs as "owner RRSIG COVERED". */
    private static List<String> additional(String name, int type, boolean dnssecOk, int payload) {
        Message m = run(pipeline, query(name, type, DClass.IN, payload, dnssecOk, false),
                payload > 1232 ? Transport.TCP : Transport.UDP);
        Name origin = m.getQuestion().getName();
        while (!origin.toString().endsWith("svcb.") || origin.labels() > 3) origin = new Name(origin, 1);
        Name o = origin;
        return m.getSection(Section.ADDITIONAL).stream().filter(r -> r.getType() != Type.OPT)
                .map(r -> r.getName().relativize(o).toString().toLowerCase(Locale.ROOT) + " "
                        + (r instanceof RRSIGRecord s ? "RRSIG " + Type.string(s.getTypeCovered()) : Type.string(r.getType())))
                .toList();
    }

    @Test
    void serviceModeDotTargetsTheOwner() {
        // RFC 9460 §2.5: in ServiceMode the TargetName "." means the owner name.
        assertThat(additional("svc.u.svcb.", Type.HTTPS, false, 1232)).containsExactly("svc A", "svc AAAA");
    }

    @Test
    void serviceModeTargetInZone() {
        assertThat(additional("web.u.svcb.", Type.HTTPS, false, 1232)).containsExactly("svc A", "svc AAAA");
        assertThat(additional("_dns.svc.u.svcb.", Type.SVCB, false, 1232)).containsExactly("ns1 A");
    }

    @Test
    void aliasModeAddsTheTargetsAddressesThenItsRRset() {
        // §4.2: A and AAAA are preferred to SVCB records when not everything fits, so they come first.
        assertThat(additional("alias.u.svcb.", Type.HTTPS, false, 1232)).containsExactly("svc A", "svc AAAA", "svc HTTPS");
        // The aliased RRset's own ServiceMode target (ns1) is resolved too, so the chain needs no second query.
        assertThat(additional("chain.u.svcb.", Type.HTTPS, false, 1232)).containsExactly("ns1 A", "alias2 HTTPS");
    }

    @Test
    void nothingForAliasModeDotOrTargetsOutOfZone() {
        // §2.5: AliasMode "." means the service does not exist (not the owner, whose A stays out).
        assertThat(additional("gone.u.svcb.", Type.HTTPS, false, 1232)).isEmpty();
        assertThat(additional("out.u.svcb.", Type.HTTPS, false, 1232)).isEmpty();
    }

    @Test
    void signedAdditionalRRsetsCarryTheirSignaturesWithDo() {
        // RFC 4035 §3.1.1: signed RRsets in the additional section bring their RRSIGs when DO is set.
        assertThat(additional("alias.s.svcb.", Type.HTTPS, true, 4096)).containsExactlyInAnyOrder(
                "svc A", "svc RRSIG A", "svc AAAA", "svc RRSIG AAAA", "svc HTTPS", "svc RRSIG HTTPS");
        assertThat(additional("alias.s.svcb.", Type.HTTPS, false, 4096)).containsExactly("svc A", "svc AAAA", "svc HTTPS");
    }
}
