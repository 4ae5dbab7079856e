package net.nsglobal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nsglobal control-plane --config FILE}: the process file's sections, the flags over it, errors at start. */
@Timeout(60)
class ControlPlaneCommandTest {
    static final Path SAMPLE = Path.of("../control-plane/examples/control-plane.yaml");
    static final String KEY = "  catalog: {tsig-key: {name: k, secret: c2l4dGVlbi1ieXRlcy1zZWNyZXQ=}}\n";

    @TempDir Path dir;

    static ControlPlaneCommand parsed(String... args) {
        ControlPlaneCommand c = new ControlPlaneCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void theSampleLoadsWithItsSitesAndTheFlagsWin() throws Exception {
        ControlPlaneCommand.Loaded l = parsed("--config", SAMPLE.toString()).load();
        assertThat(l.config().db().url()).isNull();
        assertThat(l.config().catalog().listen().getPort()).isEqualTo(5302);
        assertThat(l.sites().only()).containsExactly("ams1", "fra1");
        assertThat(l.sites().dir().resolve("fra1.yaml")).exists();
        ControlPlaneCommand.Loaded o = parsed("--config", SAMPLE.toString(), "--db-url",
                "jdbc:postgresql://127.0.0.1:5432/x", "--db-user", "u").load();
        assertThat(o.config().db()).isEqualTo(new net.nsglobal.control.config.ControlPlaneConfig.Database(
                "jdbc:postgresql://127.0.0.1:5432/x", "u", null));
    }

    @Test
    void aBadFileStopsStartUpWithExitStatus2NamingFileLineAndKey() throws Exception {
        Path f = dir.resolve("cp.yaml");
        Files.writeString(f, "control-plane:\n" + KEY + "  limits: {window: soon}\n");
        assertThatThrownBy(() -> parsed("--config", f.toString()).load())
                .hasMessageStartingWith(f + ":3: control-plane.limits.window: expected a duration");
        Files.writeString(f, "control-plane:\n" + KEY + "  sites: {ams1: 127.0.0.1:53}\n");
        assertThatThrownBy(() -> parsed("--config", f.toString()).load())
                .as("the key renamed to edges").hasMessageStartingWith(f + ":3: control-plane.sites: unknown setting");
        Files.writeString(f, "control-plane:\n" + KEY + "atlas: {}\n");
        assertThatThrownBy(() -> parsed("--config", f.toString()).load())
                .hasMessageStartingWith(f + ":3: atlas: section not read by this process");
        Files.writeString(f, "control-plane:\n" + KEY + "sites: {only: [ams1, ams1]}\n");
        assertThatThrownBy(() -> parsed("--config", f.toString()).load())
                .hasMessageStartingWith(f + ":3: sites.only[1]: ams1 is listed twice");

        // A file of before (keys at the top level) is refused naming its first key; nothing starts.
        Files.writeString(f, "http: 127.0.0.1:0\n" + KEY.strip() + "\n");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = new CommandLine(new ControlPlaneCommand()).execute("--config", f.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(status).isEqualTo(2);
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("control-plane: " + f + ":1: http: unknown section");
    }
}
