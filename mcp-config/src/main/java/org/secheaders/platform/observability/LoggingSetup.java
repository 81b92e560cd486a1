package org.secheaders.platform.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Optional;
import net.logstash.logback.encoder.LogstashEncoder;
import org.secheaders.platform.config.LogLevel;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured level and optional log file on top of {@link JsonStderrLogging} (JSON on stderr),
 * so logging follows the same flag/env/file precedence as every other setting.
 */
public final class LoggingSetup {

    private LoggingSetup() {
    }

    public static void apply(LogLevel level, Optional<Path> logFile) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        logFile.ifPresent(file -> root.addAppender(fileAppender(context, file)));
    }

    /** The JSON-lines encoder of every platform log appender. */
    static LogstashEncoder jsonEncoder(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setEncoder(jsonEncoder(context));
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("cannot open log file " + file);
        }
        return appender;
    }
}
