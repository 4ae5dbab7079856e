package net.nsglobal.dns.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A bad transfer leaves the served zone as it was; a zone whose primary stays away past SOA expire (clamped to 2 s
 * here) answers SERVFAIL, and a restart does not reset that clock.
 */
class ExpireTest {
    static final Name Z = Name.fromConstantString("victim.example.");
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir Path dir;

    static String config(int primaryPort) {
        return "secondaries:\n  - {name: victim.example, primaries: [127.0.0.1:" + primaryPort + "]}\n"
                + "timers: {refresh-min: 300ms, refresh-max: 300ms, retry-min: 300ms, retry-max: 300ms, "
                + "expire-min: 2s, expire-max: 2s}\n";
    }

    @Test
    void badTransferKeepsOldVersionThenExpiryServfailsAcrossRestart() throws Exception {
        List<Record> good = HostilePrimaryTest.zone(5, 3);
        try (FakePrimary fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(good)))) {
            int port = FreePorts.tcpUdp();
            try (TestNode node = new TestNode(dir.resolve("node"), port, config(fake.address().getPort()))) {
                assertThat(node.awaitSerial("victim.example.", 5, WAIT)).isEqualTo(5);
                // Serial 6 arrives with a record outside the zone: rejected, 5 keeps serving.
                List<Record> bad = HostilePrimaryTest.zone(6, 3);
                bad.add(2, HostilePrimaryTest.a("evil.attacker.example.", 1));
                fake.script(q -> FakePrimary.Script.of(FakePrimary.oneMessage(bad)));
                int seen = fake.requests();
                // several refreshes (300 ms) were tried
                Wait.until("three more refreshes reach the primary", WAIT, () -> fake.requests() >= seen + 3);
                Zone z = node.store.get(Z);
                assertThat(z.serial()).isEqualTo(5);
                assertThat(z.records()).noneMatch(r -> r.getName().toString().contains("attacker"));
                assertThat(z.expired()).isFalse();

                // Every refresh keeps failing: once expire (2 s) has passed since the last good one, SERVFAIL.
                Wait.holds(WAIT, () -> node.store.get(Z).expired());
                assertThat(node.store.get(Z).expired()).isTrue();
                assertThat(node.store.get(Z).serial()).isEqualTo(5);
            }
            // Restarted while the primary is still broken: the stored copy loads already expired.
            try (TestNode again = new TestNode(dir.resolve("node"), port, config(fake.address().getPort()))) {
                assertThat(again.store.get(Z).expired()).isTrue();
                // The primary heals: the next refresh brings the zone back into service.
                List<Record> healed = HostilePrimaryTest.zone(7, 3);
                fake.script(q -> FakePrimary.Script.of(FakePrimary.oneMessage(healed)));
                assertThat(again.awaitSerial("victim.example.", 7, WAIT)).isEqualTo(7);
                Wait.holds(WAIT, () -> !again.store.get(Z).expired());
                assertThat(again.store.get(Z).expired()).isFalse();
            }
        }
    }
}
