package net.nsglobal.control.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.Section;
import net.nsglobal.config.SiteSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneConfigTest {
    static final Path SAMPLE = Path.of("examples/control-plane.yaml");
    static final String KEY = "catalog: {tsig-key: {name: k, secret: c2l4dGVlbi1ieXRlcy1zZWNyZXQ=}}";

    @TempDir Path dir;

    static ControlPlaneConfig parse(String yaml) throws Exception {
        return ControlPlaneConfig.parse(yaml, Path.of("."));
    }

    @Test
    void theSampleProcessFileLoads() throws Exception {
        ProcessFile f = ProcessFile.load(SAMPLE, "control-plane", "sites");
        ControlPlaneConfig c = ControlPlaneConfig.read(f);
        assertThat(c.http().getPort()).isEqualTo(8080);
        assertThat(c.smtp().security()).isEqualTo(SmtpSettings.Security.NONE);
        assertThat(c.smtp().port()).isEqualTo(2525);
        assertThat(c.collector().transferAddress()).isEqualTo("192.0.2.53");
        assertThat(c.collector().dns().getPort()).isEqualTo(5301);
        assertThat(c.collector().http().getPort()).isEqualTo(9154);
        assertThat(c.edges()).containsOnlyKeys("ams1", "fra1");
        assertThat(c.limits()).isEqualTo(ControlPlaneConfig.Limits.defaults());
        assertThat(c.db().url()).isNull();
        // relative to the config file's folder
        Path examples = Path.of("examples").toAbsolutePath();
        assertThat(c.dataDir()).isEqualTo(examples.resolve("../../var/dashboard").normalize());
        assertThat(c.collector().keysFile()).isEqualTo(examples.resolve("../../var/collector/customer-keys.yaml").normalize());
        assertThat(c.catalog().tsigKey().name().toString()).isEqualTo("catalog-key.nsglobal.example.");
        assertThat(c.catalog().listen().getPort()).isEqualTo(5302);
        SiteSelection sites = f.read("sites", s -> SiteSelection.read(s, f.baseDir()));
        assertThat(sites.dir()).isEqualTo(examples.resolve("../../sites").normalize());
        assertThat(sites.only()).containsExactly("ams1", "fra1");
        assertThat(sites.dir().resolve("ams1.yaml")).exists();
    }

    @Test
    void defaultsAreTheOldOnes() throws Exception {
        ControlPlaneConfig c = parse(KEY);
        assertThat(c.http().getHostString()).isEqualTo("127.0.0.1");
        assertThat(c.http().getPort()).isEqualTo(8080);
        assertThat(c.publicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(c.dataDir()).isEqualTo(Path.of(".").resolve("var/dashboard").normalize());
        assertThat(c.resolver().getPort()).isEqualTo(53);
        assertThat(c.smtp().host()).isEqualTo("localhost");
        assertThat(c.smtp().security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(c.smtp().port()).isEqualTo(587);
        assertThat(parse("smtp: {security: tls}\n" + KEY).smtp().port()).isEqualTo(465);
        assertThat(c.collector().transferAddress()).isEqualTo("127.0.0.1");
        assertThat(parse("collector: {dns: 192.0.2.9:53}\n" + KEY).collector().transferAddress()).isEqualTo("192.0.2.9");
        assertThat(c.collector().keysFile()).isNull();
        assertThat(c.catalog().zone()).isEqualTo("catalog.nsglobal.internal");
        assertThat(c.catalog().listen().getPort()).isEqualTo(5399);
        assertThat(c.limits()).isEqualTo(new ControlPlaneConfig.Limits(20, 60, 3, 5, Duration.ofHours(1), 10, 10, 100,
                100, 100_000, 16_384, Duration.ofHours(24), Duration.ofMinutes(10)));
        assertThat(c.signup()).isEqualTo(new ControlPlaneConfig.Signup(false, 53, Duration.ofHours(1)));
    }

    @Test
    void theCatalogIsServedOnlyWithAKey() {
        assertThatThrownBy(() -> parse("http: 127.0.0.1:8080"))
                .hasMessageContaining("control-plane.catalog.tsig-key: required");
        assertThatThrownBy(() -> parse("catalog: {tsig-key: {name: k, secret: c2hvcnQ=}}"))
                .hasMessageContaining("control-plane.catalog.tsig-key.secret: too short");
    }

    @Test
    void limitKeysParse() throws Exception {
        ControlPlaneConfig.Limits l = ControlPlaneConfig.Limits.parse("{per-client-ip: 7, per-client-site: 21, "
                + "per-domain: 2, per-rname: 4, max-pending-per-domain: 5, max-pending-per-rname: 6, "
                + "max-zones-per-domain: 8, max-zones-per-rname: 9, tracked-keys: 500, purge-every: 5m}");
        assertThat(l).isEqualTo(new ControlPlaneConfig.Limits(7, 21, 2, 4, Duration.ofHours(1), 5, 6, 8, 9, 500, 16384,
                Duration.ofHours(24), Duration.ofMinutes(5)));
        ControlPlaneConfig.Limits old = ControlPlaneConfig.Limits.parse("{max-pending: 3}");
        assertThat(old.maxPendingPerDomain()).as("max-pending of older configs: both pending caps").isEqualTo(3);
        assertThat(old.maxPendingPerRname()).isEqualTo(3);
        assertThat(ControlPlaneConfig.Limits.parse("{max-pending: 3, max-pending-per-rname: 7}").maxPendingPerRname())
                .as("a cap given on its own wins").isEqualTo(7);
        assertThatThrownBy(() -> ControlPlaneConfig.Limits.parse("{tracked-keys: 0}"))
                .hasMessageContaining("control-plane.limits.tracked-keys");
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> parse("smtp: {hots: x}\n" + KEY))
                .hasMessageContaining("control-plane.smtp.hots: unknown setting");
        assertThatThrownBy(() -> parse("limits: {window: soon}\n" + KEY))
                .hasMessageContaining("control-plane.limits.window: expected a duration");
        assertThatThrownBy(() -> parse("smtp: {security: ssl}\n" + KEY))
                .hasMessageContaining("control-plane.smtp.security: expected one of none|starttls|tls");
        assertThatThrownBy(() -> parse("own-prefixes: [300.0.0.0/8]\n" + KEY))
                .hasMessageContaining("control-plane.own-prefixes[0]");
        assertThatThrownBy(() -> parse("edges: {ams1: 127.0.0.1:99999}\n" + KEY))
                .hasMessageContaining("control-plane.edges.ams1: port out of range");
    }

    @Test
    void errorsInAFileNameTheFileTheLineAndTheDottedKey() throws Exception {
        Path f = dir.resolve("cp.yaml");
        Files.writeString(f, "control-plane:\n  " + KEY + "\n  limits:\n    window: 1h\n    per-client-ipp: 3\n");
        assertThatThrownBy(() -> ControlPlaneConfig.read(ProcessFile.load(f, "control-plane", "sites")))
                .hasMessageStartingWith(f + ":5: control-plane.limits.per-client-ipp: unknown setting");
        Files.writeString(f, "control-plane:\n  " + KEY + "\n  signup: {delegation-recheck: 1 hour}\n");
        assertThatThrownBy(() -> ControlPlaneConfig.read(ProcessFile.load(f, "control-plane", "sites")))
                .hasMessageStartingWith(f + ":3: control-plane.signup.delegation-recheck: unknown duration unit");
        Files.writeString(f, "control-plane:\n  " + KEY + "\ncontrol-plain: {}\n");
        assertThatThrownBy(() -> ProcessFile.load(f, "control-plane", "sites"))
                .hasMessageStartingWith(f + ":3: control-plain: unknown section");
        Files.writeString(f, "sites: {dir: .}\n");
        assertThatThrownBy(() -> ControlPlaneConfig.read(ProcessFile.load(f, "control-plane", "sites")))
                .hasMessageStartingWith(f + ": control-plane: section missing");
    }

    @Test
    void signupSettingsDefaultToMailOnlyAndParse() throws Exception {
        assertThat(ControlPlaneConfig.Signup.parse("{txt-proof: true, dns-port: 5353, delegation-recheck: 10m}"))
                .isEqualTo(new ControlPlaneConfig.Signup(true, 5353, Duration.ofMinutes(10)));
        assertThatThrownBy(() -> ControlPlaneConfig.Signup.parse("{txt-proof: yes-please}"))
                .hasMessageContaining("control-plane.signup.txt-proof");
        assertThatThrownBy(() -> ControlPlaneConfig.Signup.parse("{dns-port: 0}"))
                .hasMessageContaining("control-plane.signup.dns-port");
        assertThatThrownBy(() -> ControlPlaneConfig.Signup.parse("{delegation-recheck: 0s}"))
                .hasMessageContaining("control-plane.signup.delegation-recheck");
        assertThatThrownBy(() -> ControlPlaneConfig.Signup.parse("{txt: true}"))
                .hasMessageContaining("control-plane.signup.txt: unknown setting");
    }

    @Test
    void operatorLogInSettingsComeFromTheOperatorsSection() throws Exception {
        String key = "catalog: {tsig-key: {name: k, secret: c2l4dGVlbi1ieXRlcy1zZWNyZXQ=}}\n";
        var d = net.nsglobal.control.operator.OperatorSettings.of(ControlPlaneConfig.parse(key, Path.of(".")));
        assertThat(d).isEqualTo(new net.nsglobal.control.operator.OperatorSettings(Duration.ofHours(12),
                Duration.ofMinutes(30), Duration.ofMinutes(15), 20, 5, false));
        var set = net.nsglobal.control.operator.OperatorSettings.of(ControlPlaneConfig.parse(key
                + "public-url: https://ns.example\noperators: {session-lifetime: 1h, idle-timeout: 5m, "
                + "attempt-window: 2m, failures-per-client: 7, failures-per-name: 3}\n", Path.of(".")));
        assertThat(set).isEqualTo(new net.nsglobal.control.operator.OperatorSettings(Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofMinutes(2), 7, 3, true));
        assertThatThrownBy(() -> ControlPlaneConfig.parse(key + "operators: {failures-per-name: 0}\n", Path.of(".")))
                .hasMessageContaining("control-plane.operators.failures-per-name");
    }

    /** The schema's key list (what the doc shows) is exactly what the parser reads. */
    @Test
    void everyKeyTheParserReadsIsInTheSchemaList() throws Exception {
        // The sample with its optional te-database: section in use (commented out in the sample), so its keys are read.
        Path full = dir.resolve("control-plane.yaml");
        Files.writeString(full, Files.readString(SAMPLE).replace("control-plane:\n", "control-plane:\n"
                + "  te-database: {url: \"jdbc:postgresql://127.0.0.1:5432/te\", user: te}\n"));
        Files.writeString(dir.resolve("te.password"), "secret\n");
        Files.writeString(full, Files.readString(full).replace("user: te}", "user: te, password-file: te.password}"));
        var read = Section.keysRead(() -> ControlPlaneConfig.read(ProcessFile.load(full, "control-plane", "sites")));
        List<String> listed = Schema.all().stream().map(k -> k.path()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(read);
    }
}
