package net.nsglobal.dns.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.secondary.Secondary;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * A zone whose refresh is failing waits out its retry back-off: an unsigned NOTIFY (which anyone able to spoof the
 * primary's address can send) does not start an attempt; one signed with the zone's key does.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NotifyBackoffTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir Path dir;

    static Secondary.State awaitState(Secondary s, Secondary.State want) {
        Wait.holds(WAIT, () -> s.state() == want);
        return s.state();
    }

    @Test
    void onlyASignedNotifyCutsTheRetryBackOffShort() throws Exception {
        List<Record> good = HostilePrimaryTest.zone(5, 1);
        List<Record> broken = HostilePrimaryTest.zone(6, 1);
        broken.remove(broken.size() - 1); // no closing SOA: every refresh fails
        var key = NotifyAcceptanceTest.KEY;
        try (FakePrimary fake = new FakePrimary(q -> new FakePrimary.Script(FakePrimary.oneMessage(
                     NotifyAcceptanceTest.rename(good, q.getQuestion().getName())),
                     q.getTSIG() == null ? null : key.toTsig(), false));
             TestNode node = TestNode.start(dir, "secondaries:\n"
                     + "  - {name: open.example, primaries: [127.0.0.1:" + fake.address().getPort() + "]}\n"
                     + "  - {name: signed.example, primaries: [127.0.0.1:" + fake.address().getPort() + "], tsig-key: nk}\n"
                     + "tsig-keys:\n  - {name: nk, algorithm: hmac-sha256, secret: "
                     + Base64.getEncoder().encodeToString(key.secret()) + "}\n"
                     + "timers: {refresh-min: 1s, refresh-max: 1s, retry-min: 1h, retry-max: 1h}\n")) {
            assertThat(node.awaitSerial("open.example.", 5, WAIT)).isEqualTo(5);
            assertThat(node.awaitSerial("signed.example.", 5, WAIT)).isEqualTo(5);
            fake.script(q -> new FakePrimary.Script(FakePrimary.oneMessage(
                    NotifyAcceptanceTest.rename(broken, q.getQuestion().getName())),
                    q.getTSIG() == null ? null : key.toTsig(), false));
            Secondary open = node.node.replication().secondaries().get(Name.fromConstantString("open.example."));
            Secondary signed = node.node.replication().secondaries().get(Name.fromConstantString("signed.example."));
            // The refresh timer (1 s) fires, the transfer fails: retry in an hour.
            assertThat(awaitState(open, Secondary.State.RETRY_WAIT)).isEqualTo(Secondary.State.RETRY_WAIT);
            assertThat(awaitState(signed, Secondary.State.RETRY_WAIT)).isEqualTo(Secondary.State.RETRY_WAIT);

            int before = fake.requests();
            assertThat(NotifyAcceptanceTest.send(node, "127.0.0.1", NotifyAcceptanceTest.notify("open.example.", null)))
                    .isEqualTo(Rcode.NOERROR); // acknowledged (RFC 1996 §3.7), but no attempt
            assertThat(open.state()).isEqualTo(Secondary.State.RETRY_WAIT);
            assertThat(fake.requests()).isEqualTo(before);

            assertThat(NotifyAcceptanceTest.send(node, "127.0.0.1", NotifyAcceptanceTest.notify("signed.example.", key)))
                    .isEqualTo(Rcode.NOERROR);
            assertThat(signed.state()).isNotEqualTo(Secondary.State.RETRY_WAIT); // queued at once
            Wait.until("the signed zone's refresh reaches the primary", WAIT, () -> fake.requests() != before);
            assertThat(fake.requests()).isEqualTo(before + 1);
            assertThat(awaitState(signed, Secondary.State.RETRY_WAIT)).isEqualTo(Secondary.State.RETRY_WAIT);
            assertThat(open.state()).isEqualTo(Secondary.State.RETRY_WAIT);
        }
    }

    /** An unsigned NOTIFY that arrives during a transfer that then fails does not queue a second attempt. */
    @Test
    void unsignedNotifyDuringAFailingTransferIsNotReplayedAfterIt() throws Exception {
        List<Record> good = HostilePrimaryTest.zone(5, 1);
        try (FakePrimary fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(
                     NotifyAcceptanceTest.rename(good, q.getQuestion().getName()))));
             TestNode node = TestNode.start(dir, "secondaries:\n"
                     + "  - {name: open.example, primaries: [127.0.0.1:" + fake.address().getPort() + "]}\n"
                     + "limits: {transfer-duration: 2s}\n"
                     + "timers: {refresh-min: 1s, refresh-max: 1s, retry-min: 1h, retry-max: 1h}\n")) {
            assertThat(node.awaitSerial("open.example.", 5, WAIT)).isEqualTo(5);
            java.util.concurrent.atomic.AtomicInteger drips = new java.util.concurrent.atomic.AtomicInteger();
            fake.script(q -> { // the next refresh hangs until transfer-duration
                drips.incrementAndGet();
                return FakePrimary.Script.drip(List.of(), 200);
            });
            Secondary open = node.node.replication().secondaries().get(Name.fromConstantString("open.example."));
            assertThat(awaitState(open, Secondary.State.TRANSFERRING)).isEqualTo(Secondary.State.TRANSFERRING);
            assertThat(NotifyAcceptanceTest.send(node, "127.0.0.1", NotifyAcceptanceTest.notify("open.example.", null)))
                    .isEqualTo(Rcode.NOERROR);
            assertThat(awaitState(open, Secondary.State.RETRY_WAIT)).isEqualTo(Secondary.State.RETRY_WAIT);
            assertThat(drips.get()).as("the dripping refresh only, no attempt replayed for the NOTIFY").isEqualTo(1);
        }
    }
}
