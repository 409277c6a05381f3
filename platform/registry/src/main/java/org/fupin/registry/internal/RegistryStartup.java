package org.fupin.registry.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the registry's storage off the framework's start-up thread — migrating the schema, and on the first
 * start loading 665,000 regions takes seconds — and registers {@link RegistryStore} as soon as provinces to
 * townships are in (villages follow; look-ups of a village wait for them). Until then the registry's components
 * are unsatisfied and health reports them as waiting.
 */
@Component(immediate = true, service = {})
// registered by hand, not by DS: tell the resolver this bundle provides it
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.fupin.registry.internal.RegistryStore")
public class RegistryStartup {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryStartup.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fupin-registry-startup"));
    private volatile ServiceRegistration<RegistryStore> registration;

    @Activate
    public RegistryStartup(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        worker.execute(() -> {
            try {
                database.migrate("registry", context.getBundle(), "db/registry");
                var store = new RegistryStore(database, audit);
                store.loadRegionsOnce(name -> RegistryStore.open(context.getBundle().getEntry(name), name),
                        () -> registration = context.registerService(RegistryStore.class, store, null));
            } catch (RuntimeException e) {
                LOG.error("The registry's storage could not be prepared; the registry stays unavailable", e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(60, TimeUnit.SECONDS);
        var current = registration;
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
    }
}
