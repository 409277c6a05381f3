package org.fupin.programs.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.declaration.Declaration;
import org.fupin.program.declaration.DeclaredProgram;
import org.fupin.program.declaration.ProgramDeclarations;
import org.fupin.programs.admission.ProgramAdmission;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender of declared programs (the openHAB {@code OH-INF} pattern): for every active bundle with a
 * {@value ProgramDeclarations#DECLARATION}, reads the declaration and registers its {@link Program} service on the
 * bundle's behalf, where the catalogue finds it like any other. A declaration with problems is logged and not offered.
 * A declaration that says it has Java rules is offered only while the bundle's {@link ProgramRules} service for it
 * runs (and activates). Bundles on trial ({@link ProgramAdmission#TRIAL_LOCATION_PREFIX}) are left to the plugin
 * manager.
 */
@Component(immediate = true)
public class DeclaredProgramExtender {
    private static final Logger LOG = LoggerFactory.getLogger(DeclaredProgramExtender.class);

    private final BundleTracker<Offer> bundles;

    @Activate
    public DeclaredProgramExtender(BundleContext context) {
        bundles = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Offer addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getEntry(ProgramDeclarations.DECLARATION) == null
                        || bundle.getLocation().startsWith(ProgramAdmission.TRIAL_LOCATION_PREFIX)) {
                    return null;
                }
                return offer(context, bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Offer offer) {
                // nothing: a bundle that stops leaves the tracker (removedBundle)
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Offer offer) {
                offer.close();
            }
        });
        bundles.open();
    }

    @Deactivate
    void close() {
        bundles.close();
    }

    private static Offer offer(BundleContext context, Bundle bundle) {
        Declaration declaration = ProgramDeclarations.read(path -> {
            var entry = bundle.getEntry(path);
            return entry == null ? null : entry.openStream();
        });
        if (!declaration.usable()) {
            LOG.error("The program declaration of {} {} has problems; not offered: {}", bundle.getSymbolicName(),
                    bundle.getVersion(), declaration.problems());
            return new Offer(null, null);
        }
        if (!declaration.javaRules()) {
            return new Offer(register(bundle, new DeclaredProgram(declaration, DeclaredProgram.NO_RULES)), null);
        }
        Filter filter;
        try {
            filter = context.createFilter("(&(objectClass=" + ProgramRules.class.getName() + ")("
                    + ProgramRules.PROGRAM + "=" + declaration.programId() + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        var rules = new ServiceTracker<ProgramRules, ServiceRegistration<Program>>(context, filter, null) {
            @Override
            public ServiceRegistration<Program> addingService(ServiceReference<ProgramRules> reference) {
                if (reference.getBundle() == null || reference.getBundle().getBundleId() != bundle.getBundleId()) {
                    return null; // only the declaring bundle's own rules
                }
                ProgramRules service = context.getService(reference);
                if (service == null) {
                    LOG.error("The rules of program {} in {} failed to activate; not offered",
                            declaration.programId(), bundle.getSymbolicName());
                    return null;
                }
                return register(bundle, new DeclaredProgram(declaration, service));
            }

            @Override
            public void removedService(ServiceReference<ProgramRules> reference,
                    ServiceRegistration<Program> registration) {
                unregister(registration);
                context.ungetService(reference);
            }
        };
        rules.open();
        return new Offer(null, rules);
    }

    private static ServiceRegistration<Program> register(Bundle bundle, Program program) {
        BundleContext owner = bundle.getBundleContext();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ProgramRules.PROGRAM, program.definition().descriptor().id());
        return owner == null ? null : owner.registerService(Program.class, program, properties);
    }

    private static void unregister(ServiceRegistration<Program> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle stopped first, which unregistered it
        }
    }

    /** What was offered for one bundle: a registration (no Java rules) or a tracker of its rules. */
    private record Offer(ServiceRegistration<Program> registration, ServiceTracker<?, ?> rules) {
        void close() {
            if (registration != null) {
                unregister(registration);
            }
            if (rules != null) {
                rules.close();
            }
        }
    }
}
