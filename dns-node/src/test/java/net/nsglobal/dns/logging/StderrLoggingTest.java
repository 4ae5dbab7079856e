package net.nsglobal.dns.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the node's logging does: the configuration the logback.xml it replaces gave, and an operator's XML winning. */
class StderrLoggingTest {
    @TempDir Path dir;

    /** Configures a fresh context with {@code settings} and logs through it; returns what reached stderr. */
    private static synchronized String stderrOf(Map<String, String> settings, java.util.function.Consumer<LoggerContext> log) {
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext lc = new LoggerContext();
        lc.setMDCAdapter(new LogbackMDCAdapter());   // as logback's service provider gives its context
        try {
            System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
            StderrLogging.apply(lc, settings::get);
            log.accept(lc);
        } finally {
            lc.stop();
            System.setErr(err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void byDefaultOursAtInfoOthersAtWarnOneTextLineEachOnStderr() {
        String err = stderrOf(Map.of(), lc -> {
            lc.getLogger("net.nsglobal.dns.Node").info("component=node event=started zones={}", 1);
            lc.getLogger("net.nsglobal.dns.Node").debug("component=node hidden");
            lc.getLogger("org.quartz.Scheduler").info("hidden too");
            lc.getLogger("org.quartz.Scheduler").warn("shown");
        });
        assertThat(err.lines()).hasSize(2);
        assertThat(err.lines().findFirst().orElseThrow())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  Node "
                        + "component=node event=started zones=1");
        assertThat(err).contains(" WARN  Scheduler shown");
    }

    @Test
    void logLevelAndJsonFormatFromTheSettings() {
        String err = stderrOf(Map.of("NSGLOBAL_LOG_LEVEL", "DEBUG", "NSGLOBAL_LOG_FORMAT", "JSON"), lc -> {
            lc.getLogger("net.nsglobal.dns.Node").debug("component=node zone={}", "example.com.");
            lc.getLogger("org.quartz.Scheduler").info("hidden");
        });
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("{").contains("\"level\":\"DEBUG\"")
                .contains("\"loggerName\":\"net.nsglobal.dns.Node\"")
                .contains("\"formattedMessage\":\"component=node zone=example.com.\"")
                .doesNotContain("threadName").doesNotContain("\"message\"").doesNotContain("\"context\"");
    }

    @Test
    void anUnknownFormatIsSaidAndLogsAsText() {
        String err = stderrOf(Map.of("NSGLOBAL_LOG_FORMAT", "yaml"),
                lc -> lc.getLogger("net.nsglobal.dns.Node").info("component=node still logged"));
        assertThat(err).contains("NSGLOBAL_LOG_FORMAT is TEXT or JSON, not 'yaml'")
                .contains(" INFO  Node component=node still logged");
    }

    @Test
    void anOperatorsLogbackConfigurationFileWinsOverTheBuiltInOne() throws Exception {
        Path xml = dir.resolve("mine.xml");
        Files.writeString(xml, """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.read.ListAppender"/>
                  <root level="TRACE"><appender-ref ref="MINE"/></root>
                </configuration>
                """);
        String old = System.getProperty("logback.configurationFile");
        LoggerContext lc = new LoggerContext();
        try {
            System.setProperty("logback.configurationFile", xml.toString());
            new ContextInitializer(lc).autoConfig();   // logback's own start-up: service configurators, then XML
        } finally {
            if (old == null) System.clearProperty("logback.configurationFile");
            else System.setProperty("logback.configurationFile", old);
        }
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.TRACE);
        assertThat(root.getAppender("MINE")).isInstanceOf(ListAppender.class);
        assertThat(root.getAppender("TEXT")).isNull();
        lc.stop();
    }

    @Test
    void withoutOneLogbackFindsTheBuiltInConfiguration() throws Exception {
        LoggerContext lc = new LoggerContext();
        new ContextInitializer(lc).autoConfig();
        assertThat(lc.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(lc.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("TEXT")).isNotNull();
        assertThat(lc.getLogger("net.nsglobal").getLevel()).isEqualTo(Level.INFO);
        lc.stop();
    }
}
