package net.nsglobal.dns.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LineLayout writes what logback's PatternLayout writes for the log pattern, byte for byte. */
class LineLayoutTest {
    private final LoggerContext lc = new LoggerContext();

    private static LoggingEvent event(LoggerContext lc, String logger, Level level, String msg, Throwable t,
                                      Object... args) {
        return new LoggingEvent("test", lc.getLogger(logger), level, msg, t, args);
    }

    private String pattern(LoggingEvent e) {
        PatternLayout p = new PatternLayout();
        p.setContext(lc);
        p.setPattern(StderrLogging.PATTERN);
        p.start();
        return p.doLayout(e);
    }

    private String line(LoggingEvent e) {
        LineLayout l = new LineLayout();
        l.setContext(lc);
        l.start();
        return l.doLayout(e);
    }

    @Test
    void everyLevelLoggerAndMessageShapeComesOutAsThePatternMakesIt() {
        Exception cause = new IOException("disk full");
        Exception failure = new UncheckedIOException("cannot write journal", (IOException) cause);
        failure.addSuppressed(new IllegalStateException("close failed"));
        List<LoggingEvent> events = List.of(
                event(lc, "net.nsglobal.dns.Node", Level.INFO, "component=node event=started zones={}", null, 3),
                event(lc, "net.nsglobal.dns.xfrin.Transfer", Level.WARN, "component=xfrin zone={} {}", null,
                        "example.com.", "refused"),
                event(lc, "Unqualified", Level.ERROR, "no dot in the logger name", null),
                event(lc, "a.b.C$Inner", Level.DEBUG, "nested class", null),
                event(lc, "net.nsglobal.dns.Node", Level.TRACE, "trace is five letters", null),
                event(lc, "org.quartz.Scheduler", Level.ERROR, "with a stack trace", failure),
                event(lc, "net.nsglobal.dns.Node", Level.INFO, null, null));
        for (LoggingEvent e : events) assertThat(line(e)).isEqualTo(pattern(e));
    }

    @Test
    void packagingDataOnGivesTheExtendedStackTraceAsThePatternDoes() {
        lc.setPackagingDataEnabled(true);
        LoggingEvent e = event(lc, "net.nsglobal.dns.Node", Level.ERROR, "failed", new IllegalStateException("x"));
        assertThat(line(e)).isEqualTo(pattern(e)).contains("java.lang.IllegalStateException: x");
    }
}
