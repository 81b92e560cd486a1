package org.secheaders.platform.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The platform's logging, found by logback through META-INF/services: JSON lines on stderr (in
 * stdio mode stdout carries the MCP protocol and nothing else), level INFO, Jetty at WARN; level
 * and an extra log file then come from the platform configuration ({@link LoggingSetup}). Set in
 * code rather than in logback.xml because parsing XML cost every server start ~500 classes and
 * a few hundred milliseconds. An explicit configuration still wins: {@code -Dlogback.configurationFile},
 * or a logback-test.xml or logback.xml on the classpath.
 */
public final class JsonStderrLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = JsonStderrLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new StderrStatusListener());

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(LoggingSetup.jsonEncoder(context));
        stderr.start();

        // Jetty's INFO lines (version banner, connector start) add nothing to our own startup line.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
