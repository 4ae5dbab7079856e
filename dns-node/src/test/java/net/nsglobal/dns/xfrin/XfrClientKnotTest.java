package net.nsglobal.dns.xfrin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.nsglobal.dns.testing.Peers;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.Zones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** Our transfer client against a real knotd primary: AXFR, IXFR after a change, TSIG right and wrong. */
class XfrClientKnotTest {
    static final TsigKey KEY = TsigKey.of("xfr-key", "hmac-sha256", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=");
    static final TsigKey WRONG = TsigKey.of("xfr-key", "hmac-sha256", "d3Jvbmd3cm9uZ3dyb25nd3Jvbmd3cm9uZ3dyb25nMTI=");
    @TempDir static Path dir;
    static Knot knot;
    static final Name ORIGIN = Name.fromConstantString("example.com.");
    final XfrClient client = new XfrClient(XfrLimits.DEFAULTS);
    final ZoneBuilder builder = new ZoneBuilder(XfrLimits.DEFAULTS);

    @BeforeAll
    static void start() throws Exception {
        knot = Peers.customerPrimary(dir, Map.of("example.com.", Zones.text("example.com.", 100, 20)), KEY, null);
    }

    @AfterAll
    static void stop() {
        if (knot != null) knot.close();
    }

    @Test
    void axfrThenIxfrWithTsig() throws Exception {
        TransferResult r = client.transfer(ORIGIN, knot.address(), null, KEY);
        assertThat(r).isInstanceOf(TransferResult.Full.class);
        Zone z = builder.full(ORIGIN, ((TransferResult.Full) r).records());
        assertThat(z.serial()).isEqualTo(100);
        assertThat(z.records()).hasSize(23);

        TransferResult same = client.transfer(ORIGIN, knot.address(), z.soa(), KEY);
        assertThat(same).isInstanceOf(TransferResult.UpToDate.class);

        knot.setZone("example.com.", Zones.text("example.com.", 101, 22));
        knot.awaitSerial("example.com.", 101, Duration.ofSeconds(30));
        TransferResult inc = client.transfer(ORIGIN, knot.address(), z.soa(), KEY);
        assertThat(inc).isInstanceOf(TransferResult.Incremental.class);
        Zone z2 = builder.apply(z, ((TransferResult.Incremental) inc).diffs());
        assertThat(z2.serial()).isEqualTo(101);
        assertThat(z2.records()).hasSize(25);
    }

    @Test
    void wrongKeyIsRejected() {
        TransferResult r = client.transfer(ORIGIN, knot.address(), null, WRONG);
        assertThat(r).isInstanceOf(TransferResult.Failed.class);
        assertThat(((TransferResult.Failed) r).reason()).containsAnyOf("NOTAUTH", "TSIG");
    }

    @Test
    void unsignedIsRefused() {
        TransferResult r = client.transfer(ORIGIN, knot.address(), null, null);
        assertThat(r).isInstanceOf(TransferResult.Failed.class);
    }
}
