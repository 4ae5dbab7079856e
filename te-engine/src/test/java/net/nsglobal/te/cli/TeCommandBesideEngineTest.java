package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.db.Database;
import net.nsglobal.te.propose.PostgresProposalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code te proposals --data-dir DIR} while an engine holds the embedded PostgreSQL of DIR: the command connects to that
 * server, and the engine's database keeps running.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TeCommandBesideEngineTest {
    @TempDir Path dir;

    @Test
    void connectsToTheRunningEnginesDatabaseInsteadOfStoppingIt() throws Exception {
        try (Database engines = Database.embedded(dir)) {
            PostgresProposalStore.open(engines);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new TeCommand());
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));

            int status = cl.execute("proposals", "--data-dir", dir.toString());

            assertThat(status).as("stderr: %s", err).isEqualTo(0);
            assertThat(out.toString()).contains("No proposals.");
            int count = engines.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM te_proposal").mapTo(Integer.class).one());
            assertThat(count).as("the engine's database still answers").isZero();
        }
    }
}
