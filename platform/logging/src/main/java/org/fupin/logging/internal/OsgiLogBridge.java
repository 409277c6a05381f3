package org.fupin.logging.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Felix SCR, Config Admin, Metatype and Event Admin log through the OSGi Log Service; this copies each entry
 * to SLF4J under the entry's logger name, so component and configuration failures reach the log file.
 */
@Component(immediate = true, service = {})
public class OsgiLogBridge implements LogListener {
    private final LogReaderService reader;

    @Activate
    public OsgiLogBridge(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Logger logger = LoggerFactory.getLogger(entry.getLoggerName() == null ? "osgi" : entry.getLoggerName());
        String bundle = entry.getBundle() == null ? "" : "[" + entry.getBundle().getSymbolicName() + "] ";
        String message = bundle + entry.getMessage();
        Throwable error = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, error);
            case WARN -> logger.warn(message, error);
            case INFO -> logger.info(message, error);
            case DEBUG -> logger.debug(message, error);
            default -> logger.trace(message, error);
        }
    }
}
