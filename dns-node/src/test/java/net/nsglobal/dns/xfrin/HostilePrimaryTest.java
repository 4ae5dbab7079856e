package net.nsglobal.dns.xfrin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;

/** Each way a primary can send us garbage, or send it too slowly, is rejected with a reason, and nothing is applied. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung socket read ignores interrupts
public class HostilePrimaryTest {
    public static final Name Z = Name.fromConstantString("victim.example.");
    static final TsigKey KEY = TsigKey.of("k", "hmac-sha256", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=");
    FakePrimary fake;

    @AfterEach
    void stop() throws Exception {
        if (fake != null) fake.close();
    }

    public static SOARecord soa(long serial) {
        Name ns = Name.fromConstantString("ns.victim.example.");
        return new SOARecord(Z, DClass.IN, 300, ns, ns, serial, 3600, 900, 604800, 300);
    }

    public static Record a(String name, int last) throws Exception {
        return new ARecord(Name.fromString(name), DClass.IN, 300, java.net.InetAddress.getByAddress(
                new byte[] {10, 0, 0, (byte) last}));
    }

    public static List<Record> zone(long serial, int hosts) throws Exception {
        List<Record> rs = new ArrayList<>();
        rs.add(soa(serial));
        rs.add(new NSRecord(Z, DClass.IN, 300, Name.fromConstantString("ns.victim.example.")));
        for (int i = 0; i < hosts; i++) rs.add(a("h" + i + ".victim.example.", i));
        rs.add(soa(serial));
        return rs;
    }

    TransferResult axfr(XfrLimits limits, TsigKey key) {
        return new XfrClient(limits).transfer(Z, fake.address(), null, key);
    }

    static String reason(TransferResult r) {
        assertThat(r).isInstanceOf(TransferResult.Failed.class);
        return ((TransferResult.Failed) r).reason();
    }

    @Test
    void recordOutsideTheZone() throws Exception {
        List<Record> rs = zone(5, 2);
        rs.add(2, a("www.attacker.example.", 66));
        fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(rs)));
        assertThat(reason(axfr(XfrLimits.DEFAULTS, null))).contains("www.attacker.example.", "outside the zone");
    }

    @Test
    void oversizeZoneByRecordsAndByBytes() throws Exception {
        List<Record> rs = zone(5, 200);
        fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(rs)));
        XfrLimits few = new XfrLimits(100, 1 << 20, 100, 10, Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertThat(reason(axfr(few, null))).contains("records-per-zone");
        XfrLimits small = new XfrLimits(10_000, 1000, 100, 10, Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertThat(reason(axfr(small, null))).contains("transfer-bytes");
    }

    @Test
    void missingClosingSoa() throws Exception {
        List<Record> rs = zone(5, 3);
        rs.remove(rs.size() - 1);
        fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(rs)));
        assertThat(reason(axfr(XfrLimits.DEFAULTS, null))).contains("closing SOA");
    }

    @Test
    void truncatedIxfr() throws Exception {
        // new SOA, old SOA, deletions, newer SOA, additions ... and the stream stops before the final SOA
        List<Record> rs = List.of(soa(6), soa(5), a("h0.victim.example.", 0), soa(6), a("h9.victim.example.", 9));
        fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(rs)));
        TransferResult r = new XfrClient(XfrLimits.DEFAULTS).transfer(Z, fake.address(), soa(5), null);
        assertThat(reason(r)).contains("closing SOA");
    }

    @Test
    void ixfrSoaMismatch() throws Exception {
        // we are at 5; the primary sends a difference starting at 4
        List<Record> rs = List.of(soa(6), soa(4), soa(6), a("h9.victim.example.", 9), soa(6));
        fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(rs)));
        TransferResult r = new XfrClient(XfrLimits.DEFAULTS).transfer(Z, fake.address(), soa(5), null);
        assertThat(reason(r)).contains("IXFR starts at serial 4");
    }

    @Test
    void ixfrDeletingWhatWeDoNotHaveIsNotApplied() throws Exception {
        Zone base = new ZoneBuilder(XfrLimits.DEFAULTS).full(Z, zone(5, 2).subList(0, 4));
        Diff bad = new Diff(soa(5), soa(6), List.of(a("nothere.victim.example.", 1)), List.of());
        assertThatThrownBy(() -> new ZoneBuilder(XfrLimits.DEFAULTS).apply(base, List.of(bad)))
                .hasMessageContaining("deletes a record we do not have");
        assertThat(base.serial()).isEqualTo(5);
    }

    @Test
    void wrongTsigKey() throws Exception {
        TsigKey other = TsigKey.of("k", "hmac-sha256", "b3RoZXJvdGhlcm90aGVyb3RoZXJvdGhlcm90aGVyMTI=");
        List<Record> rs = zone(5, 2);
        fake = new FakePrimary(q -> new FakePrimary.Script(FakePrimary.oneMessage(rs), other.toTsig(), false));
        assertThat(reason(axfr(XfrLimits.DEFAULTS, KEY))).contains("TSIG");
    }

    @Test
    void tsigTimeOutsideFudge() throws Exception {
        Clock skewed = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        TSIG late = new TSIG(KEY.algorithm().dnsName(), KEY.name(), new SecretKeySpec(KEY.secret(), "HmacSHA256"), skewed);
        List<Record> rs = zone(5, 2);
        fake = new FakePrimary(q -> new FakePrimary.Script(FakePrimary.oneMessage(rs), late, false));
        assertThat(reason(axfr(XfrLimits.DEFAULTS, KEY))).contains("TSIG");
    }

    @Test
    void unsignedAnswerToASignedRequest() throws Exception {
        List<Record> rs = zone(5, 2);
        fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(rs)));
        assertThat(reason(axfr(XfrLimits.DEFAULTS, KEY))).contains("TSIG");
    }

    @Test
    void idlePrimary() throws Exception {
        List<Record> rs = zone(5, 2);
        rs.remove(rs.size() - 1);
        fake = new FakePrimary(q -> new FakePrimary.Script(FakePrimary.oneMessage(rs), null, true));
        XfrLimits idle = new XfrLimits(10_000, 1 << 20, 100, 10, Duration.ofSeconds(30), Duration.ofMillis(300));
        assertThat(reason(axfr(idle, null))).contains("transfer-idle");
    }

    /**
     * A primary announces a 65,535-byte message and sends one byte every 200 ms: never idle, and one message never
     * ends, so the deadline must hold inside the message (on the socket), not only between messages.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void dripInsideOneMessageIsCutAtTransferDuration() throws Exception {
        fake = new FakePrimary(q -> FakePrimary.Script.drip(List.of(), 200));
        XfrLimits twoSeconds = new XfrLimits(10_000, 1 << 20, 100, 10, Duration.ofSeconds(2), Duration.ofSeconds(10));
        long start = System.nanoTime();
        String why = reason(axfr(twoSeconds, null));
        System.out.printf("drip held the transfer for %d ms (transfer-duration 2 s)%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(why).contains("transfer-duration");
    }

    /** Below transfer-min-rate over a window (here 1,000 bytes/s over 1 s) the transfer is cut long before its deadline. */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void slowPrimaryBelowMinRateIsCut() throws Exception {
        fake = new FakePrimary(q -> FakePrimary.Script.drip(List.of(), 200));
        XfrLimits minRate = new XfrLimits(10_000, 1 << 20, 100, 10, Duration.ofHours(1), Duration.ofSeconds(10),
                1000, Duration.ofSeconds(1));
        long start = System.nanoTime();
        String why = reason(axfr(minRate, null));
        System.out.printf("slow primary cut after %d ms (transfer-min-rate 1000 bytes/s over 1 s)%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(why).contains("transfer-min-rate");
    }

    @Test
    void rrsetAndTypesPerNameLimits() throws Exception {
        XfrLimits tight = new XfrLimits(10_000, 1 << 20, 3, 2, Duration.ofSeconds(30), Duration.ofSeconds(5));
        List<Record> big = new ArrayList<>(zone(5, 0).subList(0, 2));
        for (int i = 0; i < 4; i++) big.add(a("same.victim.example.", i));
        assertThatThrownBy(() -> new ZoneBuilder(tight).full(Z, big)).hasMessageContaining("records-per-rrset");
        List<Record> types = new ArrayList<>(zone(5, 0).subList(0, 2));
        types.add(a("multi.victim.example.", 1));
        types.add(new TXTRecord(Name.fromConstantString("multi.victim.example."), DClass.IN, 300, "x"));
        types.add(new NSRecord(Name.fromConstantString("multi.victim.example."), DClass.IN, 300, Z));
        assertThatThrownBy(() -> new ZoneBuilder(tight).full(Z, types)).hasMessageContaining("types-per-name");
    }

    @Test
    void goodMultiMessageSignedAxfrIsAccepted() throws Exception {
        List<Record> rs = zone(5, 30);
        List<List<Record>> msgs = List.of(rs.subList(0, 10), rs.subList(10, 20), rs.subList(20, rs.size()));
        fake = new FakePrimary(q -> new FakePrimary.Script(msgs, KEY.toTsig(), false));
        TransferResult r = axfr(XfrLimits.DEFAULTS, KEY);
        assertThat(r).isInstanceOf(TransferResult.Full.class);
        assertThat(((TransferResult.Full) r).records()).hasSize(32);
    }
}
