package net.nsglobal.dns.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.util.CachingDateFormatter;

/**
 * The text log line, written out: what logback's PatternLayout makes of
 * {@value StderrLogging#PATTERN} (plus the stack trace it appends when an event has one), without PatternLayout
 * itself, whose table of every conversion word loads some 150 classes (a converter and a lambda each) to use five.
 * LineLayoutTest holds the two to the same output.
 */
final class LineLayout extends LayoutBase<ILoggingEvent> {
    private final CachingDateFormatter date = new CachingDateFormatter("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", null, null);
    private ThrowableProxyConverter stackTrace;

    @Override
    public void start() {
        // As PatternLayout's EnsureExceptionHandling chooses: the extended form when packaging data is on.
        boolean packaging = getContext() instanceof LoggerContext lc && lc.isPackagingDataEnabled();
        stackTrace = packaging ? new ExtendedThrowableProxyConverter() : new ThrowableProxyConverter();
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(date.format(event.getTimeStamp())).append(' ');
        String level = event.getLevel().toString();   // %-5level: padded on the right to five
        line.append(level);
        for (int i = level.length(); i < 5; i++) line.append(' ');
        line.append(' ');
        String logger = event.getLoggerName();        // %logger{0}: the part after the last dot
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(' ');
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) line.append(stackTrace.convert(event));
        return line.toString();
    }
}
