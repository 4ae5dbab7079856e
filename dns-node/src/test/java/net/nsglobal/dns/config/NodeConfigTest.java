package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class NodeConfigTest {
    private static final Path BASE = Path.of("/etc/nsglobal");

    @Test
    void fullYamlParsesIntoRecords() throws Exception {
        NodeConfig c = NodeConfig.parseYaml("""
                role: collector
                data-dir: data
                server:
                  listen: [127.0.0.1:5300, "[::1]:5301"]
                  udp-workers: 2
                  tcp-idle-timeout: 3s
                  http: 127.0.0.1:9153
                identity: { nsid: fra1, version: "NS-Global 1" }
                zones:
                  - { name: example.com, file: zones/example.com.zone }
                secondaries:
                  - { name: example.net., primaries: ["192.0.2.1", "[2001:db8::1]:5353"], tsig-key: k1 }
                tsig-keys:
                  - { name: k1, algorithm: hmac-sha512, secret: "c2VjcmV0" }
                catalogs:
                  - { name: catalog.customers, primaries: [127.0.0.1:5400] }
                fleet-catalog: catalog.fleet.nsglobal
                transfer-acl: { allow: [127.0.0.0/8, "::1"], tsig-key: k1 }
                notify: [127.0.0.1:5301, 127.0.0.1:5302]
                limits: { records-per-zone: 1m, transfer-idle: 500ms }
                timers: { refresh-min: 1, retry-min: 1s, expire-max: 4w }
                """, BASE);
        assertThat(c.role()).isEqualTo(Role.COLLECTOR);
        assertThat(c.dataDir()).isEqualTo(Path.of("/etc/nsglobal/data"));
        assertThat(c.server().listen()).containsExactly(new InetSocketAddress("127.0.0.1", 5300), new InetSocketAddress("::1", 5301));
        assertThat(c.server().udpWorkers()).isEqualTo(2);
        assertThat(c.server().tcpIdleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.server().tcpMaxConnections()).isEqualTo(256);
        assertThat(c.identity().hostname()).isEqualTo("fra1");
        assertThat(c.identity().version()).isEqualTo("NS-Global 1");
        assertThat(c.zones()).containsExactly(new PrimaryZone(Name.fromString("example.com."), Path.of("/etc/nsglobal/zones/example.com.zone")));
        assertThat(c.secondaries().get(0).primaries()).containsExactly(new InetSocketAddress("192.0.2.1", 53), new InetSocketAddress("2001:db8::1", 5353));
        assertThat(c.tsigKey(c.secondaries().get(0).tsigKey()).algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA512);
        assertThat(c.tsigKey(Name.fromString("k1.")).secret()).isEqualTo("secret".getBytes());
        assertThat(c.fleetCatalog()).isEqualTo(Name.fromString("catalog.fleet.nsglobal."));
        assertThat(c.transferAcl().allows(java.net.InetAddress.getByName("127.9.9.9"))).isTrue();
        assertThat(c.transferAcl().allows(java.net.InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(c.notifyTargets()).hasSize(2);
        assertThat(c.limits().recordsPerZone()).isEqualTo(1L << 20);
        assertThat(c.limits().transferIdle()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.timers().clampRefresh(10)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.timers().clampRetry(100_000_000)).isEqualTo(Duration.ofDays(14));
        assertThat(c.timers().clampExpire(1)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void defaultsApply() throws Exception {
        NodeConfig c = NodeConfig.parseYaml("server: { listen: 127.0.0.1:0 }", BASE);
        assertThat(c.role()).isEqualTo(Role.STANDALONE);
        assertThat(c.server().udpWorkers()).isEqualTo(1);
        assertThat(c.server().http()).isNull();
        assertThat(c.identity().nsid()).isNull();
        assertThat(c.timers().refreshMin()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.timers().refreshMax()).isEqualTo(Duration.ofDays(28));
        assertThat(c.timers().retryMin()).isEqualTo(Duration.ofSeconds(500));
        assertThat(c.limits().transfersPerPrimary()).isEqualTo(2);
        assertThat(c.server().tcpMaxConnectionsPerSource()).isEqualTo(16);
        assertThat(c.server().tcpIpv6Prefix()).isEqualTo(56);
        assertThat(c.server().tcpTransferReserved()).isEqualTo(32);
    }

    @Test
    void errorsNameTheKey() {
        assertError("server: { listen: 127.0.0.1:0, udp-wrokers: 2 }", "server.udp-wrokers", "unknown setting");
        assertError("server: { listen: [127.0.0.1:0, \"1.2.3.4:99999\"] }", "server.listen[1]", "port out of range");
        assertError("server: { listen: \"::1:53\" }", "server.listen", "brackets");
        assertError("server: { listen: 127.0.0.1:0, tcp-idle-timeout: 10 parsecs }", "server.tcp-idle-timeout", "duration");
        assertError("server: {}", "server.listen", "is required");
        assertError("server: { listen: 127.0.0.1:0 }\nrole: primary", "role", "standalone|collector|edge");
        assertError("server: { listen: 127.0.0.1:0 }\nsecondaries: [ { name: a.example, primaries: [127.0.0.1], tsig-key: nope } ]",
                "secondaries[0].tsig-key", "no key nope.");
        assertError("server: { listen: 127.0.0.1:0 }\ntsig-keys: [ { name: k, algorithm: md5, secret: AAAA } ]",
                "tsig-keys[0].algorithm", "hmac-sha256");
        assertError("server: { listen: 127.0.0.1:0 }\nzones: [ { name: a.example, file: x }, { name: a.example., file: y } ]",
                "zones[1].name", "more than once");
        assertError("server: { listen: 127.0.0.1:0 }\nfleet-catalog: cat.example", "fleet-catalog", "collector");
        assertError("server: { listen: 127.0.0.1:0 }\ntimers: { refresh-min: 2w, refresh-max: 1w }", "timers.refresh-min", "refresh-max");
        assertError("server: { listen: 127.0.0.1:0 }\nlimits: { records-per-zone: lots }", "limits.records-per-zone", "size");
        assertError("server: [1, 2]", "server", "mapping");
        assertError("server: { listen: [127.0.0.1:53, \"[::1]:53\", 127.0.0.1:53] }", "server.listen[2]", "listed twice");
        // the transfer reserve must leave public slots, once there is a transfer-acl to hold it for
        assertError("server: { listen: 127.0.0.1:0, tcp-max-connections: 32 }\ntransfer-acl: { allow: [192.0.2.0/24] }",
                "server.tcp-transfer-reserved", "below server.tcp-max-connections (32)");
        assertError("server: { listen: 127.0.0.1:0, tcp-ipv6-prefix: 0 }", "server.tcp-ipv6-prefix", "1");
    }

    @Test
    void transferReserveOnlyMattersWithATransferAcl() throws Exception {
        NodeConfig c = NodeConfig.parseYaml("server: { listen: 127.0.0.1:0, tcp-max-connections: 8 }", BASE);
        assertThat(c.server().tcpMaxConnections()).isEqualTo(8);
        assertThat(NodeConfig.parseYaml("server: { listen: 127.0.0.1:0, tcp-max-connections: 8, tcp-transfer-reserved: 7 }\n"
                + "transfer-acl: { allow: [192.0.2.0/24] }", BASE).server().tcpTransferReserved()).isEqualTo(7);
    }

    private static void assertError(String yaml, String key, String reason) {
        assertThatThrownBy(() -> NodeConfig.parseYaml(yaml, BASE))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
                .hasMessageContaining(key)
                .hasMessageContaining(reason);
    }

    @Test
    void quickFormBuildsTheSameConfig() throws Exception {
        NodeConfig c = NodeConfig.fromArgs("--listen", "127.0.0.1:5300", "--listen", "[::1]:5300",
                "--zone", "example.com=/tmp/example.com.zone", "--zone", "example.org.=rel/example.org.zone",
                "--nsid", "fra1", "--http", "127.0.0.1:9153", "--data-dir", "/var/lib/ns",
                "--secondary", "example.net=127.0.0.1:5400,[::1]:5400", "--tsig", "k1:hmac-sha256:c2VjcmV0",
                "--catalog", "catalog.fleet=127.0.0.1:5401", "--role", "edge");
        assertThat(c.server().listen()).hasSize(2);
        assertThat(c.zones().get(0).name()).isEqualTo(Name.fromString("example.com."));
        assertThat(c.zones().get(1).name()).isEqualTo(Name.fromString("example.org."));
        assertThat(c.zones().get(1).file()).isEqualTo(Path.of("rel/example.org.zone").toAbsolutePath());
        assertThat(c.identity().nsid()).isEqualTo("fra1");
        assertThat(c.identity().hostname()).isEqualTo("fra1");
        assertThat(c.server().http()).isEqualTo(new InetSocketAddress("127.0.0.1", 9153));
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/ns"));
        assertThat(c.secondaries().get(0).primaries()).hasSize(2);
        assertThat(c.secondaries().get(0).tsigKey()).isEqualTo(Name.fromString("k1."));
        assertThat(c.catalogs().get(0).tsigKey()).isEqualTo(Name.fromString("k1."));
        assertThat(c.role()).isEqualTo(Role.EDGE);
    }

    @Test
    void quickFormErrorsNameTheFlag() {
        assertThatThrownBy(() -> NodeConfig.fromArgs("--listen", "127.0.0.1:0", "--zone", "example.com"))
                .hasMessageContaining("--zone").hasMessageContaining("NAME=FILE");
        assertThatThrownBy(() -> NodeConfig.fromArgs("--zone", "a=b")).hasMessageContaining("server.listen");
        assertThatThrownBy(() -> NodeConfig.fromArgs("--listen", "127.0.0.1:0", "--bogus")).hasMessageContaining("--bogus");
    }
}
