package net.nsglobal.dns.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.function.UnaryOperator;

/**
 * The logging of every process that has dns-node on its class path ({@code nsglobal node}, control-plane, demo):
 * logback configured in code, found by logback through {@code META-INF/services}. It replaces a logback.xml because
 * reading XML (logback's Joran and the JDK's SAX parser) loaded about 600 classes, a tenth of a small edge's class
 * metadata, to say what the lines below say.
 *
 * <p>One event per line on stderr, with key=value fields (component=…, zone=…):
 * {@code 2026-01-02T03:04:05.678+00:00 INFO  Node component=… msg}. {@code NSGLOBAL_LOG_FORMAT=JSON} switches to one
 * JSON object per line (logback's JsonEncoder); {@code NSGLOBAL_LOG_LEVEL=DEBUG} shows more of net.nsglobal (other
 * libraries log at WARN and above). Both are read as a system property first, then from the environment, as the
 * XML's {@code ${NAME:-default}} did.
 *
 * <p>An operator's own XML still wins: with {@code -Dlogback.configurationFile=…} (or a logback-test.xml on a test
 * class path) this configurator steps aside and logback reads that file; service configurators run before logback's
 * XML one, so the check is here. A logback.xml on the class path is not looked for: this class is the default it
 * was, and a build directory made before it may still hold the old one.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
    /** The text line's layout as a logback pattern; LineLayout writes it out. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext lc) {
        if (xmlGiven()) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        apply(lc, StderrLogging::setting);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code lc}; {@code settings} gives NSGLOBAL_LOG_LEVEL and NSGLOBAL_LOG_FORMAT (null when unset). */
    static void apply(LoggerContext lc, UnaryOperator<String> settings) {
        // Statuses are logback's own diagnostics; the XML silenced them too.
        lc.getStatusManager().add(new NopStatusListener());
        String format = settings.apply("NSGLOBAL_LOG_FORMAT");
        Encoder<ILoggingEvent> encoder;
        if (format == null || format.equals("TEXT")) {
            encoder = text(lc);
        } else if (format.equals("JSON")) {
            encoder = json(lc);
        } else {
            System.err.println("logging: NSGLOBAL_LOG_FORMAT is TEXT or JSON, not '" + format + "'; logging as TEXT");
            encoder = text(lc);
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(lc);
        appender.setName(format != null && format.equals("JSON") ? "JSON" : "TEXT");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        String level = settings.apply("NSGLOBAL_LOG_LEVEL");
        Logger ours = lc.getLogger("net.nsglobal");
        if (level == null) {
            ours.setLevel(Level.INFO);
        } else if (level.equalsIgnoreCase("INHERITED") || level.equalsIgnoreCase("NULL")) {
            ours.setLevel(null);
        } else if (!level.isBlank()) {
            ours.setLevel(Level.toLevel(level));   // as in the XML: an unknown name means DEBUG
        }
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> text(LoggerContext lc) {
        LineLayout layout = new LineLayout();
        layout.setContext(lc);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
        e.setContext(lc);
        e.setLayout(layout);
        e.start();
        return e;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext lc) {
        JsonEncoder e = new JsonEncoder();
        e.setContext(lc);
        e.setWithContext(false);
        e.setWithSequenceNumber(false);
        e.setWithNanoseconds(false);
        e.setWithThreadName(false);
        e.setWithMessage(false);
        e.setWithArguments(false);
        e.setWithFormattedMessage(true);
        e.start();
        return e;
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    private static boolean xmlGiven() {
        if (System.getProperty("logback.configurationFile") != null) return true;
        ClassLoader cl = StderrLogging.class.getClassLoader();
        return cl.getResource("logback-test.xml") != null;
    }
}
