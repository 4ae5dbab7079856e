package net.nsglobal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launchers really start the daemons: each serves a zone, takes changes, and replicates from the others. */
@Timeout(120)
class PeersTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Tsig KEY = new Tsig("kit-key", "hmac-sha256", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=");

    @TempDir Path dir;

    @Test
    void knotdServesAZoneAndAReloadedSerial() {
        try (Knot knot = Knot.start(dir, new KnotConfig().zone("example.", Zones.text("example.", 7, 2)))) {
            assertThat(knot.serial("example.")).isEqualTo(7);
            assertThat(knot.serial("other.")).as("a zone it was not given").isEqualTo(-1);
            knot.setZone("example.", Zones.text("example.", 8, 3));
            assertThat(knot.serial("example.")).as("knotc zone-reload returns once loaded").isEqualTo(8);
        }
        assertThat(Soa.answers(new java.net.InetSocketAddress("127.0.0.1", 0))).isFalse();
    }

    @Test
    void closeStopsTheDaemon() {
        Knot knot = Knot.start(dir, new KnotConfig().zone("example.", Zones.text("example.", 1, 1)));
        knot.close();
        assertThat(knot.isAlive()).isFalse();
        assertThat(Soa.answers(knot.address())).isFalse();
    }

    @Test
    void aDaemonThatCannotStartFailsWithItsLog() {
        assertThatThrownBy(() -> Knot.start(dir, new KnotConfig().server("no-such-option: 1")
                .zone("example.", Zones.text("example.", 1, 1))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("knotd exited")
                .hasMessageContaining("knotd log")
                .hasMessageContaining("no-such-option");
    }

    @Test
    void namedAndNsdTransferFromKnotWithTsigAndFollowItsNotify() {
        int namedPort = FreePorts.tcpUdp();
        int nsdPort = FreePorts.tcpUdp();
        KnotConfig primary = new KnotConfig().journal()
                .acl("xfr", "transfer", KEY)
                .remote("named", new java.net.InetSocketAddress("127.0.0.1", namedPort), KEY)
                .remote("nsd", new java.net.InetSocketAddress("127.0.0.1", nsdPort), KEY)
                .defaults("acl: xfr", "notify: [named, nsd]")
                .zone("example.", Zones.text("example.", 1, 2));
        try (Knot knot = Knot.start(dir, primary);
             Named named = Named.start(dir, new NamedConfig().listen(namedPort)
                     .secondary("example.", knot.address(), KEY));
             Nsd nsd = Nsd.start(dir, new NsdConfig().listen(nsdPort).secondary("example.", knot.address(), KEY))) {
            named.awaitSerial("example.", 1, WAIT);
            nsd.awaitSerial("example.", 1, WAIT);
            knot.setZone("example.", Zones.text("example.", 2, 3));
            named.awaitSerial("example.", 2, WAIT);
            nsd.awaitSerial("example.", 2, WAIT);
        }
    }

    @Test
    void namedAndNsdServeTheirOwnZones() {
        try (Named named = Named.start(dir, new NamedConfig().primary("a.example.", Zones.text("a.example.", 3, 1)));
             Nsd nsd = Nsd.start(dir, new NsdConfig().zone("b.example.", Zones.text("b.example.", 4, 1)))) {
            assertThat(named.serial("a.example.")).isEqualTo(3);
            assertThat(nsd.serial("b.example.")).isEqualTo(4);
        }
    }

    @Test
    void awaitSerialFailsWithTheDaemonsLog() {
        try (Knot knot = Knot.start(dir, new KnotConfig().zone("example.", Zones.text("example.", 1, 1)))) {
            assertThatThrownBy(() -> knot.awaitSerial("example.", 2, Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("waiting until knotd serves example. with serial 2; last value: 1")
                    .hasMessageContaining("knotd log");
        }
    }
}
