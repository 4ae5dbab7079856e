package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.announce.AgentState;
import net.nsglobal.te.announce.AnycastStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** drain/undrain/status work through the files the running agent watches; a bad file is exit 2 with the key. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SiteAgentCommandTest {
    @TempDir Path dir;

    record Run(int status, String out, String err) {}

    Run run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true));
        System.setErr(new PrintStream(e, true));
        try {
            int status = new CommandLine(new SiteAgentCommand()).execute(args);
            return new Run(status, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void drainAndUndrainToggleTheMaintenanceFileAndStatusReadsTheStateFile() throws Exception {
        Path conf = dir.resolve("agent.yaml");
        Files.writeString(conf, "site-agent:\n  site: ams1\n  dns-address: 127.0.0.1:5300\n  state-file: bird/state.conf\n");
        assertThat(run("status", "-c", conf.toString()).out()).contains("ams1: no state file yet");
        new AnycastStateFile(dir.resolve("bird/state.conf")).write("ams1", AgentState.State.ANNOUNCED);
        assertThat(run("drain", "-c", conf.toString()).status()).isZero();
        assertThat(dir.resolve("site-agent.maintenance")).exists();
        assertThat(run("status", "-c", conf.toString()).out()).contains("ams1: ANNOUNCED", "maintenance file present");
        assertThat(run("undrain", "-c", conf.toString()).out()).contains("maintenance file removed");
        assertThat(dir.resolve("site-agent.maintenance")).doesNotExist();
    }

    @Test
    void aBadFileIsExitTwoNamingFileLineAndKey() throws Exception {
        Path conf = dir.resolve("agent.yaml");
        Files.writeString(conf, "site-agent:\n  site: ams1\n  dns-address: 127.0.0.1:5300\n  rise: many\n");
        Run r = run("drain", "-c", conf.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("agent.yaml:4", "site-agent.rise");
        assertThat(dir.resolve("site-agent.maintenance")).as("nothing done on a bad file").doesNotExist();
    }
}
