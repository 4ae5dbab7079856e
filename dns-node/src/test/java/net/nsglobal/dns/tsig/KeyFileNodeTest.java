package net.nsglobal.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import net.nsglobal.dns.Node;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * A secondary zone whose key is not known when the node starts (only named; {@code tsig-keys-file} absent) transfers
 * from a primary that requires the key once the key file appears, without a restart: the key is looked up when used.
 */
class KeyFileNodeTest {
    @TempDir Path dir;
    static final String SECRET = "a2V5LWZpbGUtbm9kZS10ZXN0LXNlY3JldC0xMjM0NTY=";

    @Test
    void aZoneWaitingForItsKeyTransfersOnceTheKeyFileBringsIt() throws Exception {
        Path zoneFile = dir.resolve("signed.example.zone");
        Files.writeString(zoneFile, "$ORIGIN signed.example.\n$TTL 300\n@ SOA ns1 hostmaster 77 3600 600 86400 300\n"
                + "@ NS ns1\nns1 A 192.0.2.1\n");
        Path keys = dir.resolve("keys/customers.yaml");
        try (Node primary = Node.start(NodeConfig.parseYaml("server: {listen: [127.0.0.1:0], reload-interval: 0s}\n"
                + "zones: [{name: signed.example, file: " + zoneFile + "}]\n"
                + "tsig-keys: [{name: cust-key, secret: " + SECRET + "}]\n"
                + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: cust-key}\n", dir));
             Node secondary = Node.start(NodeConfig.parseYaml("data-dir: " + dir.resolve("s") + "\n"
                     + "server: {listen: [127.0.0.1:0], reload-interval: 0s}\n"
                     + "tsig-keys-file: keys/customers.yaml\n"
                     + "secondaries: [{name: signed.example, primaries: [\"127.0.0.1:" + primary.dnsAddress().getPort()
                     + "\"], tsig-key: cust-key}]\n"
                     + "timers: {retry-min: 1s, retry-max: 2s}\n", dir))) {
            Name zone = Name.fromString("signed.example.");
            assertThat(secondary.zones().get(zone)).as("no key, no transfer").isNull();

            Files.createDirectories(keys.getParent());
            Path tmp = keys.resolveSibling("customers.yaml.tmp");
            Files.writeString(tmp, "tsig-keys:\n  - {name: cust-key, algorithm: hmac-sha256, secret: " + SECRET + "}\n");
            Files.move(tmp, keys, StandardCopyOption.ATOMIC_MOVE);

            // up to 20 s; the outcome is asserted, not the time
            Wait.holds(Duration.ofSeconds(20), () -> secondary.zones().get(zone) != null);
            var z = secondary.zones().get(zone);
            long serial = z == null ? -1 : z.serial();
            assertThat(serial).isEqualTo(77);
        }
    }
}
