package org.fupin.logging.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * FileInstall (with {@code felix.fileinstall.log.default=jul}) and Jersey log through java.util.logging; this
 * hands their records to SLF4J so they reach the console and the rolling log file like everything else.
 */
@Component(immediate = true, service = {})
public class JulBridge {
    @Activate
    public JulBridge() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Deactivate
    void deactivate() {
        SLF4JBridgeHandler.uninstall();
    }
}
