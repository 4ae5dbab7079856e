package net.nsglobal.control.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.TsigAlgorithm;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.xfrin.TransferResult;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.XfrLimits;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import net.nsglobal.testkit.Tsig;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * The control plane's catalog is served only with its TSIG key and its NOTIFYs are signed: an unsigned or wrongly
 * signed transfer is refused; a real collector {@link Node} and knotd 3.2, each configured with the key, transfer the
 * catalog and follow a change announced only by the signed NOTIFY (their refresh timers are an hour).
 */
@Timeout(120)
class CatalogTsigTest {
    static final Name CAT = Name.fromConstantString("catalog.nsglobal.test.");
    static final TsigKey KEY = new TsigKey(Name.fromConstantString("catalog-key.nsglobal.test."),
            TsigAlgorithm.HMAC_SHA256, "catalog-tsig-test-secret-32bytes".getBytes());
    static final TsigKey OTHER = new TsigKey(KEY.name(), TsigAlgorithm.HMAC_SHA256,
            "not-the-catalog-key-at-all-32byt".getBytes());
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    Knot knotd;

    @AfterEach
    void stop() throws Exception {
        if (knotd != null) knotd.close();
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    static ZoneEntry entry(String domain, String id) {
        return new ZoneEntry(domain, id, List.of("127.0.0.1:5300"), null, null, null, "h@" + domain, Instant.EPOCH,
                Instant.EPOCH);
    }

    static String keyYaml(TsigKey k) {
        return "{name: " + k.name() + ", algorithm: " + k.algorithm() + ", secret: "
                + Base64.getEncoder().encodeToString(k.secret()) + "}";
    }

    @Test
    void transfersWithoutTheKeyAreRefusedAndACollectorWithItFollowsSignedNotify() throws Exception {
        int collectorPort = FreePorts.tcpUdp();
        DnsCatalogPublisher pub = new DnsCatalogPublisher(CAT, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, List.of(new InetSocketAddress("127.0.0.1", collectorPort)), dir.resolve("cp"), KEY);
        open.add(pub);
        pub.publish(1, List.of(entry("a.example", "z1")));

        XfrClient client = new XfrClient(XfrLimits.DEFAULTS);
        TransferResult unsigned = client.transfer(CAT, pub.address(), null, null);
        assertThat(unsigned).isInstanceOf(TransferResult.Failed.class);
        assertThat(((TransferResult.Failed) unsigned).reason()).contains("REFUSED");
        TransferResult wrong = client.transfer(CAT, pub.address(), null, OTHER);
        assertThat(wrong).isInstanceOf(TransferResult.Failed.class);
        TransferResult signed = client.transfer(CAT, pub.address(), null, KEY);
        assertThat(signed).isInstanceOf(TransferResult.Full.class);

        // The collector as the docs configure it: the key on its catalogs: entry; refresh only by NOTIFY.
        Node collector = Node.start(NodeConfig.parseYaml("role: collector\ndata-dir: " + dir.resolve("collector")
                + "\nserver: {listen: [127.0.0.1:" + collectorPort + "]}\n"
                + "catalogs: [{name: " + CAT + ", primaries: [\"" + hostPort(pub.address()) + "\"], tsig-key: "
                + KEY.name() + ", allow-primaries: [127.0.0.0/8]}]\n"
                + "tsig-keys: [" + keyYaml(KEY) + "]\n"
                + "timers: {refresh-min: 1h, retry-min: 1h}\n", dir));
        open.add(collector);
        assertThat(awaitSerial(collector, 1)).isEqualTo(1);
        pub.publish(2, List.of(entry("a.example", "z1"), entry("b.example", "z2")));
        assertThat(awaitSerial(collector, 2)).as("the signed NOTIFY is accepted and the catalog refreshed").isEqualTo(2);
        // The catalog is stored, then applied: wait for the membership, then check it.
        Wait.holds(WAIT, () -> collector.replication().catalog(CAT).members().size() >= 2);
        assertThat(collector.replication().catalog(CAT).members())
                .containsExactlyInAnyOrder(Name.fromString("a.example."), Name.fromString("b.example."));
    }

    @Test
    void knotdWithTheKeyTransfersTheCatalogAndAcceptsItsSignedNotify() throws Exception {
        int knotPort = FreePorts.tcpUdp();
        DnsCatalogPublisher pub = new DnsCatalogPublisher(CAT, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, List.of(new InetSocketAddress("127.0.0.1", knotPort)), dir.resolve("cp"), KEY);
        open.add(pub);
        pub.publish(1, List.of(entry("a.example", "z1")));

        Tsig key = new Tsig(KEY.name().toString(), "hmac-sha256", Base64.getEncoder().encodeToString(KEY.secret()));
        knotd = Knot.start(dir, new KnotConfig().listen(knotPort)
                .remote("cp", pub.address(), key)
                .acl("cp-notify", "notify", key)
                .zoneWithoutFile(CAT.toString(), "master: cp", "acl: cp-notify", "catalog-role: interpret",
                        "catalog-template: default", "refresh-min-interval: 3600", "retry-min-interval: 3600"));
        Path log = knotd.logFile();
        // knotd does not answer queries for a catalog it interprets: its log says what it transferred.
        assertThat(awaitLog(log, "serial none -> 1")).as("knotd log:\n%s", Files.readString(log)).isTrue();
        pub.publish(2, List.of(entry("a.example", "z1"), entry("b.example", "z2")));
        assertThat(awaitLog(log, "serial 1 -> 2")).as("knotd accepts the signed NOTIFY; log:\n%s",
                Files.readString(log)).isTrue();
        assertThat(awaitLog(log, "[b.example.] zone added from catalog")).as("log:\n%s", Files.readString(log))
                .isTrue();
    }

    static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    static long awaitSerial(Node n, long serial) {
        if (Wait.holds(WAIT, () -> n.zones().get(CAT) != null && n.zones().get(CAT).serial() == serial)) return serial;
        Zone z = n.zones().get(CAT);
        return z == null ? -1 : z.serial();
    }

    static boolean awaitLog(Path log, String line) {
        return Wait.holds(WAIT, () -> Files.exists(log) && Files.readString(log).contains(line));
    }

}
