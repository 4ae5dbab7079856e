package net.nsglobal.dns.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;

/**
 * A primary that drips bytes cannot hold the transfer slots: its transfers are cut at transfer-duration, a freed slot
 * goes to a waiting primary, and failing over to a zone's next primary takes that primary's slot.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung socket read ignores interrupts
class HostagePrimaryTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    @TempDir Path dir;

    static FakePrimary dripping(String bind) throws Exception {
        return new FakePrimary(InetAddress.getByName(bind), q -> FakePrimary.Script.drip(List.of(), 200));
    }

    static FakePrimary serving(String bind) throws Exception {
        List<Record> zone = HostilePrimaryTest.zone(5, 2);
        return new FakePrimary(InetAddress.getByName(bind), q -> FakePrimary.Script.of(FakePrimary.oneMessage(
                renamed(zone, q.getQuestion().getName()))));
    }

    /** The victim.example test zone moved to {@code origin}. */
    static List<Record> renamed(List<Record> zone, Name origin) {
        return zone.stream().map(r -> {
            try {
                return r.withName(Name.concatenate(r.getName().relativize(HostilePrimaryTest.Z), origin));
            } catch (NameTooLongException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String zone(String name, FakePrimary... primaries) {
        StringBuilder b = new StringBuilder("  - {name: " + name + ", primaries: [");
        for (int i = 0; i < primaries.length; i++) {
            b.append(i == 0 ? "" : ", ").append(primaries[i].address().getAddress().getHostAddress()).append(':')
                    .append(primaries[i].address().getPort());
        }
        return b.append("]}\n").toString();
    }

    @Test
    void tenDrippingZonesOnOnePrimaryDoNotBlockAZoneOnAnother() throws Exception {
        try (FakePrimary drip = dripping("127.0.0.1"); FakePrimary good = serving("127.0.0.2")) {
            StringBuilder yaml = new StringBuilder(
                    "limits: {transfers-per-primary: 2, transfers-total: 2, transfer-duration: 2s}\nsecondaries:\n");
            for (int i = 0; i < 10; i++) yaml.append(zone("drip" + i + ".example", drip));
            yaml.append(zone("good.example", good)); // queued behind the ten: they take both slots first
            long start = System.nanoTime();
            try (TestNode node = TestNode.start(dir, yaml.toString())) {
                assertThat(node.awaitSerial("good.example.", 5, WAIT)).isEqualTo(5);
                System.out.printf("good.example. refreshed %d ms after start, behind ten dripping zones%n",
                        (System.nanoTime() - start) / 1_000_000);
                assertThat(drip.requests()).isGreaterThanOrEqualTo(2);
                assertThat(node.serial("drip0.example.")).isEqualTo(-1);
            }
        }
    }

    @Test
    void failoverToTheNextPrimaryTakesItsSlot() throws Exception {
        try (FakePrimary drip = dripping("127.0.0.3")) {
            String down = "127.0.0.2:" + FreePorts.tcpUdp(); // nothing listens: fails at once
            String yaml = "limits: {transfer-duration: 30s}\nsecondaries:\n  - {name: failover.example, primaries: ["
                    + down + ", 127.0.0.3:" + drip.address().getPort() + "]}\n";
            try (TestNode node = TestNode.start(dir, yaml)) {
                Wait.holds(WAIT, () -> drip.requests() != 0);
                assertThat(drip.requests()).as("failed over to the second primary").isEqualTo(1);
                Secondaries zones = node.node.replication().secondaries();
                assertThat(zones.transfersRunning(InetAddress.getByName("127.0.0.3"))).isEqualTo(1);
                assertThat(zones.transfersRunning(InetAddress.getByName("127.0.0.2"))).isZero();
            }
        }
    }
}
