package org.secheaders.domain.db;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/** Routes Liquibase's logging (java.util.logging by default) to SLF4J, like the rest of the platform. */
final class Slf4jLogService extends AbstractLogService {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    @SuppressWarnings("rawtypes") // Liquibase's interface declares the raw type
    public Logger getLog(Class clazz) {
        return new Slf4jLogger(LoggerFactory.getLogger(clazz));
    }

    private static final class Slf4jLogger extends AbstractLogger {
        private final org.slf4j.Logger delegate;

        Slf4jLogger(org.slf4j.Logger delegate) {
            this.delegate = delegate;
        }

        /** Nothing to release; narrows Liquibase's {@code close() throws Exception}. */
        @Override
        public void close() {
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            int value = level.intValue();
            if (value == Level.OFF.intValue()) {
                return;
            }
            if (value >= Level.SEVERE.intValue()) {
                delegate.error(message, e);
            } else if (value >= Level.WARNING.intValue()) {
                delegate.warn(message, e);
            } else if (value >= Level.INFO.intValue()) {
                delegate.info(message, e);
            } else if (value >= Level.FINE.intValue()) {
                delegate.debug(message, e);
            } else {
                delegate.trace(message, e);
            }
        }
    }
}
