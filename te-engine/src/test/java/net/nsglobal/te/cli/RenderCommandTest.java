package net.nsglobal.te.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.apply.BirdParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code te render --site CODE} prints the site's configuration, and BIRD 2's parser accepts what it prints. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RenderCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new RenderCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void printsFra1sConfigurationWhichBirdParses() throws Exception {
        assertThat(run("--site", "fra1", "--sites", "../sites")).as("stderr: %s", err).isZero();

        String conf = out.toString();
        assertThat(conf).contains("router id 192.0.2.6;").contains("neighbor 203.0.113.50 as 174;")
                .contains("protocol bgp decix_rs");
        assertThat(new BirdParser().problem(conf)).as("bird -p on the printed configuration").isEmpty();
    }

    @Test
    void anUnknownSiteIsAClearErrorNamingTheKnownOnes() {
        assertThat(run("--site", "xyz9", "--sites", "../sites")).isEqualTo(2);
        assertThat(err.toString()).contains("no site 'xyz9'").contains("fra1");
        assertThat(out.toString()).isEmpty();
    }
}
