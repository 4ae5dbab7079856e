package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** {@code tsig-keys-file}: a path relative to the config file; with it, key references may name keys not yet known. */
class TsigKeysFileConfigTest {
    private static final String BASE = "server: {listen: [127.0.0.1:0]}\n";

    @Test
    void pathIsRelativeToTheConfigFolderAndReferencesWaitForTheFile() throws Exception {
        Path base = Path.of("/etc/nsglobal");
        NodeConfig c = NodeConfig.parseYaml(BASE + "tsig-keys-file: keys/customers.yaml\n"
                + "secondaries: [{name: example.net, primaries: [192.0.2.1], tsig-key: later-key}]\n", base);
        assertThat(c.tsigKeysFile()).isEqualTo(Path.of("/etc/nsglobal/keys/customers.yaml"));
        assertThat(c.secondaries().get(0).tsigKey()).isEqualTo(Name.fromString("later-key."));
        assertThat(c.tsigKey(Name.fromString("later-key."))).as("not a static key").isNull();
        assertThat(NodeConfig.parseYaml(BASE, base).tsigKeysFile()).isNull();
    }

    @Test
    void withoutTheFileAnUnknownReferenceStillFails() {
        assertThatThrownBy(() -> NodeConfig.parseYaml(BASE
                + "secondaries: [{name: example.net, primaries: [192.0.2.1], tsig-key: later-key}]\n", Path.of(".")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("secondaries[0].tsig-key");
    }
}
