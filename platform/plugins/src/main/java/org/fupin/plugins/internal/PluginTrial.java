package org.fupin.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.program.api.Program;
import org.fupin.programs.admission.ProgramAdmission;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.bundle.CollisionHook;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a plugin jar out before it replaces anything: installs it beside the running version under a trial location,
 * starts it (which resolves it), activates its program component and asks the catalogue about its definition, then
 * uninstalls it again. While on trial the bundle's services are hidden from every bundle but this one (service find
 * and event hooks), so the catalogue and the rest of the platform never see it and the running version keeps serving;
 * a collision hook lets the trial share its symbolic name and version with the running bundle.
 */
final class PluginTrial implements FindHook, EventListenerHook, CollisionHook {
    static final String LOCATION_PREFIX = "fupin-trial:";
    private static final Logger LOG = LoggerFactory.getLogger(PluginTrial.class);

    private final BundleContext context;
    private final ProgramAdmission admission;
    private final ServiceComponentRuntime components;
    private final long timeoutMillis;
    private final List<ServiceRegistration<?>> hooks = new ArrayList<>();
    /** Set while this class installs a trial bundle, so that only that install may collide. */
    private volatile boolean installing;

    PluginTrial(BundleContext context, ProgramAdmission admission, ServiceComponentRuntime components,
            long timeoutMillis) {
        this.context = context;
        this.admission = admission;
        this.components = components;
        this.timeoutMillis = timeoutMillis;
    }

    void open() {
        hooks.add(context.registerService(new String[] { FindHook.class.getName(),
                EventListenerHook.class.getName(), CollisionHook.class.getName() }, this, null));
    }

    void close() {
        hooks.forEach(ServiceRegistration::unregister);
        hooks.clear();
    }

    /**
     * Every reason why {@code jar} (bundle {@code name}) would not run as a program here; empty when it would. Leaves
     * nothing installed.
     */
    List<String> problems(Path jar, String name) {
        Bundle trial;
        try (InputStream in = Files.newInputStream(jar)) {
            installing = true;
            trial = context.installBundle(LOCATION_PREFIX + name + "/" + UUID.randomUUID(), in);
        } catch (BundleException | IOException e) {
            return List.of("install: " + e.getMessage());
        } finally {
            installing = false;
        }
        try {
            return problems(trial, name);
        } finally {
            remove(trial);
        }
    }

    private List<String> problems(Bundle trial, String name) {
        try {
            trial.start();
        } catch (BundleException e) {
            return List.of("start: " + e.getMessage());
        } catch (RuntimeException e) {
            return List.of("start: " + e);
        }
        List<ServiceReference<?>> references = awaitPrograms(trial);
        if (references.isEmpty()) {
            List<String> why = new ArrayList<>(List.of("no " + Program.class.getSimpleName()
                    + " service registered within " + timeoutMillis / 1000 + " s"));
            why.addAll(componentProblems(trial));
            return why;
        }
        List<String> problems = new ArrayList<>();
        for (ServiceReference<?> reference : references) {
            try {
                Object service = context.getService(reference);
                if (!(service instanceof Program program)) {
                    List<String> why = componentProblems(trial);
                    problems.addAll(why.isEmpty() ? List.of("the program component failed to activate") : why);
                    continue;
                }
                problems.addAll(admission.problems(program, name));
            } catch (RuntimeException e) {
                problems.add("the program component failed: " + e);
            } finally {
                context.ungetService(reference);
            }
        }
        return problems;
    }

    /** What Declarative Services says of the trial bundle's components that do not run. */
    private List<String> componentProblems(Bundle trial) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(trial)) {
            var configurations = components.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                problems.add("component " + description.name + " is "
                        + (components.isComponentEnabled(description) ? "waiting for its configuration "
                                + Arrays.toString(description.configurationPid) : "disabled"));
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add("component " + description.name
                            + " failed to activate: " + firstLine(configuration.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add("component "
                            + description.name + " waits for " + Arrays.stream(configuration.unsatisfiedReferences)
                                    .map(r -> r.name + " (" + r.target + ")").toList());
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add("component "
                            + description.name + " needs the configuration "
                            + Arrays.toString(description.configurationPid));
                    default -> { }
                }
            }
        }
        return problems;
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "(no reason given)";
        }
        // the failure is a stack trace: its cause is the most telling line
        String[] lines = failure.split("\\R");
        String cause = Arrays.stream(lines).filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> l.substring("Caused by: ".length())).orElse(lines[0]);
        return cause.trim();
    }

    private List<ServiceReference<?>> awaitPrograms(Bundle trial) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            ServiceReference<?>[] registered = trial.getRegisteredServices();
            List<ServiceReference<?>> programs = registered == null ? List.of() : Arrays.stream(registered)
                    .filter(r -> Arrays.asList((String[]) r.getProperty(Constants.OBJECTCLASS))
                            .contains(Program.class.getName()))
                    .toList();
            if (!programs.isEmpty() || System.currentTimeMillis() > deadline) {
                return programs;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return programs;
            }
        }
    }

    private void remove(Bundle trial) {
        try {
            trial.uninstall();
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                    .refreshBundles(List.of(trial));
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not uninstall the trial bundle {}", trial.getLocation(), e);
        }
    }

    private static boolean onTrial(Bundle bundle) {
        return bundle != null && bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    /** Only this bundle and the trial bundle itself see a trial bundle's services. */
    private boolean hiddenFrom(Bundle viewer, Bundle registrant) {
        return onTrial(registrant) && viewer != null && viewer.getBundleId() != context.getBundle().getBundleId()
                && viewer.getBundleId() != registrant.getBundleId();
    }

    @Override
    public void find(BundleContext viewer, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        references.removeIf(reference -> hiddenFrom(viewer.getBundle(), reference.getBundle()));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        Bundle registrant = event.getServiceReference().getBundle();
        if (onTrial(registrant)) {
            listeners.keySet().removeIf(viewer -> hiddenFrom(viewer.getBundle(), registrant));
        }
    }

    @Override
    public void filterCollisions(int operationType, Bundle target, Collection<Bundle> collisionCandidates) {
        if (installing && target.getBundleId() == context.getBundle().getBundleId()) {
            collisionCandidates.clear();
        } else {
            // a jar dropped into the deploy folder never collides with a bundle that is only on trial
            collisionCandidates.removeIf(PluginTrial::onTrial);
        }
    }
}
